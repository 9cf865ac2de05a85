package dev.stonks.inttest.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile Authorization headers against a tokens file: nothing but the exact token authenticates, and nothing throws
 * (a throw would be a 500 at the door).
 */
class AuthorizationHeaderPropertiesTest {
    private static final String TOKEN = TokenHash.newToken();
    private static final Authenticator AUTH = Authenticator.withTokens(TokensFile.parse(
            TokensFile.line("ci", TOKEN, List.of(Roles.RUNS_WRITE)), "test"));

    @Property(tries = 500)
    void noHeaderButTheTokenAuthenticates(@ForAll("headers") String header) {
        Authentication result = AUTH.authenticate(header);

        boolean exact = header != null && header.strip().matches("(?i:bearer) +" + java.util.regex.Pattern.quote(
                TOKEN)); // the scheme is case-insensitive, the token is not
        assertThat(result instanceof Authentication.Authenticated).as(header).isEqualTo(exact);
        if (result instanceof Authentication.Refused refused) {
            assertThat(refused.detail()).doesNotContain(TOKEN);
        }
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(600);
        Arbitrary<String> bearerAnything = Arbitraries.strings().all().ofMaxLength(600).map(s -> "Bearer " + s);
        Arbitrary<String> nearMisses = Arbitraries.integers().between(0, TOKEN.length() - 1).flatMap(i ->
                Arbitraries.chars().alpha().numeric().filter(c -> c != TOKEN.charAt(i))
                        .map(c -> "Bearer " + TOKEN.substring(0, i) + c + TOKEN.substring(i + 1)));
        Arbitrary<String> truncatedOrExtended = Arbitraries.oneOf(
                Arbitraries.integers().between(0, TOKEN.length() - 1).map(n -> "Bearer " + TOKEN.substring(0, n)),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5).map(s -> "Bearer " + TOKEN + s));
        Arbitrary<String> schemes = Arbitraries.of("Basic ", "Token ", "Bearer", "Bearer:", "", "Bearer\t",
                "BEARER ", "bearer  ", " Bearer ").map(s -> s + TOKEN);
        Arbitrary<String> hashAsToken = Arbitraries.just("Bearer " + TokenHash.of(TOKEN));
        return Arbitraries.oneOf(anything, bearerAnything, nearMisses, truncatedOrExtended, schemes, hashAsToken,
                Arbitraries.just(null));
    }
}
