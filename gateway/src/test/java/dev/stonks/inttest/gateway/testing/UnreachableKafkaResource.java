package dev.stonks.inttest.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/** The gateway pointed at a loopback port nobody listens on: Kafka is down. */
public class UnreachableKafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + port,
                "gateway.webhook-secret", KafkaBrokerResource.WEBHOOK_SECRET, "auth.tokens-file", TestTokens.file());
    }

    @Override
    public void stop() {
    }
}
