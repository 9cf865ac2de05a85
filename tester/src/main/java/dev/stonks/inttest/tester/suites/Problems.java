package dev.stonks.inttest.tester.suites;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.tester.sandbox.ApiResponse;

/** Checks of the stonks error bodies: {@code {"status", "title", "detail"}} (RFC 9457 style). */
public final class Problems {
    private Problems() {
    }

    /**
     * Fails unless {@code response} has status {@code status}, a JSON body whose {@code status} repeats it, a title,
     * and a detail that mentions {@code subject} (the id or value that was wrong), ignoring case.
     */
    public static JsonNode assertProblem(ApiResponse response, int status, String subject) {
        JsonNode body = response.json(status);
        assertThat(response.contentType()).as("%s: content type", response.describe()).contains("json");
        assertThat(Fields.integer(body, "status")).as("%s: problem status", response.describe()).isEqualTo(status);
        assertThat(Fields.text(body, "title")).as("%s: problem title", response.describe()).isNotBlank();
        assertThat(Fields.text(body, "detail")).as("%s: problem detail names what was wrong", response.describe())
                .containsIgnoringCase(subject);
        return body;
    }
}
