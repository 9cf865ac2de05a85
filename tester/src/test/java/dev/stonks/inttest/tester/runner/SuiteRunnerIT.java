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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped suites, run by the SuiteRunner against a real HTTP server that answers like stonks. */
class SuiteRunnerIT {
    /**
     * Tests in the api-first-cut group (the endpoints FakeStonks answers): services 4 (one per service), companies
     * 8 + 16 (two per ticker), trends 9, documents 7, search 6, ops 2, registry 6, risk 1, trading 1, errors 3.
     * Update it (and FakeStonks) when a suite of that group grows.
     */
    static final int API_TESTS = 63;
    /** One per page of frontend-pages.yaml. */
    static final int FRONTEND_TESTS = 10;

    private static Vertx vertx;
    private static SuiteRunner runner;
    private static SuiteRunner frontend;

    @TempDir
    static Path reports;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
        runner = new SuiteRunner(vertx, new SuiteRunner.Settings(SuiteCatalog.resolve(List.of("api-first-cut")),
                Duration.ofSeconds(5), Duration.ofSeconds(30), 4, reports));
        frontend = new SuiteRunner(vertx, new SuiteRunner.Settings(SuiteCatalog.resolve(List.of("frontend")),
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
                    "/api/companies/{id}/trends", "/api/companies/{id}/sources", "/api/companies/{id}/competitors",
                    "/api/companies/{id}/documents", "/api/trends", "/api/trends/{id}", "/api/documents/{id}",
                    "/api/documents/{id}/text", "/api/search", "/api/ops/pipeline/health",
                    "/api/ops/ingestion/summary", "/api/registry/companies", "/api/registry/companies/{id}",
                    "/api/registry/resolve", "/api/risk/limits", "/api/trading/status");
            assertThat(out.probes()).as("ErrorsApiSuite's calls of routes the services do not have, one each, apart"
                    + " from the real endpoints' timings").containsOnlyKeys("/api/nothing-here",
                    "/api/registry/companies", "/api/companies", "/api/trading/status")
                    .allSatisfy((endpoint, samples) -> assertThat(samples).hasSize(1));
            assertThat(out.examples()).as("404 probes are never examples")
                    .doesNotContainKey("/api/nothing-here")
                    .allSatisfy((endpoint, example) -> assertThat(example.method()).as("GETs only").isNull());
            assertThat(out.examples().get("/api/companies").service()).as("the real list, not the probe on trading")
                    .isEqualTo("query-api");
            // one key per template, not per id: detail + 8 tickers + 404 + 400; detail + 24 windows + 404 + 400
            assertThat(timings.get("/api/companies/{id}")).hasSize(11);
            assertThat(timings.get("/api/trends/{id}")).hasSize(27);
            Path report = Path.of(out.reportPath());
            assertThat(report).isEqualTo(reports.resolve("r-pass").toAbsolutePath());
            try (var files = Files.list(report)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .hasSize(SuiteCatalog.GROUPS.get("api-first-cut").size())
                        .allMatch(f -> f.startsWith("TEST-dev.stonks"));
            }
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
                    "RegistryApiSuite.oneCompanyOfTheRegistryCarriesItsAliases",
                    "RegistryApiSuite.resolveFindsATickerInAnyCase",
                    "RegistryApiSuite.resolveFindsAnAlias",
                    "RegistryApiSuite.anUnknownSymbolIsA404AndAMissingOneA400",
                    "RegistryApiSuite.anUnknownRegistryCompanyIsA404AndAMalformedIdA400",
                    "RiskApiSuite.theLimitsAreTheSandboxDefaults",
                    "TradingApiSuite.aSandboxTradesOnPaperAndReachesRisk",
                    "ErrorsApiSuite.aServiceDoesNotAnswerAnotherServicesPaths",
                    "ErrorsApiSuite.garbageInTheQueryIsNeverA500");
            assertThat(failures.values()).allSatisfy(f -> {
                assertThat(f.kind()).isEqualTo(TestFailure.ERROR);
                assertThat(f.message()).contains("no service '").contains("in the run context");
            });
            assertThat(out.passed()).isEqualTo(API_TESTS - 13);
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
            assertThat(output.get("timings").has("/api/nothing-here")).isFalse();
            assertThat(output.get("probes").get("/api/nothing-here").isArray()).isTrue();
            assertThat(completed.output(TestsOutput.class).failed()).isEqualTo(4);
            assertThat(completed.attempt()).isEqualTo(2);
        }
    }

    @Test
    void todaysStonksFeedsTheTrendsTrendDetailAndOpsPagesOnly() throws IOException {
        // FakeStonks answers what stonks has today, and 404 for the endpoints it does not have yet
        try (FakeStonks stonks = FakeStonks.start()) {
            // When
            TestsOutput out = (TestsOutput) frontend.run("r-pages", context(stonks.services())).output();

            // Then
            assertThat(out.total()).isEqualTo(FRONTEND_TESTS);
            Map<String, TestFailure> failures = byTest(out);
            assertThat(failures.keySet()).containsExactlyInAnyOrder("FrontendPagesSuite.page[Home]",
                    "FrontendPagesSuite.page[CompanyDetail]", "FrontendPagesSuite.page[Recommendations]",
                    "FrontendPagesSuite.page[Trading]", "FrontendPagesSuite.page[Risk]",
                    "FrontendPagesSuite.page[Agents]", "FrontendPagesSuite.page[Events]");
            assertThat(out.passed()).as("Trends, TrendDetail, Ops").isEqualTo(3);
            assertThat(failures.values()).allSatisfy(f -> assertThat(f.kind()).isEqualTo(TestFailure.FAILURE));
            assertThat(failures.get("FrontendPagesSuite.page[CompanyDetail]").message())
                    .startsWith("page CompanyDetail: 6 of 12 endpoint(s) do not give what the page renders:")
                    .contains("query-api GET /api/companies/{ticker}/macro-impacts: HTTP 404 instead of 200")
                    .contains("registry GET /api/registry/companies/{id}/aliases: HTTP 404")
                    .doesNotContain("GET /api/companies/{id}/sources");
            assertThat(failures.get("FrontendPagesSuite.page[Home]").message())
                    .contains("2 of 5").contains("/api/recommendations?status=open: HTTP 404")
                    .contains("/api/portfolio/snapshots?limit=30: HTTP 404");
        }
    }

    @Test
    void aPageWithAWrongTypeOrAMissingFieldFailsNamingThem() throws IOException {
        try (FakeStonks stonks = FakeStonks.start(Defect.WRONG_NVDA_CONFIDENCE, Defect.TREND_WITHOUT_CONFIDENCE)) {
            TestsOutput out = (TestsOutput) frontend.run("r-pages-wrong", context(stonks.services())).output();

            Map<String, TestFailure> failures = byTest(out);
            assertThat(failures.get("FrontendPagesSuite.page[TrendDetail]").message())
                    .contains("query-api GET /api/trends/{id}: confidence: missing");
            assertThat(failures).doesNotContainKey("FrontendPagesSuite.page[Ops]");
        }
    }

    @Test
    void aServiceThatDiesMidSuiteGivesErrorsNotFailuresAndTheRunStillFinishes() throws IOException {
        try (FakeStonks stonks = FakeStonks.start()) {
            // Given every service stops answering after 30 requests (the api group makes about 200); every passing
            // test needs at least one answer, so at most 30 can pass whatever order the concurrent suites run in
            stonks.dieAfter(30);

            // When
            long t0 = System.nanoTime();
            StageResult result = runner.run("r-dies", context(stonks.services()));

            // Then
            TestsOutput out = (TestsOutput) result.output();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
            assertThat(out.total()).isEqualTo(API_TESTS);
            assertThat(out.failed()).as("no wrong answers: %s", out.failures()).isZero();
            assertThat(out.passed()).isPositive().isLessThanOrEqualTo(30);
            assertThat(out.passed() + out.errors()).isEqualTo(API_TESTS);
            assertThat(out.failures()).allSatisfy(f -> {
                assertThat(f.kind()).isEqualTo(TestFailure.ERROR);
                assertThat(f.message()).contains("SandboxCallException");
            });
            assertThat(result.error().kind()).isEqualTo("tests_failed");
            assertThat(result.error().message()).startsWith("0 failed, " + out.errors() + " errors: ");
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
