package dev.stonks.inttest.tester.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageExecution;
import dev.stonks.inttest.events.StageResult;
import dev.stonks.inttest.events.StageStatus;
import dev.stonks.inttest.events.output.TestFailure;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.tester.stonks.FakeStonks;
import dev.stonks.inttest.tester.stonks.FakeStonks.Defect;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped suites, run by the SuiteRunner against a real HTTP server that answers like stonks. */
class SuiteRunnerIT {
    /**
     * Tests in the api group: services 4 (one per service), companies 4 + 8 (one per ticker), trends 5, documents 3,
     * ops 2, registry 1, trading 1. Update it (and FakeStonks) when a suite grows.
     */
    static final int API_TESTS = 28;

    private static Vertx vertx;
    private static SuiteRunner runner;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
        runner = new SuiteRunner(vertx, new SuiteRunner.Settings(SuiteCatalog.resolve(List.of("api")),
                Duration.ofSeconds(5), Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void everyTestPassesAgainstAFaithfulStonksAndEveryCallIsTimedByTemplate() throws IOException {
        try (FakeStonks stonks = FakeStonks.start()) {
            // When
            StageResult result = runner.run("r-pass", context(stonks.services()));

            // Then
            TestsOutput out = (TestsOutput) result.output();
            assertThat(out.failures()).as("failures").isEmpty();
            assertThat(result.status()).isEqualTo(StageStatus.OK);
            assertThat(result.error()).isNull();
            assertThat(out.total()).isEqualTo(API_TESTS);
            assertThat(out.passed()).isEqualTo(API_TESTS);
            assertThat(out.failed() + out.errors() + out.skipped()).isZero();

            Map<String, List<Double>> timings = out.timings();
            assertThat(timings).containsOnlyKeys("/q/health/ready", "/api/companies", "/api/companies/{id}",
                    "/api/companies/{id}/trends", "/api/trends/{id}", "/api/documents/{id}",
                    "/api/documents/{id}/text", "/api/ops/pipeline/health", "/api/ops/ingestion/summary",
                    "/api/registry/companies", "/api/trading/status");
            // one key per template, not per id: detail + 8 tickers + 404 + 400; detail + 24 windows + 404 + 400
            assertThat(timings.get("/api/companies/{id}")).hasSize(11);
            assertThat(timings.get("/api/trends/{id}")).hasSize(27);
            assertThat(timings.get("/q/health/ready")).hasSize(4);
            assertThat(timings.values()).allSatisfy(samples -> assertThat(samples).allSatisfy(
                    ms -> assertThat(ms).isPositive().isLessThan(5_000.0)));
        }
    }

    @Test
    void aWrongValueAndAMissingFieldAreFailuresNamedWithTheirMessages() throws IOException {
        try (FakeStonks stonks = FakeStonks.start(Defect.WRONG_APPLE_NAME, Defect.TREND_WITHOUT_CONFIDENCE)) {
            // When
            StageResult result = runner.run("r-wrong", context(stonks.services()));

            // Then
            TestsOutput out = (TestsOutput) result.output();
            Map<String, TestFailure> failures = byTest(out);
            assertThat(failures.keySet()).containsExactlyInAnyOrder(
                    "CompaniesApiSuite.listsEveryCompanyWithItsIdAndName",
                    "CompaniesApiSuite.companyDetailCarriesIdentityAndAliases",
                    "CompaniesApiSuite.companyDetailMatchesTheDataset[AAPL]",
                    "RegistryApiSuite.registryListsEveryCompany",
                    "TrendsApiSuite.trendDetailCarriesDirectionConfidenceEvidenceAndProjections",
                    "TrendsApiSuite.everyTrendWindowMatchesTheDataset");
            assertThat(failures.values()).allSatisfy(f -> assertThat(f.kind()).isEqualTo(TestFailure.FAILURE));
            assertThat(failures.get("CompaniesApiSuite.companyDetailCarriesIdentityAndAliases").message())
                    .contains("Apple Corp.").contains("Apple Inc.");
            assertThat(failures.get("TrendsApiSuite.trendDetailCarriesDirectionConfidenceEvidenceAndProjections")
                    .message()).contains("missing field 'confidence'");
            assertThat(out.total()).isEqualTo(API_TESTS);
            assertThat(out.failed()).isEqualTo(6);
            assertThat(out.errors()).isZero();
            assertThat(out.passed()).isEqualTo(API_TESTS - 6);

            assertThat(result.status()).isEqualTo(StageStatus.FAILED);
            assertThat(result.error().kind()).isEqualTo("tests_failed");
            assertThat(result.error().message()).startsWith("6 failed, 0 errors: " + out.failures().get(0).test()
                    + ": ");
            assertThat(out.timings()).as("the output still carries the timings").containsKey("/api/companies");
        }
    }

    @Test
    void aClosedPortGivesErrorsNotFailures() throws IOException {
        // Given a port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;

        // When
        StageResult result = runner.run("r-closed", context(Map.of("query-api", url, "registry", url, "risk", url,
                "trading", url)));

        // Then
        TestsOutput out = (TestsOutput) result.output();
        assertThat(out.total()).isEqualTo(API_TESTS);
        assertThat(out.errors()).isEqualTo(API_TESTS);
        assertThat(out.failed()).isZero();
        assertThat(out.failures()).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(TestFailure.ERROR);
            assertThat(f.message()).contains("SandboxCallException").contains("connection refused")
                    .contains("127.0.0.1:" + port);
        });
        assertThat(out.timings()).as("no response, no sample").isEmpty();
        assertThat(result.error().kind()).isEqualTo("tests_failed");
        assertThat(result.error().message()).startsWith("0 failed, " + API_TESTS + " errors: ");
    }

