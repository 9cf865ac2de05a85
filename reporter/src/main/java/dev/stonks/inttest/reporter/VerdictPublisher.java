package dev.stonks.inttest.reporter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.support.EventPublisher;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Assembles the results of a finished run and publishes its run.verdict, once per attempt. Created at start-up, so
 * budget limits that are not positive numbers stop the reporter from starting rather than a run's verdict.
 */
@Startup
@ApplicationScoped
public class VerdictPublisher {
    private static final Logger LOG = Logger.getLogger(VerdictPublisher.class);
    private final EventPublisher publisher;
    private final VerdictArchive archive;
    private final BudgetLimits budgets;

    public VerdictPublisher(EventPublisher publisher, VerdictArchive archive, ReporterConfig config) {
        this.publisher = publisher;
        this.archive = archive;
        this.budgets = config.budgets().limits();
    }

    void publish(RunState run) {
        if (!run.claimVerdict()) {
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
