package dev.stonks.inttest.promoter.breakglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BreakGlassRequestTest {
    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final Duration MAX = Duration.ofHours(24);

    @Test
    void anExpiryOrADurationWithWhoAndWhyOpensABreakGlass() {
        BreakGlass byExpiry = BreakGlassRequest.parse("""
                {"who": " alice ", "why": "hotfix INC-42", "expires_at": "2026-11-24T18:00:00Z"}""", NOW, MAX);
        assertThat(byExpiry).isEqualTo(new BreakGlass("alice", "hotfix INC-42", NOW,
                Instant.parse("2026-11-24T18:00:00Z")));

        assertThat(BreakGlassRequest.parse("""
                {"who": "bob", "why": "x", "duration": "PT2H"}""", NOW, MAX).expiresAt())
                .isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(BreakGlassRequest.parse("""
                {"who": "bob", "why": "x", "duration": "90m"}""", NOW, MAX).expiresAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(90)));
        assertThat(BreakGlassRequest.parse("""
                {"who": "bob", "why": "x", "duration": "24h"}""", NOW, MAX).expiresAt())
                .isEqualTo(NOW.plus(MAX));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"why\": \"w\", \"duration\": \"1h\"}                          | who is required",
            "{\"who\": \"  \", \"why\": \"w\", \"duration\": \"1h\"}          | who is required",
            "{\"who\": \"a\", \"duration\": \"1h\"}                           | why is required",
            "{\"who\": 7, \"why\": \"w\", \"duration\": \"1h\"}              | who must be a string",
            "{\"who\": \"a\", \"why\": \"w\"}                                 | expires_at (an RFC 3339 timestamp) or duration",
            "{\"who\": \"a\", \"why\": \"w\", \"duration\": \"1h\", \"expires_at\": \"2026-11-24T16:00:00Z\"} | either expires_at or duration, not both",
            "{\"who\": \"a\", \"why\": \"w\", \"expires_at\": \"tomorrow\"}    | is not an RFC 3339 timestamp",
            "{\"who\": \"a\", \"why\": \"w\", \"expires_at\": \"2026-11-24T14:59:59Z\"} | is not in the future",
            "{\"who\": \"a\", \"why\": \"w\", \"expires_at\": \"2026-11-24T15:00:00Z\"} | is not in the future",
            "{\"who\": \"a\", \"why\": \"w\", \"expires_at\": \"2026-11-25T15:00:01Z\"} | is more than 24 h away",
            "{\"who\": \"a\", \"why\": \"w\", \"duration\": \"25h\"}          | is more than 24 h away",
            "{\"who\": \"a\", \"why\": \"w\", \"duration\": \"-PT1H\"}        | must be positive",
            "{\"who\": \"a\", \"why\": \"w\", \"duration\": \"soon\"}         | is not a duration",
            "{\"who\": \"a\", \"why\": \"w\", \"duration\": \"1h\", \"expires\": \"x\"} | unknown field 'expires'",
            "[1, 2]                                                           | must be a JSON object",
            "{\"who\": \"a\",                                                 | the body is not JSON"})
    void isRefusedWith(String body, String problem) {
        assertThatThrownBy(() -> BreakGlassRequest.parse(body, NOW, MAX))
                .isInstanceOfSatisfying(InvalidBreakGlassException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains(problem)));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> BreakGlassRequest.parse("{\"duration\": \"2 weeks\"}", NOW, MAX))
                .isInstanceOfSatisfying(InvalidBreakGlassException.class, e -> assertThat(e.problems())
                        .containsExactly("who is required", "why is required",
                                "duration '2 weeks' is not a duration such as PT2H, 90m or 2h"));
    }

    @Test
    void anEmptyBodyOrOverlongTextIsRefused() {
        assertThatThrownBy(() -> BreakGlassRequest.parse("", NOW, MAX))
                .isInstanceOf(InvalidBreakGlassException.class);
        String body = "{\"who\": \"" + "a".repeat(101) + "\", \"why\": \"w\", \"duration\": \"1h\"}";
        assertThatThrownBy(() -> BreakGlassRequest.parse(body, NOW, MAX))
                .hasMessageContaining("who is longer than 100 characters");
    }

    @Test
    void aBreakGlassCountsUntilItsExpiryExclusive() {
        BreakGlass glass = new BreakGlass("a", "w", NOW, NOW.plusSeconds(60));
        assertThat(glass.isActiveAt(NOW.plusSeconds(59))).isTrue();
        assertThat(glass.isActiveAt(NOW.plusSeconds(60))).isFalse();
    }
}
