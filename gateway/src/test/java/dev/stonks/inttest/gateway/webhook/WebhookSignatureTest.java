package dev.stonks.inttest.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    // GitHub's documented example ("Validating webhook deliveries")
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] PAYLOAD = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private final WebhookSignature signature = new WebhookSignature(SECRET);

    @Test
    void signsGitHubsExampleAsDocumented() {
        assertThat(signature.sign(PAYLOAD)).isEqualTo(EXPECTED);
        assertThat(signature.matches(PAYLOAD, EXPECTED)).isTrue();
    }

    @Test
    void aTamperedBodyDoesNotMatch() {
        assertThat(signature.matches("Hello, World?".getBytes(StandardCharsets.UTF_8), EXPECTED)).isFalse();
        assertThat(signature.matches("Hello, World! ".getBytes(StandardCharsets.UTF_8), EXPECTED)).isFalse();
    }

    @Test
    void aTamperedSignatureDoesNotMatch() {
        String lastDigitChanged = EXPECTED.substring(0, EXPECTED.length() - 1) + "f";
        assertThat(signature.matches(PAYLOAD, lastDigitChanged)).isFalse();
        assertThat(signature.matches(PAYLOAD, EXPECTED.substring(0, EXPECTED.length() - 2))).isFalse();
        assertThat(signature.matches(PAYLOAD, EXPECTED + "00")).isFalse();
        assertThat(signature.matches(PAYLOAD, "sha256=not-hex-at-all")).isFalse();
    }

    @Test
    void aSignatureWithoutItsPrefixOrAnotherAlgorithmDoesNotMatch() {
        assertThat(signature.matches(PAYLOAD, EXPECTED.substring("sha256=".length()))).isFalse();
        assertThat(signature.matches(PAYLOAD, EXPECTED.replace("sha256=", "sha1="))).isFalse();
        assertThat(signature.matches(PAYLOAD, null)).isFalse();
        assertThat(signature.matches(PAYLOAD, "")).isFalse();
    }

    @Test
    void anotherSecretDoesNotMatch() {
        assertThat(new WebhookSignature("It's a Secret to Somebody").matches(PAYLOAD, EXPECTED)).isFalse();
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThatThrownBy(() -> new WebhookSignature("")).isInstanceOf(IllegalArgumentException.class);
    }
}
