package dev.stonks.inttest.events.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestsOutputTest {

    @Test
    void theReportPathIsAnAdditiveOptionalField() {
        TestsOutput without = new TestsOutput(2, 1, 1, 0, 0,
                List.of(new TestFailure("A.b", TestFailure.FAILURE, "expected: 1")), Map.of("/api/x", List.of(1.5)));
        TestsOutput with = without.withReportPath("/tmp/reports/r1");

        JsonNode old = Json.tree(without);
        JsonNode added = Json.tree(with);

        assertThat(old.has("report_path")).as("no report, no field: old readers see the same JSON").isFalse();
        assertThat(added.get("report_path").asText()).isEqualTo("/tmp/reports/r1");
        assertThat(Json.convert(added, TestsOutput.class)).isEqualTo(with);
        assertThat(Json.convert(old, TestsOutput.class)).isEqualTo(without);
        assertThat(Json.convert(old, TestsOutput.class).reportPath()).isNull();
    }

    @Test
    void examplesAreAnAdditiveOptionalFieldKeyedByEndpoint() {
        TestsOutput without = new TestsOutput(1, 1, 0, 0, 0, List.of(), Map.of("/api/companies/{id}", List.of(2.0)));
        TestsOutput with = without.withReportPath("/tmp/r").withExamples(Map.of("/api/companies/{id}",
                new EndpointExample("query-api", "/api/companies/42?expand=true")));

        JsonNode added = Json.tree(with);

        assertThat(Json.tree(without).has("examples")).isFalse();
        assertThat(added.at("/examples/~1api~1companies~1{id}/service").asText()).isEqualTo("query-api");
        assertThat(added.at("/examples/~1api~1companies~1{id}/path").asText()).isEqualTo("/api/companies/42?expand=true");
        assertThat(Json.convert(added, TestsOutput.class)).isEqualTo(with);
    }

    @Test
    void whatWasNotKeptIsAnAdditiveOptionalField() {
        TestsOutput without = new TestsOutput(3, 3, 0, 0, 0, List.of(), Map.of()).withReportPath("/tmp/r");
        TestsOutput with = without.withUnavailable("junit.xml", "artifact store http://s3: cannot put ...");

        JsonNode added = Json.tree(with);

        assertThat(Json.tree(without).has("unavailable")).as("all kept, no field").isFalse();
        assertThat(added.at("/unavailable/junit.xml").asText()).isEqualTo("artifact store http://s3: cannot put ...");
        assertThat(added.get("total").asInt()).isEqualTo(3);
        assertThat(Json.convert(added, TestsOutput.class)).isEqualTo(with);
        assertThat(Json.convert(added, TestsOutput.class).withReportPath("/tmp/other").unavailable())
                .containsOnlyKeys("junit.xml");
    }

    @Test
    void anExamplePathIsRelativeToTheServiceBaseUrl() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EndpointExample("query-api", "http://evil/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts with '/'");
    }

    @Test
    void aRepeatableWriteExampleKeepsItsMethodBodyAndTypeAndAGetNeedsNoMethod() {
        EndpointExample post = new EndpointExample("trading", "/api/trading/backtest", "POST", "{\"tickers\":[]}",
                "application/json");
        EndpointExample get = new EndpointExample("query-api", "/api/companies", "GET", null, null);

        JsonNode json = Json.tree(new TestsOutput(1, 1, 0, 0, 0, List.of(), Map.of("/api/companies", List.of(1.0)))
                .withExamples(Map.of("POST /api/trading/backtest", post, "/api/companies", get))
                .withProbes(Map.of("/api/nothing-here", List.of(2.0))));

        assertThat(json.at("/examples/POST ~1api~1trading~1backtest/body").asText()).isEqualTo("{\"tickers\":[]}");
        assertThat(json.at("/examples/POST ~1api~1trading~1backtest/content_type").asText())
                .isEqualTo("application/json");
        assertThat(json.at("/examples/~1api~1companies").has("method")).isFalse();
        assertThat(get.httpMethod()).isEqualTo("GET");
        assertThat(json.at("/probes/~1api~1nothing-here/0").asDouble()).isEqualTo(2.0);
        assertThat(json.at("/timings").has("/api/nothing-here")).isFalse();
    }
}