    @Test
    void aServiceMissingFromTheContextErrorsOnlyTheTestsThatNeedIt() throws IOException {
        try (FakeStonks stonks = FakeStonks.start()) {
            Map<String, String> onlyQueryApi = Map.of("query-api", stonks.url());

            TestsOutput out = (TestsOutput) runner.run("r-partial", context(onlyQueryApi)).output();

            Map<String, TestFailure> failures = byTest(out);
            assertThat(failures.keySet()).containsExactlyInAnyOrder(
                    "ServicesApiSuite.everyServiceIsReady[registry]",
                    "ServicesApiSuite.everyServiceIsReady[risk]",
                    "ServicesApiSuite.everyServiceIsReady[trading]",
                    "RegistryApiSuite.registryListsEveryCompany",
                    "TradingApiSuite.aSandboxTradesOnPaperAndReachesRisk");
            assertThat(failures.values()).allSatisfy(f -> {
                assertThat(f.kind()).isEqualTo(TestFailure.ERROR);
                assertThat(f.message()).contains("no service '").contains("in the run context");
            });
            assertThat(out.passed()).isEqualTo(API_TESTS - 5);
        }
    }

    @Test
    void aContextWithoutServicesFailsTheStageAsNoServices() {
        List<InttestEvent> published = new ArrayList<>();

        StageCompleted completed = StageExecution.run(published::add, "r-none", Stage.INTEGRATION_TESTS, 1,
                context(Map.of()), ctx -> runner.run("r-none", ctx));

        assertThat(completed.status()).isEqualTo(StageStatus.FAILED);
        assertThat(completed.error().kind()).isEqualTo("no_services");
        assertThat(published).hasSize(2);
    }

    @Test
    void theOutputIsTheContractsJson() throws IOException {
        try (FakeStonks stonks = FakeStonks.start(Defect.WRONG_APPLE_NAME)) {
            List<InttestEvent> published = new ArrayList<>();

            StageCompleted completed = StageExecution.run(published::add, "r-json", Stage.INTEGRATION_TESTS, 2,
                    context(stonks.services()), ctx -> runner.run("r-json", ctx));

            JsonNode output = Json.tree(completed).get("output");
            assertThat(output.get("total").asInt()).isEqualTo(API_TESTS);
            assertThat(output.get("failed").asInt()).isEqualTo(4);
            assertThat(output.get("failures").get(0).fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("test", "kind", "message");
            assertThat(output.get("timings").get("/api/companies/{id}").isArray()).isTrue();
            assertThat(completed.output(TestsOutput.class).failed()).isEqualTo(4);
            assertThat(completed.attempt()).isEqualTo(2);
        }
    }

    private static Map<String, TestFailure> byTest(TestsOutput out) {
        return out.failures().stream().collect(Collectors.toMap(TestFailure::test, f -> f));
    }

    static RunContext context(Map<String, String> services) {
        return new RunContext("abc123", "stonks-inttest-r1", false, 1, RunContext.BACKEND_LOCAL,
                Map.of("postgres", "postgresql://127.0.0.1:5432/stonks"), services);
    }
}
