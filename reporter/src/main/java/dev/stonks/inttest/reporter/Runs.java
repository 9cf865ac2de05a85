package dev.stonks.inttest.reporter;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The runs this reporter follows, by run id (in memory, rebuilt from the event stream). */
@ApplicationScoped
public class Runs {
    private final ConcurrentMap<String, RunState> runs = new ConcurrentHashMap<>();
    private final ReporterConfig config;

    public Runs(ReporterConfig config) {
        this.config = config;
    }

    RunState get(String runId) {
        return runs.computeIfAbsent(runId, id -> new RunState(id, config.deadlines()::of));
    }

    Optional<RunState> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    Collection<RunState> all() {
        return runs.values();
    }
}
