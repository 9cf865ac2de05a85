package dev.stonks.inttest.promoter.testing;

import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.localstack.KafkaBroker;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * What the promoter talks to: a real Kafka broker (KRaft, child JVM) with the pipeline's topics, and fabric8's mock
 * API server in CRUD mode standing in for the cluster with Kargo (its kinds registered with a status subresource).
 */
public class KafkaAndKargoResource implements QuarkusTestResourceLifecycleManager {
    public static final String STATE_NAMESPACE = "inttest-system";

    private KafkaBroker broker;
    private KubernetesMockServer server;

    @Override
    public Map<String, String> start() {
        try {
            broker = KafkaBroker.start(Files.createTempDirectory("promoter-kafka-it").resolve("kafka"));
            broker.createTopics(Topics.ALL, Topics.DEFAULT_PARTITIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(TestKargo.crds()), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.kubernetes-client.api-server-url", "http://127.0.0.1:" + server.getPort(),
                "quarkus.kubernetes-client.namespace", STATE_NAMESPACE,
                "quarkus.kubernetes-client.trust-certs", "true",
                "promoter.check-interval", "1s",
                "auth.tokens-file", TestTokens.file());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.destroy();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
