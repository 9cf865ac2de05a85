package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpReadinessTest {

    @TempDir
    Path tmp;
    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(FreePorts.LOOPBACK, 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            int status = calls.incrementAndGet() < 3 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/forbidden", exchange -> {
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void waitsThrough503UntilTheFirst200() {
        HttpReadiness.await(uri("/q/health/ready"), Duration.ofSeconds(10), ProcessHandle.current(), null);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void anyResponseIsEnoughForAwaitAnyResponse() {
        HttpReadiness.awaitAnyResponse(uri("/forbidden"), Duration.ofSeconds(5), ProcessHandle.current(), null);
    }

    @Test
    void timesOutWithTheLastAnswerAndTheLogTail() throws IOException {
        Path log = Files.writeString(tmp.resolve("svc.log"), "line one\nboom: the last line\n");
        assertThatThrownBy(() -> HttpReadiness.await(uri("/forbidden"), Duration.ofMillis(400),
                ProcessHandle.current(), log))
                .isInstanceOf(StartFailedException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("boom: the last line");
    }

    @Test
    void failsFastWhenTheWatchedProcessIsGone() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Path log = Files.writeString(tmp.resolve("svc.log"), "fatal: could not bind\n");
        long start = System.nanoTime();
        assertThatThrownBy(() -> HttpReadiness.await(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(30),
                done.toHandle(), log))
                .isInstanceOf(StartFailedException.class)
                .hasMessageContaining("died")
                .hasMessageContaining("fatal: could not bind");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
