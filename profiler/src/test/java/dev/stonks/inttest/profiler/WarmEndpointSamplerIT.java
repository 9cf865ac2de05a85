package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stonks.inttest.events.output.EndpointExample;
import dev.stonks.inttest.events.output.EndpointProfile;
import dev.stonks.inttest.events.output.ProfilingOutput;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.localstack.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The warm re-measurement against a real HTTP server (the JDK's), which counts the calls it answers. */
class WarmEndpointSamplerIT {
    private static final WarmEndpointSampler.Settings DEFAULTS = new WarmEndpointSampler.Settings(10, 100,
            Duration.ofSeconds(60), Duration.ofSeconds(5));

    private HttpServer server;
    private ExecutorService executor;
    private String baseUrl;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void anEndpointSlowOnlyOnItsFirstCallIsSlowInTheTestsButNotWarm() throws Exception {
        // Given a service whose first call of /api/companies/{id} takes 700 ms (a cold JVM), later ones not
        AtomicInteger seen = new AtomicInteger();
        serve("/api/companies/", exchange -> {
            if (seen.getAndIncrement() == 0) {
                sleep(700);
            }
            answer(exchange, 200, "{\"id\":7,\"name\":\"Acme\"}");
        });
        // and the tests' calls of it, timed as the tester times them
        List<Double> testCalls = new ArrayList<>();
        HttpClient tester = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = tester.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/companies/7?x=1"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            testCalls.add((System.nanoTime() - t0) / 1e6);
            assertThat(r.statusCode()).isEqualTo(200);
        }
        TestsOutput tests = new TestsOutput(1, 1, 0, 0, 0, List.of(), Map.of("/api/companies/{id}", testCalls))
                .withExamples(Map.of("/api/companies/{id}", new EndpointExample("query-api", "/api/companies/7?x=1")));

        // When
        WarmSamples warm = new WarmEndpointSampler(DEFAULTS).sample(tests.examples(), Map.of("query-api", baseUrl));
        ProfilingOutput out = EndpointProfiler.assemble(500, tests, warm, EndpointSqlReading.none(5, null),
                new MemoryReading(Map.of(), List.of()), new SqlReading(null, null));

        // Then the server saw the tests' calls, 10 warm-up calls and 100 timed ones
        assertThat(calls("/api/companies/")).isEqualTo(3 + 10 + 100);
        assertThat(warm.requests()).isEqualTo(110);
        assertThat(warm.samples().get("/api/companies/{id}")).hasSize(100);
        assertThat(out.testCalls().get("/api/companies/{id}").maxMs()).isGreaterThanOrEqualTo(700.0);
        assertThat(out.testCalls().get("/api/companies/{id}").firstCallMs()).isGreaterThanOrEqualTo(700.0);
        EndpointProfile endpoint = out.endpoints().get("/api/companies/{id}");
        assertThat(endpoint.source()).isEqualTo(EndpointProfile.PROFILE);
        assertThat(endpoint.warm()).isTrue();
        assertThat(endpoint.count()).isEqualTo(100);
        assertThat(endpoint.p99Ms()).isNotNull().isLessThan(500.0);
        assertThat(endpoint.firstCallMs()).isGreaterThanOrEqualTo(700.0);
        assertThat(out.slowEndpoints()).isEmpty();
        assertThat(out.unavailable()).isEmpty();
    }

    @Test
    void anExampleThatNoLongerAnswers2xxFallsBackToTheTestFiguresWithTheReason() {
        // Given an order a mutating test deleted, and a company still there
        serve("/api/orders/", exchange -> answer(exchange, 404, "{\"error\":\"not found\"}"));
        serve("/api/companies/", exchange -> answer(exchange, 200, "{}"));
        TestsOutput tests = new TestsOutput(1, 1, 0, 0, 0, List.of(), Map.of(
                "/api/orders/{id}", List.of(30.0, 20.0), "/api/companies/{id}", List.of(900.0, 10.0)))
                .withExamples(Map.of(
                        "/api/orders/{id}", new EndpointExample("trading", "/api/orders/42"),
                        "/api/companies/{id}", new EndpointExample("query-api", "/api/companies/1")));

        // When
        WarmSamples warm = new WarmEndpointSampler(DEFAULTS).sample(tests.examples(),
                Map.of("trading", baseUrl + "/", "query-api", baseUrl));
        ProfilingOutput out = EndpointProfiler.assemble(500, tests, warm, EndpointSqlReading.none(5, null),
                new MemoryReading(Map.of(), List.of()), new SqlReading(null, null));

        // Then the 404 stopped it at the first warm-up call
        assertThat(calls("/api/orders/")).isEqualTo(1);
        assertThat(calls("/api/companies/")).isEqualTo(110);
        assertThat(out.endpoints().get("/api/orders/{id}")).isEqualTo(out.testCalls().get("/api/orders/{id}"));
        assertThat(out.endpoints().get("/api/orders/{id}").source()).isEqualTo(EndpointProfile.TESTS);
        assertThat(out.unavailable()).containsOnlyKeys("endpoint /api/orders/{id}");
        assertThat(out.unavailable().get("endpoint /api/orders/{id}"))
                .contains("GET " + baseUrl + "/api/orders/42", "answered 404", "warm-up call 1 of 10");
        assertThat(out.endpoints().get("/api/companies/{id}").source()).isEqualTo(EndpointProfile.PROFILE);
    }

    @Test
    void anExampleOfAServiceThatIsGoneOrUnknownFallsBackWithTheReason() {
        String closed = "http://127.0.0.1:" + FreePorts.pick();
        Map<String, EndpointExample> examples = Map.of(
                "/api/risk/{id}", new EndpointExample("risk", "/api/risk/1"),
                "/api/symbols", new EndpointExample("registry", "/api/symbols"));

        WarmSamples warm = new WarmEndpointSampler(DEFAULTS).sample(examples, Map.of("risk", closed));

        assertThat(warm.samples()).isEmpty();
        assertThat(warm.unavailable().get("/api/risk/{id}")).contains("GET " + closed + "/api/risk/1 failed",
                "warm-up call 1 of 10");
        assertThat(warm.unavailable().get("/api/symbols")).contains("service 'registry'", "no base URL");
    }

    @Test
    void endpointsBeyondTheTimeCapAreNotMeasured() {
        // Given three endpoints whose every call takes 400 ms: 1 warm-up and 2 timed calls need 1.2 s per endpoint
        for (String path : List.of("/a/", "/b/", "/c/")) {
            serve(path, exchange -> {
                sleep(400);
                answer(exchange, 200, "ok");
            });
        }
        Map<String, EndpointExample> examples = Map.of(
                "/a/{id}", new EndpointExample("s", "/a/1"),
                "/b/{id}", new EndpointExample("s", "/b/1"),
                "/c/{id}", new EndpointExample("s", "/c/1"));
        var sampler = new WarmEndpointSampler(new WarmEndpointSampler.Settings(1, 2, Duration.ofSeconds(2),
                Duration.ofSeconds(5)));

        // When measured with a cap of 2 s
        long t0 = System.nanoTime();
        WarmSamples warm = sampler.sample(examples, Map.of("s", baseUrl));
        double seconds = (System.nanoTime() - t0) / 1e9;

        // Then the first is measured, the second is cut by the cap, the third never called
        assertThat(warm.samples()).containsOnlyKeys("/a/{id}");
        assertThat(warm.samples().get("/a/{id}")).hasSize(2);
        assertThat(calls("/a/")).isEqualTo(3);
        assertThat(calls("/b/")).isBetween(1, 3);
        assertThat(calls("/c/")).isZero();
        assertThat(warm.unavailable()).containsOnlyKeys("/b/{id}", "/c/{id}");
        assertThat(warm.unavailable().values()).allSatisfy(reason ->
                assertThat(reason).contains("time cap of 2 s (profiler.max-seconds) was reached"));
        assertThat(warm.unavailable().get("/c/{id}")).endsWith("before this endpoint");
        assertThat(seconds).as("the cap holds (generous bound)").isLessThan(10.0);
    }

    @Test
    void aRepeatableWriteCallIsSentAgainWithItsMethodBodyAndContentTypeAndTheListenerSeesOnlyTheTimedCalls() {
        // Given a backtest that answers 200 only to the very body and content type the tests sent
        String body = "{\"symbol\":\"ACME\",\"strategy\":\"sma-cross\",\"days\":120}";
        List<String> refused = new ArrayList<>();
        calls.put("/api/trading/backtest", new AtomicInteger());
        server.createContext("/api/trading/backtest", exchange -> {
            try (exchange) {
                calls.get("/api/trading/backtest").incrementAndGet();
                String got = exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                        + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean same = got.equals("POST application/json " + body);
                if (!same) {
                    refused.add(got);
                }
                answer(exchange, same ? 200 : 400, "{\"pnl\":12.5}");
            }
        });
        Map<String, EndpointExample> examples = Map.of("POST /api/trading/backtest",
                new EndpointExample("trading", "/api/trading/backtest", "POST", body, "application/json"));
        List<String> told = new ArrayList<>();
        WarmEndpointSampler.TimedCallsListener listener = new WarmEndpointSampler.TimedCallsListener() {
            @Override
            public void beforeTimedCalls(String endpoint) {
                told.add("before " + endpoint + " after " + calls("/api/trading/backtest") + " calls");
            }

            @Override
            public void afterTimedCalls(String endpoint, int timed) {
                told.add("after " + timed + " timed calls of " + endpoint + ", " + calls("/api/trading/backtest")
                        + " calls");
            }
        };

        // When
        WarmSamples warm = new WarmEndpointSampler(new WarmEndpointSampler.Settings(4, 25, Duration.ofSeconds(60),
                Duration.ofSeconds(5))).sample(examples, Map.of("trading", baseUrl), () -> { }, listener);

        // Then
        assertThat(refused).isEmpty();
        assertThat(warm.unavailable()).isEmpty();
        assertThat(warm.samples().get("POST /api/trading/backtest")).hasSize(25);
        assertThat(calls("/api/trading/backtest")).isEqualTo(4 + 25);
        assertThat(told).containsExactly("before POST /api/trading/backtest after 4 calls",
                "after 25 timed calls of POST /api/trading/backtest, 29 calls");
    }

    @Test
    void aWriteCallThatIsRefusedIsNotMeasuredAndTheReasonNamesItsMethod() {
        serve("/api/orders", exchange -> answer(exchange, 409, "{}"));
        Map<String, EndpointExample> examples = Map.of("PUT /api/orders/{id}",
                new EndpointExample("trading", "/api/orders/7", "PUT", "{\"qty\":3}", "application/json"));

        WarmSamples warm = new WarmEndpointSampler(DEFAULTS).sample(examples, Map.of("trading", baseUrl));

        assertThat(warm.samples()).isEmpty();
        assertThat(warm.unavailable().get("PUT /api/orders/{id}"))
                .isEqualTo("PUT " + baseUrl + "/api/orders/7 answered 409 at the warm-up call 1 of 10");
    }

    @Test
    void noExamplesNoCalls() {
        assertThat(new WarmEndpointSampler(DEFAULTS).sample(Map.of(), Map.of("s", baseUrl)))
                .isEqualTo(WarmSamples.none());
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void serve(String prefix, Handler handler) {
        calls.put(prefix, new AtomicInteger());
        server.createContext(prefix, exchange -> {
            calls.get(prefix).incrementAndGet();
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                handler.handle(exchange);
            }
        });
    }

    private int calls(String prefix) {
        return calls.get(prefix).get();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
