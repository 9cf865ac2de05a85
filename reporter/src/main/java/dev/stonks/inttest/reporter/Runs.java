package dev.stonks.inttest.reporter;

import dev.stonks.inttest.support.owner.ExitBlocker;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The runs this reporter follows, by run id: in memory, rebuilt from the log at start-up ({@link LogRecovery}). A
 * run whose verdict is already on the log starts out as reported, so it never gets a second one.
 */
@ApplicationScoped
public class Runs implements ExitBlocker {
    private final ConcurrentMap<String, RunState> runs = new ConcurrentHashMap<>();
    private final WatchdogLimits limits;
    private final VerdictLedger ledger;

    public Runs(ReporterConfig config, VerdictLedger ledger) {
        this.limits = new WatchdogLimits(config.heartbeatTimeout(), config.deadlines()::of);
        this.ledger = ledger;
    }

    RunState get(String runId) {
        return runs.computeIfAbsent(runId, id -> {
            RunState run = new RunState(id, limits);
            run.verdictPublished(ledger.published(id));
            return run;
        });
    }

    Optional<RunState> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    Collection<RunState> all() {
        return runs.values();
    }

    /** Runs not finished, or finished without a verdict yet. */
    List<RunState> inFlight() {
        return runs.values().stream().filter(RunState::verdictPending).toList();
    }

    @Override
    public String busyWith() {
        List<RunState> open = inFlight();
        return open.isEmpty() ? "" : open.size() + " run(s) without a verdict: "
                + open.stream().map(RunState::runId).toList();
    }
}
