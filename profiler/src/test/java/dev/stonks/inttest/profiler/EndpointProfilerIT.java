package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.output.EndpointExample;
import dev.stonks.inttest.events.output.EndpointProfile;
import dev.stonks.inttest.events.output.ProfilingOutput;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.localstack.sandbox.ComponentKind;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.sandbox.SandboxComponent;
import dev.stonks.inttest.localstack.sandbox.SandboxRecord;
import dev.stonks.inttest.localstack.sandbox.SandboxSecrets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage's work on a local run, wired as in the service: a real HTTP service process stand-in (the JDK's server)
 * answering the examples, a real sandbox directory recording a real service process, and no database access.
 */
class EndpointProfilerIT {
    private static final String NS = "stonks-inttest-profile";

    @TempDir
    Path root;

    @Test
    void profilesALocalRun() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger companyCalls = new AtomicInteger();
        server.createContext("/api/companies/", exchange -> {
            try (exchange) {
                companyCalls.incrementAndGet();
                byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        AtomicInteger backtests = new AtomicInteger();
        String backtest = "{\"symbol\":\"ACME\",\"from\":\"2024-01-01\",\"to\":\"2024-06-30\"}";
        server.createContext("/api/trading/backtest", exchange -> {
            try (exchange) {
                boolean same = exchange.getRequestMethod().equals("POST")
                        && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                        && new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                        .equals(backtest);
                if (same) {
                    backtests.incrementAndGet();
                }
                exchange.sendResponseHeaders(same ? 200 : 400, -1);
            }
        });
        server.start();
        Process service = new ProcessBuilder("sleep", "30").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            LocalSandbox.create(root, SandboxRecord.create("profile-run", NS, "latest", false, 1, Instant.now(),
                    Instant.now().plus(Duration.ofHours(1))).withComponent("query-api", SandboxComponent.of(
                    ComponentKind.SERVICE, ProcessIdentity.ofRunning(service.pid()), server.getAddress().getPort(),
                    url, null, root.resolve("query-api.log"), 1)), SandboxSecrets.generate("stonks", "stonks", "b"));
            ProfilerConfig config = TestConfig.profilerConfig(Map.of());
            EndpointProfiler profiler = new EndpointProfiler(config, new WarmEndpointSampler(config),
                    new ServiceMemoryReader(new LocalMemoryReader(() -> root), new KubernetesMemoryReader(() -> {
                        throw new AssertionError("no Kubernetes client for a local run");
                    })), new SlowSqlReader(config), ctx -> {
                        throw new StageFailedException("sandbox_unavailable", "no credentials file");
                    });
            // the tests' output as the tester hands it on (through JSON)
            TestsOutput tests = Json.convert(Json.tree(new TestsOutput(2, 2, 0, 0, 0, List.of(), Map.of(
                    "/api/companies/{id}", List.of(2800.0, 14.0),
                    "POST /api/trading/backtest", List.of(492.0),
                    "POST /api/orders", List.of(35.0)))
                    .withExamples(Map.of("/api/companies/{id}", new EndpointExample("query-api", "/api/companies/1"),
                            "POST /api/trading/backtest", new EndpointExample("query-api", "/api/trading/backtest",
                                    "POST", backtest, "application/json")))
                    .withProbes(Map.of("/api/nothing-here", List.of(4.0)))),
                    TestsOutput.class);

            ProfilingOutput out = profiler.profile(tests, new RunContext("latest", NS, false, 1,
                    RunContext.BACKEND_LOCAL, Map.of(), Map.of("query-api", url)));

            // the defaults: 10 warm-up calls and 100 timed ones per example, the POST sent as the tests sent it
            assertThat(companyCalls.get()).isEqualTo(10 + 100);
            assertThat(backtests.get()).isEqualTo(10 + 100);
            for (String warm : List.of("/api/companies/{id}", "POST /api/trading/backtest")) {
                EndpointProfile endpoint = out.endpoints().get(warm);
                assertThat(endpoint.source()).isEqualTo(EndpointProfile.PROFILE);
                assertThat(endpoint.warm()).isTrue();
                assertThat(endpoint.count()).isEqualTo(100);
                assertThat(endpoint.p99Ms()).isNotNull().isLessThan(500.0);
                assertThat(endpoint.sql()).isNull();
            }
            assertThat(out.endpoints().get("/api/companies/{id}").firstCallMs()).isEqualTo(2800.0);
            assertThat(out.endpoints().get("POST /api/trading/backtest").firstCallMs()).isEqualTo(492.0);
            assertThat(out.endpoints().get("POST /api/orders").source()).isEqualTo(EndpointProfile.TESTS);
            assertThat(out.endpoints().get("POST /api/orders").warm()).isFalse();
            assertThat(out.endpoints()).doesNotContainKey("/api/nothing-here");
            assertThat(out.probes()).containsOnlyKeys("/api/nothing-here");
            assertThat(out.slowEndpoints()).isEmpty();
            assertThat(out.testCalls().get("/api/companies/{id}").maxMs()).isEqualTo(2800.0);
            assertThat(out.nPlusOne()).isEmpty();
            assertThat(out.memory()).containsOnlyKeys("query-api");
            assertThat(out.memory().get("query-api").source()).isEqualTo("proc");
            assertThat(out.sql()).isNull();
            assertThat(out.unavailable()).containsOnly(
                    Map.entry("sql", "no access to the sandbox database: no credentials file"),
                    Map.entry("sql per endpoint", "no access to the sandbox database: no credentials file"));
        } finally {
            server.stop(0);
            service.destroyForcibly();
            service.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
