package dev.stonks.inttest.promoter.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated break-glass bodies against the parser alone (the jqwik engine, with shrinking): it refuses with
 * {@link InvalidBreakGlassException} and nothing else, and whatever it accepts keeps the invariants: a reason without
 * control characters of at most 1000 characters, an expiry in the future and at most 24 h away.
 */
class BreakGlassRequestPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final Duration MAX = Duration.ofHours(24);

    @Property(tries = 1000)
    void acceptsOnlyWhatKeepsTheInvariantsAndRefusesWithoutThrowingAnythingElse(@ForAll("bodies") String body) {
        BreakGlassRequest.Parsed parsed;
        try {
            parsed = BreakGlassRequest.parse(body, NOW, MAX);
        } catch (InvalidBreakGlassException e) {
            assertThat(e.problems()).isNotEmpty();
            Statistics.label("outcome").collect("refused");
            return;
        }
        Statistics.label("outcome").collect("accepted");
        assertThat(parsed.reason()).isNotBlank().hasSizeLessThanOrEqualTo(BreakGlassRequest.MAX_REASON);
        assertThat(parsed.reason().chars().filter(c -> Character.isISOControl(c) && c != '\n')).isEmpty();
        assertThat(parsed.expiresAt()).isAfter(NOW).isBeforeOrEqualTo(NOW.plus(MAX));
        assertThat(body).doesNotContain("\"who\"", "\"opened_by\"");
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<Object> anyValue = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(1100).map(s -> s),
                Arbitraries.integers().map(i -> i), Arbitraries.of(true, false, 1.5e300), Arbitraries.just(null),
                Arbitraries.of("PT1H", "90m", "24h", "25h", "PT0S", "-PT1H", "P1D", "PT99999999999999999H",
                        "2026-11-24T16:00:00Z", "2026-11-26T00:00:00Z", "+999999999-12-31T23:59:59Z", "1h ")
                        .map(s -> s));
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("reason", "duration", "expires_at", "who",
                "opened_by", "why"), Arbitraries.strings().alpha().ofMaxLength(12));
        Arbitrary<String> objects = Combinators.combine(name.list().ofMaxSize(5), anyValue.list().ofSize(5))
                .as((names, values) -> {
                    ObjectNode node = Json.MAPPER.createObjectNode();
                    for (int i = 0; i < names.size(); i++) {
                        node.set(names.get(i), Json.MAPPER.valueToTree(values.get(i)));
                    }
                    return node.toString();
                });
        Arbitrary<String> nearlyValid = Combinators.combine(Arbitraries.strings().alpha().numeric().withChars(' ', '\n')
                .ofMinLength(1).ofMaxLength(1001), Arbitraries.oneOf(
                        Arbitraries.integers().between(-5, 1500).map(m -> new String[] {"duration", "PT" + m + "M"}),
                        Arbitraries.integers().between(-100, 90000).map(s -> new String[] {"expires_at",
                                NOW.plusSeconds(s).toString()})))
                .as((reason, expiry) -> Json.MAPPER.createObjectNode().put("reason", reason).put(expiry[0], expiry[1])
                        .toString());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, objects), net.jqwik.api.Tuple.of(3, nearlyValid),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(300)));
    }
}
