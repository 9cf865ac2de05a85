package dev.stonks.inttest.reporter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.support.EventPublisher;
import dev.stonks.inttest.reporter.cdevents.CdEventsPublisher;
import dev.stonks.inttest.reporter.history.HistoryBaselines;
import dev.stonks.inttest.reporter.history.HistoryWriter;
import dev.stonks.inttest.reporter.history.HistoryWrites;
import dev.stonks.inttest.reporter.history.RunStatus;
import dev.stonks.inttest.reporter.live.LiveEvent;
import dev.stonks.inttest.reporter.live.LiveEvents;
import dev.stonks.inttest.reporter.regressions.Baselines;
import dev.stonks.inttest.reporter.regressions.RegressionSettings;
import dev.stonks.inttest.reporter.store.ResultsArtifacts;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Assembles the results of a finished run and publishes its run.verdict, once per attempt, also across restarts (a
 * verdict already on the log is never published again). Created at start-up, so budget limits that are not positive
 * numbers (or regression thresholds that make no sense) stop the reporter from starting rather than a run's
 * verdict. The results and their page are stored as the run's artifacts first (a store that fails is named in the
 * results, never holds the verdict back); after the verdict, the results go into the history, then the verdict to the
 * live event streams, then the verdict as CDEvents.
 */
@Startup
@ApplicationScoped
public class VerdictPublisher {
    private static final Logger LOG = Logger.getLogger(VerdictPublisher.class);
    private final EventPublisher publisher;
    private final VerdictLedger ledger;
    private final BudgetLimits budgets;
    private final HistoryWrites history;
    private final HistoryWriter writer;
    private final LiveEvents live;
    private final ResultsArtifacts artifacts;
    private final CdEventsPublisher cdEvents;
    private final Baselines baselines;
    private final RegressionSettings regressions;

    public VerdictPublisher(EventPublisher publisher, VerdictLedger ledger, ReporterConfig config,
            HistoryWrites history, HistoryWriter writer, LiveEvents live, ResultsArtifacts artifacts,
            CdEventsPublisher cdEvents, HistoryBaselines baselines) {
        this.publisher = publisher;
        this.ledger = ledger;
        this.budgets = config.budgets().limits();
        this.regressions = config.regressions().settings();
        this.baselines = baselines;
        this.history = history;
        this.writer = writer;
        this.live = live;
        this.artifacts = artifacts;
        this.cdEvents = cdEvents;
    }

    void publish(RunState run) {
        if (!ledger.claim(run.runId(), run.attempt())) {
            LOG.debugf("run %s: verdict of attempt %d already published", run.runId(), run.attempt());
            return;
        }
        RunSnapshot snapshot = run.snapshot();
        // the baseline is read before this run's verdict is written, so the run is never compared with itself
        ObjectNode results = ResultsAssembler.assemble(snapshot, Instant.now(), budgets, baselines, regressions);
        int exitCode = results.get("exit_code").asInt();
        artifacts.attach(snapshot.runId(), results);
        Instant decidedAt = Instant.now();
        publisher.publish(new RunVerdict(snapshot.runId(), exitCode, results, decidedAt));
        LOG.infof("run %s: verdict exit_code=%d", snapshot.runId(), exitCode);
        writer.write(snapshot.runId(), "verdict", () -> history.verdict(results));
        String status = RunStatus.of(exitCode, results.path("cancelled").isObject());
        live.publish(LiveEvent.of(LiveEvent.VERDICT, snapshot.runId(), null, run.attempt(), status, decidedAt)
                .with("exit_code", exitCode));
        // the verdict restated for CD tools; after the history and live streams, which it must never delay
        cdEvents.publish(results, decidedAt);
    }
}
