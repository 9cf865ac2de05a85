package dev.stonks.inttest.reporter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.support.EventPublisher;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Assembles the results of a finished run and publishes its run.verdict, once per attempt, also across restarts (a
 * verdict already on the log is never published again). Created at start-up, so budget limits that are not positive
 * numbers stop the reporter from starting rather than a run's verdict.
 */
@Startup
@ApplicationScoped
public class VerdictPublisher {
    private static final Logger LOG = Logger.getLogger(VerdictPublisher.class);
    private final EventPublisher publisher;
    private final VerdictArchive archive;
    private final VerdictLedger ledger;
    private final BudgetLimits budgets;

    public VerdictPublisher(EventPublisher publisher, VerdictArchive archive, VerdictLedger ledger,
            ReporterConfig config) {
        this.publisher = publisher;
        this.archive = archive;
        this.ledger = ledger;
        this.budgets = config.budgets().limits();
    }

    void publish(RunState run) {
        if (!ledger.claim(run.runId(), run.attempt())) {
            LOG.debugf("run %s: verdict of attempt %d already published", run.runId(), run.attempt());
            return;
        }
        RunSnapshot snapshot = run.snapshot();
        ObjectNode results = ResultsAssembler.assemble(snapshot, Instant.now(), budgets);
        int exitCode = results.get("exit_code").asInt();
        publisher.publish(new RunVerdict(snapshot.runId(), exitCode, results, Instant.now()));
        archive.record(results);
        LOG.infof("run %s: verdict exit_code=%d", snapshot.runId(), exitCode);
    }
}
