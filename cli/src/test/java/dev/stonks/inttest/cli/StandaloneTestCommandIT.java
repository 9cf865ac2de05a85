package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.tester.stonks.FakeStonks;
import dev.stonks.inttest.tester.stonks.FakeStonks.Defect;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inttest test} against FakeStonks: real HTTP servers answering like stonks, right or wrong. */
class StandaloneTestCommandIT {

    @TempDir
    Path tmp;

    @Test
    void aDeploymentThatAnswersRightExits0WithReportAndResults() throws Exception {
        try (FakeStonks stonks = FakeStonks.start()) {
            // When
            Result r = run(args(stonks.services(), "--suites", "api-first-cut", "--report-dir",
                    tmp.resolve("xml").toString(), "--results-file", tmp.resolve("results.json").toString()));

            // Then
            assertThat(r.code()).as(r.out()).isZero();
            assertThat(r.out()).contains("  CompaniesApiSuite         24 tests,  24 passed,  0 failed,  0 errors")
                    .contains("tests: 63 total, 63 passed, 0 failed, 0 errors, 0 skipped")
                    .contains("JUnit XML: " + tmp.resolve("xml").toAbsolutePath());
            try (Stream<Path> xml = Files.list(tmp.resolve("xml"))) {
                assertThat(xml.map(p -> p.getFileName().toString())).hasSize(10)
                        .allMatch(f -> f.startsWith("TEST-dev.stonks.inttest.tester.suites.api.")
                                && f.endsWith(".xml"));
            }
            JsonNode results = Json.MAPPER.readTree(tmp.resolve("results.json").toFile());
            assertThat(results.get("exit_code").asInt()).isZero();
            assertThat(results.get("tests").get("total").asInt()).isEqualTo(63);
            assertThat(results.get("by_suite")).hasSize(10);
            assertThat(results.get("services").get("query-api").asText()).isEqualTo(stonks.url());
            assertThat(results.get("timings").has("/api/companies/{id}")).isTrue();
            // ErrorsApiSuite's probe of a route stonks does not have is timed apart, never as an endpoint
            assertThat(results.get("probes").has("/api/nothing-here")).isTrue();
            assertThat(results.get("timings").has("/api/nothing-here")).isFalse();
        }
    }

    @Test
    void aDeploymentThatAnswersWronglyExits1NamingEveryFailingTest() throws Exception {
        // Given a wrong confidence (NVDA Q1: 0.19 instead of 0.91) and a missing field (no confidence in trend detail)
        try (FakeStonks stonks = FakeStonks.start(Defect.WRONG_NVDA_CONFIDENCE, Defect.TREND_WITHOUT_CONFIDENCE)) {
            // When
            Result r = run(args(stonks.services(), "--suites", "api-first-cut,frontend", "--report-dir",
                    tmp.resolve("xml").toString(), "--results-file", tmp.resolve("results.json").toString()));

            // Then
            assertThat(r.code()).as(r.out()).isEqualTo(1);
            assertThat(r.out())
                    .contains("FAILED TrendsApiSuite.trendDetailCarriesDirectionConfidenceEvidenceAndProjections: "
                            + "missing field 'confidence'")
                    .contains("FAILED TrendsApiSuite.theTrendListFiltersByDirectionMostConfidentFirst: ")
                    .contains("FAILED FrontendPagesSuite.page[TrendDetail]: page TrendDetail: 1 of 2 endpoint(s) do "
                            + "not give what the page renders:")
                    .contains("query-api GET /api/trends/{id}: confidence: missing")
                    .containsPattern("tests: 73 total, \\d+ passed, \\d+ failed, 0 errors, 0 skipped");
            JsonNode results = Json.MAPPER.readTree(tmp.resolve("results.json").toFile());
            assertThat(results.get("exit_code").asInt()).isEqualTo(1);
            List<String> failed = new ArrayList<>();
            results.get("failures").forEach(f -> failed.add(f.get("test").asText()));
            assertThat(failed).contains("TrendsApiSuite.everyTrendWindowMatchesTheDataset",
                    "TrendsApiSuite.theUnfilteredTrendListHasEveryWindow",
                    "FrontendPagesSuite.page[TrendDetail]", "FrontendPagesSuite.page[Home]");
            results.get("failures").forEach(f -> {
                assertThat(f.get("kind").asText()).isEqualTo("failure");
                assertThat(f.get("message").asText()).isNotBlank();
            });
        }
    }

    @Test
    void aDeploymentThatDiesMidSuiteExits1WithErrorsNotFailures() throws Exception {
        try (FakeStonks stonks = FakeStonks.start()) {
            stonks.dieAfter(50);

            long t0 = System.nanoTime();
            Result r = run(args(stonks.services(), "--suites", "api-first-cut", "--report-dir",
                    tmp.resolve("xml").toString(), "--results-file",
                    tmp.resolve("results.json").toString(), "--http-timeout", "3"));

            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).containsPattern("tests: 63 total, \\d+ passed, 0 failed, \\d+ errors, 0 skipped")
                    .contains("ERROR  ").contains("connection refused").doesNotContain("FAILED ");
            JsonNode tests = Json.MAPPER.readTree(tmp.resolve("results.json").toFile()).get("tests");
            assertThat(tests.get("failed").asInt()).isZero();
            assertThat(tests.get("errors").asInt()).isPositive();
            assertThat(tests.get("passed").asInt() + tests.get("errors").asInt()).isEqualTo(63);
        }
    }

    private static String[] args(Map<String, String> services, String... more) {
        List<String> args = new ArrayList<>();
        services.forEach((name, url) -> {
            args.add("--base-url");
            args.add(name + "=" + url);
        });
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "test";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
    }
}
