package dev.stonks.inttest.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
    record Body(String imageTag, Integer scale, Boolean skipTeardown) {
    }

    @Test
    void readsSnakeCaseFields() {
        assertThat(read("{\"image_tag\": \"v1\", \"scale\": 2, \"skip_teardown\": true}"))
                .isEqualTo(new Body("v1", 2, true));
    }

    @Test
    void anUnknownFieldIsNamed() {
        assertField("{\"image_tag\": \"v1\", \"scael\": 2}", "scael");
    }

    @Test
    void aWrongTypeNamesTheField() {
        assertField("{\"scale\": \"many\"}", "scale");
        assertField("{\"scale\": 2.5}", "scale");
        assertField("{\"skip_teardown\": \"yes\"}", "skip_teardown");
    }

    @Test
    void malformedOrMissingBodiesAreBadRequests() {
        assertInvalid("{\"image_tag\": ");
        assertInvalid("[]");
        assertInvalid("null");
        assertInvalid("");
        assertInvalid("{} {}");
        assertThat(JsonBodies.read(new byte[0], Body.class, new Body(null, null, null))).isNotNull();
    }

    private static Body read(String json) {
        return JsonBodies.read(json.getBytes(StandardCharsets.UTF_8), Body.class, null);
    }

    private static void assertField(String json, String field) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static void assertInvalid(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.INVALID_REQUEST));
    }
}
