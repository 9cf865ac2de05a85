package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stonks.inttest.localstack.FreePorts;
import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.stack.StackRecord;
import dev.stonks.inttest.localstack.supervision.RestartPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's PostgreSQL and artifact store as real processes: their environment for the services, their stack.json
 * entries, a killed postmaster restarted on the same port and data, and nothing left after close.
 */
class StackInfrastructureIT {
    @TempDir
    Path tmp;

    @Test
    void bothStartAKilledDatabaseComesBackOnItsPortAndCloseStopsBoth() {
        List<String> reports = new CopyOnWriteArrayList<>();
        LocalStack.Options options = new LocalStack.Options(true, new RestartPolicy.Settings(Duration.ofMillis(200),
                Duration.ofSeconds(1), Duration.ofSeconds(60), 3), Duration.ofSeconds(5));
        StackInfrastructure infrastructure = new StackInfrastructure(StackInfrastructure.Layout.fresh(tmp), options,
                reports::add, () -> { });
        try {
            // When
            infrastructure.startAsync().join();

            // Then: the contract's environment, pointing at live servers
            Map<String, String> db = infrastructure.historyDbEnvironment();
            assertThat(db).containsEntry("HISTORY_DB_NAME", "history").containsEntry("HISTORY_DB_USER", "inttest")
                    .containsKeys("HISTORY_DB_ADDRESS", "HISTORY_DB_PASSWORD");
            int dbPort = Integer.parseInt(db.get("HISTORY_DB_ADDRESS").substring("127.0.0.1:".length()));
            assertThat(FreePorts.isListening(dbPort)).isTrue();
            Map<String, String> s3 = infrastructure.artifactsEnvironment();
            assertThat(s3).containsEntry("ARTIFACTS_BUCKET", "inttest-artifacts").containsEntry("ARTIFACTS_REGION",
                    "us-east-1").containsKeys("ARTIFACTS_ENDPOINT", "ARTIFACTS_ACCESS_KEY", "ARTIFACTS_SECRET_KEY");
            List<StackRecord.Component> components = infrastructure.components();
            assertThat(components).extracting(StackRecord.Component::name).containsExactlyInAnyOrder("history-db",
                    "artifacts");
            assertThat(components).allSatisfy(c -> assertThat(c.process().isRunning()).isTrue());

            // When: the postmaster is killed
            long first = infrastructure.historyDbPid();
            ProcessControl.signal(first, "KILL");

            // Then: restarted on the same port and data
            await().atMost(Duration.ofSeconds(30)).until(() -> infrastructure.historyDbPid() != first
                    && FreePorts.isListening(dbPort));
            assertThat(reports).anyMatch(r -> r.startsWith("history-db exited"));
            assertThat(infrastructure.historyDbEnvironment().get("HISTORY_DB_ADDRESS")).isEqualTo("127.0.0.1:"
                    + dbPort);
            assertThat(infrastructure.components()).filteredOn(c -> c.name().equals("history-db"))
                    .singleElement().satisfies(c -> {
                        assertThat(c.restarts()).isEqualTo(1);
                        assertThat(c.process().pid()).isEqualTo(infrastructure.historyDbPid());
                    });
        } finally {
            infrastructure.close();
        }

        // And: nothing left
        assertThat(infrastructure.components()).noneMatch(c -> c.process().isRunning());
    }
}
