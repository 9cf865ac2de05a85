package dev.stonks.inttest.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aPlainProblemIsAboutBlankWithoutTheEmptyExtensions() throws Exception {
        JsonNode body = Json.MAPPER.readTree(Problem.of(404, "Not Found", "no finished run 'r1'").json());

        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(body.get("type").asText()).isEqualTo("about:blank");
        assertThat(body.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void theFieldAndEveryErrorAreCarriedWhenThereAreSome() throws Exception {
        JsonNode body = Json.MAPPER.readTree(new Problem("urn:inttest:problem:invalid-request", "Invalid request", 400,
                "2 problems", "image_tag", List.of("why is required", "who is required")).json());

        assertThat(body.get("type").asText()).isEqualTo("urn:inttest:problem:invalid-request");
        assertThat(body.get("field").asText()).isEqualTo("image_tag");
        assertThat(body.get("errors")).extracting(JsonNode::asText)
                .containsExactly("why is required", "who is required");
    }
}
