package dev.stonks.inttest.reporter;

import dev.stonks.inttest.support.owner.ExitBlocker;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The runs this reporter follows, by run id: in memory, rebuilt from the log at start-up ({@link LogRecovery}).
 * Whether a run still waits for its verdict comes from the {@link VerdictLedger}.
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
        return runs.computeIfAbsent(runId, id -> new RunState(id, limits));
    }

    Optional<RunState> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    Collection<RunState> all() {
        return runs.values();
    }

    /** Runs not finished, or finished without a verdict yet. */
    List<RunState> inFlight() {
        return runs.values().stream().filter(r -> r.inFlight(ledger.published(r.runId()))).toList();
    }

    @Override
    public String busyWith() {
        List<RunState> open = inFlight();
        return open.isEmpty() ? "" : open.size() + " run(s) without a verdict: "
                + open.stream().map(RunState::runId).toList();
    }
}
