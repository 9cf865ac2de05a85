package dev.stonks.inttest.reporter.regressions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {
    private static final String GET = "/api/companies/{id}";
    private static final String POST = "POST /api/trading/backtest";
    private static final RegressionSettings DEFAULT = RegressionSettings.DEFAULT;

    /** Five earlier runs: the GET at 9.5-10.5 ms p95 (median 10), service_deploy at 9.8-10.4 s (median 10). */
    private static final List<BaselineRun> FIVE = List.of(
            run("r5", 10.0, 10.0), run("r4", 9.5, 9.8), run("r3", 10.5, 10.4), run("r2", 9.8, 10.1),
            run("r1", 10.2, 9.9));

    @Test
    void theMedianIsTheMiddleFigureOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(RegressionCheck.median(List.of(12.0, 10.0, 400.0))).isEqualTo(12.0);
        assertThat(RegressionCheck.median(List.of(10.0, 9.0, 11.0, 100.0))).isEqualTo(10.5);
        assertThat(RegressionCheck.median(List.of(7.0))).isEqualTo(7.0);
    }

    @Test
    void anEndpointWorseByMoreThanBothThresholdsIsARegression() {
        // When: 25 ms against a median of 10 ms
        List<Regression> found = RegressionCheck.compare(endpoints(GET, 25.0, true), stages(10.0), FIVE, DEFAULT);

        // Then
        assertThat(found).containsExactly(new Regression("endpoint", GET, "p95_ms", "ms", 25.0, 10.0, 2.5, 15.0));
    }

    @Test
    void withinTwentyPercentIsNoise() {
        // 11 ms is 10 % over the median of 10 ms
        assertThat(RegressionCheck.compare(endpoints(GET, 11.0, true), stages(10.0), FIVE, DEFAULT)).isEmpty();
    }

    @Test
    void aLargeRatioOfATinyFigureIsNotARegressionUnderTheDeltaThreshold() {
        // Given: a 1 ms endpoint now at 4 ms: 300 % worse but only 3 ms
        List<BaselineRun> fast = List.of(run("a", 1.0, 10.0), run("b", 1.0, 10.0), run("c", 1.0, 10.0));

        // Then
        assertThat(RegressionCheck.compare(endpoints(GET, 4.0, true), stages(10.0), fast, DEFAULT)).isEmpty();
        assertThat(RegressionCheck.compare(endpoints(GET, 6.5, true), stages(10.0), fast, DEFAULT))
                .extracting(Regression::subject).containsExactly(GET);
    }

    @Test
    void aFigureThatVariesThatMuchFromRunToRunIsNotARegressionWhenItVariesAgain() {
        // Given: a p95 seen at 2, 10, 7, 13 and 4 ms in like runs (median 7, MAD 3: 3 MADs are 13.3 ms)
        List<BaselineRun> noisy = List.of(run("a", 2.0, 10.0), run("b", 10.0, 10.0), run("c", 7.0, 10.0),
                run("d", 13.0, 10.0), run("e", 4.0, 10.0));

        // Then: 19 ms is 12 ms worse (more than 20 % and 5 ms) but within 3 MADs (13.3 ms); 25 ms is not
        assertThat(RegressionCheck.compare(endpoints(GET, 19.0, true), stages(10.0), noisy, DEFAULT)).isEmpty();
        assertThat(RegressionCheck.compare(endpoints(GET, 25.0, true), stages(10.0), noisy, DEFAULT))
                .extracting(Regression::subject).containsExactly(GET);
        // without the noise band, 19 ms is one
        assertThat(RegressionCheck.compare(endpoints(GET, 19.0, true), stages(10.0), noisy,
                new RegressionSettings(0.20, 5, 5, 3, 0))).extracting(Regression::subject).containsExactly(GET);
    }

    @Test
    void aP95BurstWithTheMedianInPlaceIsNoiseAWholeDistributionMovedIsARegression() {
        // Given: five like runs with p95 about 4 ms and p50 about 1.4 ms (figures of the base runs measured here)
        List<BaselineRun> like = List.of(
                new BaselineRun("a", Map.of(GET, 3.1), Map.of(GET, 1.44), Map.of()),
                new BaselineRun("b", Map.of(GET, 2.6), Map.of(GET, 1.08), Map.of()),
                new BaselineRun("c", Map.of(GET, 6.1), Map.of(GET, 1.54), Map.of()),
                new BaselineRun("d", Map.of(GET, 4.4), Map.of(GET, 1.38), Map.of()),
                new BaselineRun("e", Map.of(GET, 3.5), Map.of(GET, 1.26), Map.of()));
        ObjectNode burst = endpoints(GET, 11.2, true);
        ((ObjectNode) burst.get(GET)).put("p50_ms", 2.79);
        ObjectNode slower = endpoints(GET, 39.9, true);
        ((ObjectNode) slower.get(GET)).put("p50_ms", 33.8);

        // Then: the tail alone moved by 7.7 ms: noise; the test build with 30 ms more moved both
        assertThat(RegressionCheck.compare(burst, stages(10.0), like, DEFAULT)).isEmpty();
        assertThat(RegressionCheck.compare(slower, stages(10.0), like, DEFAULT)).extracting(Regression::subject)
                .containsExactly(GET);
    }

    @Test
    void theThresholdsAreConfigurable() {
        RegressionSettings strict = new RegressionSettings(0.05, 0.5, 5, 3);

        assertThat(RegressionCheck.compare(endpoints(GET, 11.0, true), stages(10.0), FIVE, strict))
                .extracting(Regression::ratio).containsExactly(1.1);
    }

    @Test
    void aStageIsComparedByItsDurationWithTheDeltaInMilliseconds() {
        // When: service_deploy took 14 s against a median of 10 s; the endpoint is as fast as ever
        List<Regression> found = RegressionCheck.compare(endpoints(GET, 10.0, true), stages(14.0), FIVE, DEFAULT);

        // Then
        assertThat(found).containsExactly(
                new Regression("stage", "service_deploy", "duration_s", "s", 14.0, 10.0, 1.4, 4000.0));
    }

    @Test
    void aStageThatDidNotCompleteOkIsNotCompared() {
        ObjectNode stages = stages(40.0);
        ((ObjectNode) stages.get("service_deploy")).put("status", "failed");

        assertThat(RegressionCheck.compare(endpoints(GET, 10.0, true), stages, FIVE, DEFAULT)).isEmpty();
    }

    @Test
    void coldEndpointsAreNotCompared() {
        // Given: the baseline has the POST warm at 10 ms; this run measured it only cold (its first call at 492 ms),
        // and a GET measured cold is in the baseline runs as cold, so absent from their figures
        ObjectNode endpoints = endpoints(POST, 492.0, false);
        endpoints.set(GET, endpoint(300.0, null));
        List<BaselineRun> withPost = FIVE.stream().map(r -> new BaselineRun(r.runId(), Map.of(POST, 10.0),
                r.stageSeconds())).toList();

        // Then
        assertThat(RegressionCheck.compare(endpoints, stages(10.0), withPost, DEFAULT)).isEmpty();
    }

    @Test
    void anEndpointWarmInFewerBaselineRunsThanTheMinimumIsNotCompared() {
        // Given: the endpoint was warm in only two of the five runs (the others measured it cold)
        List<BaselineRun> mixed = new ArrayList<>(FIVE.subList(0, 2));
        FIVE.subList(2, 5).forEach(r -> mixed.add(new BaselineRun(r.runId(), Map.of(), r.stageSeconds())));

        // Then
        assertThat(RegressionCheck.compare(endpoints(GET, 25.0, true), stages(10.0), mixed, DEFAULT)).isEmpty();
    }

    @Test
    void theWorstRatioComesFirstAndANullPercentileIsSkipped() {
        // Given
        ObjectNode endpoints = endpoints(GET, 25.0, true);
        endpoints.set("/api/orders", endpoint(null, true));
        List<BaselineRun> withOrders = FIVE.stream().map(r -> new BaselineRun(r.runId(),
                Map.of(GET, r.endpointP95Ms().get(GET), "/api/orders", 5.0), r.stageSeconds())).toList();

        // When: the stage 1.4x, the endpoint 2.5x
        List<Regression> found = RegressionCheck.compare(endpoints, stages(14.0), withOrders, DEFAULT);

        // Then
        assertThat(found).extracting(Regression::subject).containsExactly(GET, "service_deploy");
    }

    @Test
    void theReportNamesTheBaselineRunsOrWhyThereAreNone() {
        // Given
        Baselines three = (target, fp, run, before, limit) -> FIVE.subList(0, 3);
        Baselines two = (target, fp, run, before, limit) -> FIVE.subList(0, 2);
        Baselines none = (target, fp, run, before, limit) -> List.of();
        Baselines broken = (target, fp, run, before, limit) -> {
            throw new IllegalStateException("connection refused");
        };

        // When
        JsonNode compared = report(three, "sha256:aa");
        JsonNode tooFew = report(two, "sha256:aa");
        JsonNode noRuns = report(none, "sha256:aa");
        JsonNode noHistory = report(broken, "sha256:aa");
        JsonNode noFingerprint = report(three, null);

        // Then
        assertThat(compared.get("baseline").get("runs")).extracting(JsonNode::asText).containsExactly("r5", "r4",
                "r3");
        assertThat(compared.get("baseline").get("target").asText()).isEqualTo("github.com/acme/stonks@local");
        assertThat(compared.get("baseline").get("min_ratio").asDouble()).isEqualTo(0.2);
        assertThat(compared.get("baseline").has("reason")).isFalse();
        assertThat(compared.get("regressions").get(0).get("delta_ms").asDouble()).isEqualTo(15.0);
        assertThat(tooFew.get("baseline").get("reason").asText()).startsWith("too few comparable runs: 2 ");
        assertThat(noRuns.get("baseline").get("reason").asText()).startsWith("no comparable runs");
        assertThat(noHistory.get("baseline").get("reason").asText())
                .isEqualTo("history unavailable: connection refused");
        assertThat(noFingerprint.get("baseline").get("reason").asText()).contains("no seed fingerprint");
        for (JsonNode uncompared : List.of(tooFew, noRuns, noHistory, noFingerprint)) {
            assertThat(uncompared.get("regressions")).isEmpty();
        }
    }

    private static JsonNode report(Baselines baselines, String fingerprint) {
        ObjectNode profiling = Json.MAPPER.createObjectNode();
        RegressionReport.addTo(profiling, "stonks-inttest-now", "github.com/acme/stonks@local", fingerprint,
                Instant.parse("2026-12-02T12:00:00Z"), endpoints(GET, 25.0, true), stages(10.0), baselines, DEFAULT);
        return profiling;
    }

    private static BaselineRun run(String id, double getP95, double serviceDeployS) {
        return new BaselineRun(id, Map.of(GET, getP95), Map.of("service_deploy", serviceDeployS, "teardown", 1.0));
    }

    private static ObjectNode endpoints(String key, Double p95, Boolean warm) {
        ObjectNode endpoints = Json.MAPPER.createObjectNode();
        endpoints.set(key, endpoint(p95, warm));
        return endpoints;
    }

    private static ObjectNode endpoint(Double p95, Boolean warm) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        if (p95 == null) {
            e.putNull("p95_ms");
        } else {
            e.put("p95_ms", p95);
        }
        if (warm != null) {
            e.put("warm", warm);
        }
        return e;
    }

    private static ObjectNode stages(double serviceDeployS) {
        ObjectNode stages = Json.MAPPER.createObjectNode();
        stages.putObject("service_deploy").put("status", "ok").put("duration_s", serviceDeployS);
        stages.putObject("teardown").put("status", "ok").put("duration_s", 1.0);
        return stages;
    }
}
