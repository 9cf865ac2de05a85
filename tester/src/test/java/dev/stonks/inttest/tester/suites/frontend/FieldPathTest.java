package dev.stonks.inttest.tester.suites.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nestedFieldsAndArrayElementsAreCheckedWhereTheyAre() throws Exception {
        var body = JSON.readTree("""
                {"last": {"status": "running"},
                 "evidence": [{"weight": 0.5}, {"weight": "heavy"}, {}],
                 "tags": ["a", ""]}""");
        List<String> problems = new ArrayList<>();

        FieldPath.parse("last.status").check(body, "", FieldRule.parse("string(running)"), problems);
        FieldPath.parse("evidence[].weight").check(body, "", FieldRule.parse("number(0..1)"), problems);
        FieldPath.parse("tags[]").check(body, "[3]", FieldRule.parse("string!"), problems);
        FieldPath.parse("last.finished_at").check(body, "", FieldRule.parse("timestamp?"), problems);
        FieldPath.parse("nothing.here").check(body, "", FieldRule.parse("string"), problems);
        FieldPath.parse("last.status.code").check(body, "", FieldRule.parse("string"), problems);

        assertThat(problems).containsExactly(
                "evidence[1].weight: expected a number but was \"heavy\"",
                "evidence[2].weight: missing",
                "[3].tags[1]: expected a non-blank string but was \"\"",
                "last.finished_at: missing",
                "nothing: missing",
                "last.status.code: expected an object with 'code' but last.status is \"running\"");
    }

    @Test
    void anEmptyArrayHasNothingToCheckAndANonArrayIsWrong() throws Exception {
        var body = JSON.readTree("{\"evidence\": [], \"projections\": {}}");
        List<String> problems = new ArrayList<>();

        FieldPath.parse("evidence[].weight").check(body, "", FieldRule.parse("number"), problems);
        FieldPath.parse("projections[].low").check(body, "", FieldRule.parse("number"), problems);

        assertThat(problems).containsExactly("projections: expected an array but was {}");
    }

    @Test
    void aMalformedPathIsRejected() {
        assertThatThrownBy(() -> FieldPath.parse("a..b")).hasMessageContaining("not a field path");
        assertThatThrownBy(() -> FieldPath.parse("a[0].b")).hasMessageContaining("not a field path");
        assertThatThrownBy(() -> FieldPath.parse(" ")).hasMessageContaining("empty");
    }
}
