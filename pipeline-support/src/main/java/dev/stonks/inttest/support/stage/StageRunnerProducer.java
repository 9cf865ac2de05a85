package dev.stonks.inttest.support.stage;

import dev.stonks.inttest.support.EventPublisher;
import dev.stonks.inttest.support.PipelineConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the {@link RunLog} (read from Kafka) and the {@link StageRunner} of a stage service. Only services that
 * inject a StageRunner read the log.
 */
@ApplicationScoped
public class StageRunnerProducer {
    private RunLogReader reader;

    @Produces
    @Singleton
    RunLog runLog(PipelineConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        RunLog log = new RunLog(config.dedupCapacity());
        reader = new RunLogReader(bootstrapServers, config.runLogLookback(), log);
        reader.start();
        return log;
    }

    @Produces
    @Singleton
    StageRunner stageRunner(EventPublisher publisher, RunLog log, PipelineConfig config) {
        return new StageRunner(publisher, log, config.heartbeatInterval());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (reader != null) {
            reader.close();
        }
    }
}
