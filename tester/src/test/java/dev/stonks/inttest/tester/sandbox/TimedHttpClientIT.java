package dev.stonks.inttest.tester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import dev.stonks.inttest.events.output.EndpointExample;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The timed client against a real HTTP server (the JDK's) on a free port. */
class TimedHttpClientIT {
    private static Vertx vertx;

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final TimingRecorder timings = new TimingRecorder();
    private TimedHttpClient http;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())
                    + (body.isEmpty() ? "" : " " + String.join(",", exchange.getRequestHeaders()
                            .getOrDefault("Content-Type", List.of())) + " " + body));
            boolean missing = exchange.getRequestURI().getPath().contains("missing");
            boolean plain = exchange.getRequestURI().getPath().contains("plain");
            byte[] out = (missing ? "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"nope\"}"
                    : plain ? "just text" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", plain ? "text/plain" : "application/json");
            exchange.sendResponseHeaders(missing ? 404 : 200, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
        http = new TimedHttpClient(vertx, Duration.ofSeconds(5), timings);
    }

    @AfterEach
    void stopServer() {
        http.close();
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void callsAreTimedUnderTheirTemplateNotTheirConcretePath() {
        ServiceClient api = new ServiceClient("query-api", url(), http);

        api.get("/api/companies/{id}", "7c141f36-2368-5315-b199-286c89bd7312");
        api.get("/api/companies/{id}", "a42f0e51-0000-5000-8000-000000000000");
        api.request("GET", "/api/companies/{id}/documents", "x").query("limit", 5).query("q", "a b").send();
        api.post("/api/registry/companies").json(Map.of("ticker", "IBM")).send();
        ApiResponse missing = api.get("/api/missing/{id}", "zz");

        assertThat(seen).containsExactly(
                "GET /api/companies/7c141f36-2368-5315-b199-286c89bd7312",
                "GET /api/companies/a42f0e51-0000-5000-8000-000000000000",
                "GET /api/companies/x/documents?limit=5&q=a%20b",
                "POST /api/registry/companies application/json {\"ticker\":\"IBM\"}",
                "GET /api/missing/zz");
        Map<String, List<Double>> samples = timings.snapshot();
        assertThat(samples).containsOnlyKeys("/api/companies/{id}", "/api/companies/{id}/documents",
                "POST /api/registry/companies", "/api/missing/{id}");
        assertThat(samples.get("/api/companies/{id}")).hasSize(2).allSatisfy(ms -> assertThat(ms).isPositive());
        assertThat(missing.status()).as("an error status is an answer, and timed").isEqualTo(404);
        assertThat(missing.endpoint()).isEqualTo("/api/missing/{id}");
        assertThat(missing.elapsedMs()).isPositive();
        assertThat(timings.examples()).as("the first 2xx GET of each endpoint, relative to the base URL")
                .containsOnlyKeys("/api/companies/{id}", "/api/companies/{id}/documents")
                .containsEntry("/api/companies/{id}",
                        new EndpointExample("query-api", "/api/companies/7c141f36-2368-5315-b199-286c89bd7312"))
                .containsEntry("/api/companies/{id}/documents",
                        new EndpointExample("query-api", "/api/companies/x/documents?limit=5&q=a%20b"));
    }

    @Test
    void aProbeIsTimedApartFromTheEndpointsAndIsNeverAnExample() {
        ServiceClient queryApi = new ServiceClient("query-api", url(), http);
        ServiceClient trading = new ServiceClient("trading", url(), http);

        queryApi.get("/api/companies");
        ApiResponse probe = trading.probe("/api/companies");
        queryApi.probe("/api/missing/{id}", "x");
        queryApi.request("GET", "/api/nothing-here").query("a", 1).probe().send();

        assertThat(seen).containsExactly("GET /api/companies", "GET /api/companies", "GET /api/missing/x",
                "GET /api/nothing-here?a=1");
        assertThat(probe.status()).as("a probe that answers is still a probe").isEqualTo(200);
        assertThat(timings.snapshot()).as("only the real call").containsOnlyKeys("/api/companies");
        assertThat(timings.snapshot().get("/api/companies")).hasSize(1);
        assertThat(timings.probes()).containsOnlyKeys("/api/companies", "/api/missing/{id}", "/api/nothing-here")
                .allSatisfy((endpoint, samples) -> assertThat(samples).singleElement()
                        .satisfies(ms -> assertThat(ms).isPositive()));
        assertThat(timings.examples()).as("the real GET only, not the 2xx probe")
                .containsExactly(Map.entry("/api/companies", new EndpointExample("query-api", "/api/companies")));
    }

    @Test
    void aRepeatableWriteThatAnswered2xxIsAnExampleWithMethodBodyAndContentType() {
        ServiceClient trading = new ServiceClient("trading", url(), http);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("tickers", List.of("AAPL"));
        first.put("strategy", "buy_hold");
        first.put("note", "caf\u00e9");

        trading.post("/api/trading/backtest").json(first).repeatable().send();
        trading.post("/api/trading/backtest").json(Map.of("tickers", List.of("MSFT"))).repeatable().send();
        trading.put("/api/trading/config").header("content-type", "application/json; charset=utf-8")
                .rawJson("{\"mode\": \"paper\"}").repeatable().send();
        trading.post("/api/trading/orders").json(Map.of("ticker", "AAPL")).send();
        trading.post("/api/missing/{id}/backtest", "x").json(Map.of("tickers", List.of("AAPL"))).repeatable().send();
        trading.put("/api/missing/config").json(Map.of("mode", "paper")).repeatable().send();

        String firstBody = "{\"tickers\":[\"AAPL\"],\"strategy\":\"buy_hold\",\"note\":\"caf\u00e9\"}";
        assertThat(seen).first().isEqualTo("POST /api/trading/backtest application/json " + firstBody);
        assertThat(seen).as("the suite's own Content-Type, once").contains(
                "PUT /api/trading/config application/json; charset=utf-8 {\"mode\": \"paper\"}");
        assertThat(timings.snapshot()).as("every write is timed, examples or not").containsOnlyKeys(
                "POST /api/trading/backtest", "PUT /api/trading/config", "POST /api/trading/orders",
                "POST /api/missing/{id}/backtest", "PUT /api/missing/config");
        assertThat(timings.examples()).as("the first 2xx repeatable call of each endpoint; none for a write not"
                + " marked repeatable, nor for a repeatable one that answered 404")
                .containsOnlyKeys("POST /api/trading/backtest", "PUT /api/trading/config")
                .containsEntry("POST /api/trading/backtest", new EndpointExample("trading", "/api/trading/backtest",
                        "POST", firstBody, "application/json"))
                .containsEntry("PUT /api/trading/config", new EndpointExample("trading", "/api/trading/config",
                        "PUT", "{\"mode\": \"paper\"}", "application/json; charset=utf-8"));
        assertThat(timings.examples().get("POST /api/trading/backtest").httpMethod()).isEqualTo("POST");
    }

    @Test
    void aBaseUrlWithAPathPrefixKeepsIt() {
        new ServiceClient("query-api", url() + "/stonks/", http).get("/api/companies");

        assertThat(seen).containsExactly("GET /stonks/api/companies");
    }

    @Test
    void wrongAnswersAreAssertionFailures() {
        ServiceClient api = new ServiceClient("query-api", url(), http);

        assertThatThrownBy(() -> api.get("/api/missing/{id}", "1").expectStatus(200))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("GET " + url() + "/api/missing/1: expected HTTP 200 but was 404")
                .hasMessageContaining("\"detail\":\"nope\"");
        assertThatThrownBy(() -> api.get("/api/plain").json())
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("body is not JSON")
                .hasMessageContaining("just text");
    }

    @Test
    void aRefusedConnectionIsACallErrorWithoutASample() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServiceClient api = new ServiceClient("query-api", "http://127.0.0.1:" + port, http);

        assertThatThrownBy(() -> api.get("/api/companies"))
                .isInstanceOf(SandboxCallException.class)
                .isNotInstanceOf(AssertionError.class)
                .hasMessageContaining("GET http://127.0.0.1:" + port + "/api/companies (query-api)")
                .hasMessageContaining("connection refused");
        assertThat(timings.snapshot()).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersTimesOutAsACallError() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(5_000);
                } catch (Exception e) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (TimedHttpClient impatient = new TimedHttpClient(vertx, Duration.ofMillis(300), timings)) {
                ServiceClient api = new ServiceClient("query-api", "http://127.0.0.1:" + silent.getLocalPort(),
                        impatient);

                long t0 = System.nanoTime();
                assertThatThrownBy(() -> api.get("/api/companies"))
                        .isInstanceOf(SandboxCallException.class)
                        .hasMessageContaining("no response within 300 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
                assertThat(timings.snapshot()).isEmpty();
            }
        }
    }

    @Test
    void anUnknownServiceIsACallError() {
        Sandbox sandbox = new Sandbox("r1", Map.of("query-api", url()), 1, http);

        assertThatThrownBy(() -> sandbox.service("trading"))
                .isInstanceOf(SandboxCallException.class)
                .hasMessage("no service 'trading' in the run context (it has [query-api])");
    }
}
