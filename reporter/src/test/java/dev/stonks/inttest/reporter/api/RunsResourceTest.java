package dev.stonks.inttest.reporter.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Bad input is answered before the history is asked (no history here): a 400 problem naming the fault. */
class RunsResourceTest {
    private final RunsResource runs = new RunsResource(null);
    private final TrendsResource trends = new TrendsResource(null);
    private final PromotionsResource promotions = new PromotionsResource(null, null);
    private final BreakGlassResource breakGlass = new BreakGlassResource(null);

    @Test
    void badFiltersAndPagesAreProblems() throws Exception {
        assertProblem(runs.list("done", null, null, null, null).await().indefinitely(), "status");
        assertProblem(runs.list(null, "$(x)", null, null, null).await().indefinitely(), "tag");
        assertProblem(runs.list(null, null, null, "-1", null).await().indefinitely(), "page");
        assertProblem(runs.list(null, null, null, null, "500").await().indefinitely(), "size");
    }

    @Test
    void malformedRunIdsAndTagsAreProblems() throws Exception {
        assertProblem(runs.run("Bad_Run").await().indefinitely(), "");
        assertProblem(runs.latest(null).await().indefinitely(), "image_tag");
        assertProblem(runs.latest("$(x)").await().indefinitely(), "");
        assertProblem(promotions.promotions("Bad_Run", null).await().indefinitely(), "");
        assertProblem(promotions.promotions(null, "0").await().indefinitely(), "limit");
        assertProblem(trends.trends(null, null, "many").await().indefinitely(), "limit");
        assertProblem(breakGlass.steps("501").await().indefinitely(), "limit");
        assertProblem(trends.trends("$(x)", null, null).await().indefinitely(), "");
    }

    private static void assertProblem(Response response, String mentions) throws Exception {
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        JsonNode body = Json.MAPPER.readTree((String) response.getEntity());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("detail").asText()).contains(mentions);
    }
}
