package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.output.EndpointExample;
import dev.stonks.inttest.events.output.EndpointProfile;
import dev.stonks.inttest.events.output.EndpointSql;
import dev.stonks.inttest.events.output.EndpointStatement;
import dev.stonks.inttest.events.output.NPlusOne;
import dev.stonks.inttest.events.output.ProfilingOutput;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.localstack.PostgresConfig;
import dev.stonks.inttest.localstack.PostgresInstance;
import dev.stonks.inttest.localstack.PostgresServer;
import dev.stonks.inttest.sandboxaccess.SandboxAccess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N+1 detection end to end: a test service (the JDK's HTTP server with one JDBC connection) on a real PostgreSQL 16
 * with pg_stat_statements (localstack, as in {@link SlowSqlReaderIT}), with an endpoint that lists {@value #N}
 * companies and then queries each company's trades one by one, and its fixed twin that answers the same with one
 * join; the profiler measures both as in the service (default settings).
 */
class NPlusOneIT {
    private static final int N = 12;
    private static final String USER = "stonks";
    private static final String PASSWORD = "pw-for-the-n-plus-one-it";
    private static final String N_PLUS_ONE = "/api/n-plus-one/companies";
    private static final String JOINED = "/api/joined/companies";
    private static final String PER_ROW_QUERY = "SELECT count(*), coalesce(sum(qty), 0) FROM trades "
            + "WHERE company_id = ?";

    @TempDir
    static Path tmp;
    static PostgresInstance pg;
    static Connection serviceConnection;
    static HttpServer service;
    static String serviceUrl;

    @BeforeAll
    static void startPostgresAndTheService() throws Exception {
        pg = PostgresServer.start(PostgresConfig.of(tmp.resolve("pg"), USER, PASSWORD, "stonks"));
        try (Connection c = connect(pg.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE companies (id bigint PRIMARY KEY, symbol text NOT NULL)");
            s.execute("CREATE TABLE trades (id bigserial PRIMARY KEY, company_id bigint NOT NULL "
                    + "REFERENCES companies, qty int NOT NULL)");
            s.execute("INSERT INTO companies SELECT i, 'SYM' || i FROM generate_series(1, 40) i");
            s.execute("INSERT INTO trades (company_id, qty) SELECT 1 + i % 40, i FROM generate_series(1, 400) i");
            s.execute("CREATE INDEX trades_company ON trades (company_id)");
            s.execute("CREATE DATABASE plain TEMPLATE template0");
        }
        serviceConnection = connect(pg.jdbcUrl());
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext(N_PLUS_ONE, exchange -> answer(exchange, NPlusOneIT::companiesOneByOne));
        service.createContext(JOINED, exchange -> answer(exchange, NPlusOneIT::companiesJoined));
        service.start();
        serviceUrl = "http://127.0.0.1:" + service.getAddress().getPort();
    }

    @AfterAll
    static void stop() throws SQLException {
        if (service != null) {
            service.stop(0);
        }
        if (serviceConnection != null) {
            serviceConnection.close();
        }
        if (pg != null) {
            PostgresServer.stop(pg.pid());
        }
    }

    @BeforeEach
    void resetStatistics() throws SQLException {
        try (Connection c = connect(pg.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    @Test
    void theEndpointWithAQueryPerRowIsAnNPlusOneAndItsJoinedTwinIsNot() throws Exception {
        // Given the tests' calls of both endpoints (the fixed twin answers exactly the same)
        String listed = get(N_PLUS_ONE);
        assertThat(get(JOINED)).isEqualTo(listed);
        assertThat(listed.split("\\},\\{")).hasSize(N);

        // When the profiler measures them with its defaults
        ProfilingOutput out = profiler(Map.of()).profile(tests(), context());

        // Then the per-row query is an N+1 of the first endpoint, N calls per request
        assertThat(out.nPlusOneThreshold()).isEqualTo(5.0);
        assertThat(out.nPlusOne()).hasSize(1);
        NPlusOne finding = out.nPlusOne().get(0);
        assertThat(finding.endpoint()).isEqualTo(N_PLUS_ONE);
        assertThat(finding.query()).contains("FROM trades WHERE company_id = $");
        assertThat(finding.callsPerRequest()).isEqualTo((double) N);
        assertThat(finding.totalMs()).isPositive();
        assertThat(out.nPlusOne()).extracting(NPlusOne::endpoint).doesNotContain(JOINED);

        // and the statements per request of each, measured over the 100 timed calls only
        EndpointProfile oneByOne = out.endpoints().get(N_PLUS_ONE);
        assertThat(oneByOne.warm()).isTrue();
        EndpointSql perRow = oneByOne.sql();
        assertThat(perRow.requests()).isEqualTo(100);
        assertThat(perRow.callsPerRequest()).isEqualTo(N + 1.0);
        assertThat(perRow.statements()).extracting(EndpointStatement::callsPerRequest).containsExactly((double) N, 1.0);
        assertThat(perRow.statements().get(1).query()).startsWith("SELECT id, symbol FROM companies");

        EndpointSql joined = out.endpoints().get(JOINED).sql();
        assertThat(joined.requests()).isEqualTo(100);
        assertThat(joined.callsPerRequest()).isEqualTo(1.0);
        assertThat(joined.statements()).hasSize(1);
        assertThat(joined.statements().get(0).query()).contains("LEFT JOIN trades");
        assertThat(joined.statements().get(0).callsPerRequest()).isEqualTo(1.0);

        // the slow-SQL report still reads the statements of the tests' calls (before the warm measurement)
        assertThat(out.sql()).isNotNull();
        assertThat(out.sql().statements()).filteredOn(s -> s.query().contains("FROM trades WHERE company_id"))
                .singleElement().satisfies(s -> assertThat(s.calls()).isEqualTo(N));
        assertThat(out.unavailable()).doesNotContainKeys("sql", "sql per endpoint");
    }

    @Test
    void aThresholdAboveTheRowCountFindsNoNPlusOne() throws Exception {
        get(N_PLUS_ONE);

        ProfilingOutput out = profiler(Map.of("profiler.n-plus-one.threshold", String.valueOf(N),
                "profiler.samples", "20", "profiler.warmup-requests", "2")).profile(tests(), context());

        assertThat(out.nPlusOneThreshold()).isEqualTo((double) N);
        assertThat(out.nPlusOne()).as("12 per request is not more than 12").isEmpty();
        assertThat(out.endpoints().get(N_PLUS_ONE).sql().statements().get(0).callsPerRequest()).isEqualTo(N);
    }

    @Test
    void withoutTheExtensionTheEndpointsAreMeasuredAnywayAndTheReasonIsGivenOnce() throws Exception {
        ProfilingOutput out = profiler(Map.of("profiler.samples", "20", "profiler.warmup-requests", "2"),
                "jdbc:postgresql://127.0.0.1:" + pg.port() + "/plain").profile(tests(), context());

        assertThat(out.endpoints().get(N_PLUS_ONE).warm()).isTrue();
        assertThat(out.endpoints().get(N_PLUS_ONE).count()).isEqualTo(20);
        assertThat(out.endpoints().get(N_PLUS_ONE).sql()).isNull();
        assertThat(out.nPlusOne()).isEmpty();
        assertThat(out.unavailable()).containsEntry("sql per endpoint",
                "the extension pg_stat_statements is not installed in database plain");
    }

    private static EndpointProfiler profiler(Map<String, String> properties) {
        return profiler(properties, pg.jdbcUrl());
    }

    private static EndpointProfiler profiler(Map<String, String> properties, String jdbcUrl) {
        ProfilerConfig config = TestConfig.profilerConfig(properties);
        return new EndpointProfiler(config, new WarmEndpointSampler(config),
                new ServiceMemoryReader(new LocalMemoryReader(() -> tmp.resolve("no-sandboxes")),
                        new KubernetesMemoryReader(() -> {
                            throw new AssertionError("no Kubernetes client for a local run");
                        })),
                new SlowSqlReader(config), ctx -> new SandboxAccess(jdbcUrl, USER, PASSWORD, null, null, null));
    }

    private static TestsOutput tests() {
        return new TestsOutput(2, 2, 0, 0, 0, List.of(), Map.of(N_PLUS_ONE, List.of(40.0), JOINED, List.of(20.0)))
                .withExamples(Map.of(N_PLUS_ONE, new EndpointExample("companies", N_PLUS_ONE),
                        JOINED, new EndpointExample("companies", JOINED)));
    }

    private static RunContext context() {
        return new RunContext("latest", "stonks-inttest-nplusone", false, 1, RunContext.BACKEND_LOCAL, Map.of(),
                Map.of("companies", serviceUrl));
    }

    /** The list, then one query per company: what a lazy association in a loop does. */
    private static List<String> companiesOneByOne() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = serviceConnection.createStatement();
                ResultSet companies = s.executeQuery("SELECT id, symbol FROM companies ORDER BY id LIMIT " + N);
                PreparedStatement perCompany = serviceConnection.prepareStatement(PER_ROW_QUERY)) {
            while (companies.next()) {
                perCompany.setLong(1, companies.getLong(1));
                try (ResultSet trades = perCompany.executeQuery()) {
                    trades.next();
                    rows.add(row(companies.getLong(1), companies.getString(2), trades.getLong(1), trades.getLong(2)));
                }
            }
        }
        return rows;
    }

    /** The same answer from one query. */
    private static List<String> companiesJoined() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = serviceConnection.createStatement();
                ResultSet rs = s.executeQuery("SELECT c.id, c.symbol, count(t.id), coalesce(sum(t.qty), 0) "
                        + "FROM (SELECT id, symbol FROM companies ORDER BY id LIMIT " + N + ") c "
                        + "LEFT JOIN trades t ON t.company_id = c.id GROUP BY c.id, c.symbol ORDER BY c.id")) {
            while (rs.next()) {
                rows.add(row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return rows;
    }

    private static String row(long id, String symbol, long trades, long quantity) {
        return "{\"id\":" + id + ",\"symbol\":\"" + symbol + "\",\"trades\":" + trades + ",\"quantity\":" + quantity
                + "}";
    }

    private interface Rows {
        List<String> list() throws SQLException;
    }

    private static void answer(HttpExchange exchange, Rows rows) throws IOException {
        try (exchange) {
            byte[] body;
            int status;
            try {
                body = ("[" + String.join(",", rows.list()) + "]").getBytes(StandardCharsets.UTF_8);
                status = 200;
            } catch (SQLException e) {
                body = e.getMessage().getBytes(StandardCharsets.UTF_8);
                status = 500;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(serviceUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
    }
}
