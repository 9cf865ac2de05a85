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
    void anExpiryOrADurationWithAReasonOpensABreakGlass() {
        assertThat(BreakGlassRequest.parse("""
                {"reason": " hotfix INC-42 ", "expires_at": "2026-11-24T18:00:00Z"}""", NOW, MAX))
                .isEqualTo(new BreakGlassRequest.Parsed("hotfix INC-42", Instant.parse("2026-11-24T18:00:00Z")));
        assertThat(BreakGlassRequest.parse("""
                {"reason": "x", "duration": "PT2H"}""", NOW, MAX).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(BreakGlassRequest.parse("""
                {"reason": "x", "duration": "90m"}""", NOW, MAX).expiresAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(90)));
        assertThat(BreakGlassRequest.parse("""
                {"reason": "x", "duration": "24h"}""", NOW, MAX).expiresAt()).isEqualTo(NOW.plus(MAX));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"duration\": \"1h\"}                                         | reason is required",
            "{\"reason\": \"  \", \"duration\": \"1h\"}                     | reason is required",
            "{\"reason\": 7, \"duration\": \"1h\"}                          | reason must be a string",
            "{\"reason\": \"a\\u0000b\", \"duration\": \"1h\"}              | must not contain control characters",
            "{\"reason\": \"w\"}                                            | expires_at (an RFC 3339 timestamp) or duration",
            "{\"reason\": \"w\", \"duration\": \"1h\", \"expires_at\": \"2026-11-24T16:00:00Z\"} | either expires_at or duration, not both",
            "{\"reason\": \"w\", \"expires_at\": \"tomorrow\"}               | is not an RFC 3339 timestamp",
            "{\"reason\": \"w\", \"expires_at\": 1764000000}                 | expires_at must be a string",
            "{\"reason\": \"w\", \"expires_at\": \"2026-11-24T14:59:59Z\"}   | is not in the future",
            "{\"reason\": \"w\", \"expires_at\": \"2026-11-24T15:00:00Z\"}   | is not in the future",
            "{\"reason\": \"w\", \"expires_at\": \"2026-11-25T15:00:01Z\"}   | is more than 24 h away",
            "{\"reason\": \"w\", \"duration\": \"25h\"}                     | is more than 24 h away",
            "{\"reason\": \"w\", \"duration\": \"-PT1H\"}                   | must be positive",
            "{\"reason\": \"w\", \"duration\": \"PT9999999999999999H\"}     | is not a duration",
            "{\"reason\": \"w\", \"duration\": \"soon\"}                    | is not a duration",
            "{\"reason\": \"w\", \"duration\": \"1h\", \"expires\": \"x\"}  | unknown field 'expires'",
            "{\"reason\": \"w\", \"duration\": \"1h\", \"who\": \"alice\"}  | field 'who' is not accepted",
            "{\"reason\": \"w\", \"duration\": \"1h\", \"opened_by\": \"a\"} | field 'opened_by' is not accepted",
            "[1, 2]                                                          | must be a JSON object",
            "{\"reason\": \"w\", \"duration\": \"1h\"} x                       | the body is not JSON",
            "{\"reason\": \"w\", \"reason\": \"v\", \"duration\": \"1h\"}       | the body is not JSON",
            "{\"reason\": \"a\",                                             | the body is not JSON"})
    void isRefusedWith(String body, String problem) {
        assertThatThrownBy(() -> BreakGlassRequest.parse(body, NOW, MAX))
                .isInstanceOfSatisfying(InvalidBreakGlassException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains(problem)));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> BreakGlassRequest.parse("{\"duration\": \"2 weeks\", \"why\": \"x\"}", NOW, MAX))
                .isInstanceOfSatisfying(InvalidBreakGlassException.class, e -> assertThat(e.problems())
                        .containsExactly("unknown field 'why' (expected reason, expires_at or duration)",
                                "reason is required", "duration '2 weeks' is not a duration such as PT2H, 90m or 2h"));
    }

    @Test
    void anEmptyBodyOrOverlongTextIsRefused() {
        assertThatThrownBy(() -> BreakGlassRequest.parse("", NOW, MAX))
                .isInstanceOf(InvalidBreakGlassException.class);
        String body = "{\"reason\": \"" + "a".repeat(1001) + "\", \"duration\": \"1h\"}";
        assertThatThrownBy(() -> BreakGlassRequest.parse(body, NOW, MAX))
                .hasMessageContaining("reason is longer than 1000 characters");
    }

    @Test
    void aBreakGlassCountsFromItsLastNeededApprovalUntilItsExpiryExclusiveOrItsClosing() {
        BreakGlass alone = BreakGlass.open("bg-1", "alice", "w", NOW, NOW.plusSeconds(60), 1);
        assertThat(alone.isActiveAt(NOW.plusSeconds(59))).isTrue();
        assertThat(alone.isActiveAt(NOW.plusSeconds(60))).isFalse();
        assertThat(alone.stateAt(NOW.plusSeconds(60))).isEqualTo(BreakGlass.EXPIRED);
        assertThat(alone.closed("bob", NOW).isActiveAt(NOW.plusSeconds(1))).isFalse();

        BreakGlass twoPerson = BreakGlass.open("bg-2", "alice", "w", NOW, NOW.plusSeconds(60), 2);
        assertThat(twoPerson.stateAt(NOW)).isEqualTo(BreakGlass.AWAITING_APPROVAL);
        assertThat(twoPerson.approvedBy("bob", NOW).stateAt(NOW)).isEqualTo(BreakGlass.ACTIVE);
    }
}
