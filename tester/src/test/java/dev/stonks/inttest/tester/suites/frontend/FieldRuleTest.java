package dev.stonks.inttest.tester.suites.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FieldRuleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void typesAcceptTheirValuesAndNameWhatIsWrong() throws Exception {
        assertThat(check("string", "\"x\"")).isNull();
        assertThat(check("string", "3")).isEqualTo("expected a string but was 3");
        assertThat(check("string!", "\"  \"")).isEqualTo("expected a non-blank string but was \"  \"");
        assertThat(check("number", "0.5")).isNull();
        assertThat(check("number", "\"0.5\"")).isEqualTo("expected a number but was \"0.5\"");
        assertThat(check("integer", "3")).isNull();
        assertThat(check("integer", "3.5")).isEqualTo("expected an integer but was 3.5");
        assertThat(check("boolean", "false")).isNull();
        assertThat(check("uuid", "\"6f1c7a52-3d0e-4b8a-9c51-2b7f0e9d4a10\"")).isNull();
        assertThat(check("uuid", "\"6f1c7a52\"")).startsWith("expected a UUID");
        assertThat(check("timestamp", "\"2025-06-30T21:00:00Z\"")).isNull();
        assertThat(check("timestamp", "\"2025-06-30\"")).startsWith("expected an RFC 3339 timestamp");
        assertThat(check("date", "\"2025-06-30\"")).isNull();
        assertThat(check("array!", "[]")).isEqualTo("expected a non-empty array but was []");
        assertThat(check("object", "{}")).isNull();
        assertThat(check("any", "null")).isEqualTo("is null, expected any");
    }

    @Test
    void constraintsAndNullability() throws Exception {
        assertThat(check("string(open|closed)", "\"open\"")).isNull();
        assertThat(check("string(open|closed)", "\"opened\"")).isEqualTo(
                "expected one of [open, closed] but was \"opened\"");
        assertThat(check("number(0..1)", "1.0")).isNull();
        assertThat(check("number(0..1)", "1.01")).isEqualTo("expected a number in 0..1 but was 1.01");
        assertThat(check("integer(1..)", "0")).isEqualTo("expected a number in 1.. but was 0");
        assertThat(check("number(..-0.5)", "-0.4")).isEqualTo("expected a number in ..-0.5 but was -0.4");
        assertThat(check("timestamp?", "null")).isNull();
        assertThat(check("timestamp", "null")).isEqualTo("is null, expected timestamp");
        assertThat(FieldRule.parse("string!?").check(null)).hasValue("missing");
    }

    @Test
    void aMalformedRuleIsRejectedSayingWhy() {
        assertThatThrownBy(() -> FieldRule.parse("strng")).hasMessageContaining("unknown field type 'strng'");
        assertThatThrownBy(() -> FieldRule.parse("number(1..0)")).hasMessageContaining("empty range");
        assertThatThrownBy(() -> FieldRule.parse("number(a..b)")).hasMessageContaining("range");
        assertThatThrownBy(() -> FieldRule.parse("boolean(true)")).hasMessageContaining("constraint");
        assertThatThrownBy(() -> FieldRule.parse("integer!")).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> FieldRule.parse("string!!")).hasMessageContaining("repeats");
        assertThatThrownBy(() -> FieldRule.parse("string(a||b)")).hasMessageContaining("empty value");
    }

    private static String check(String rule, String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return FieldRule.parse(rule).check(node).orElse(null);
    }
}
