package dev.stonks.inttest.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensFileTest {
    private static final String TOKEN = "itt_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void readsNamesHashesAndRolesSkippingCommentsAndBlankLines() {
        String text = """
                # who  hash  roles
                ci %s runs:write

                alice %s promotions:break-glass,promotions:approve
                """.formatted(TokenHash.of(TOKEN), TokenHash.of("another"));

        List<TokensFile.Entry> entries = TokensFile.parse(text, "tokens");

        assertThat(entries).extracting(e -> e.principal().name()).containsExactly("ci", "alice");
        assertThat(entries.get(1).principal().roles()).containsExactlyInAnyOrder(Roles.BREAK_GLASS, Roles.APPROVE);
        assertThat(Authenticator.withTokens(entries).authenticate("Bearer " + TOKEN))
                .isEqualTo(new Authentication.Authenticated(entries.get(0).principal()));
    }

    @Test
    void everyProblemIsReportedWithItsLineAndNoTokenIsEchoed() {
        String text = """
                ci %s runs:write
                ci %s runs:write
                bob %s
                eve plain-token-pasted-by-mistake runs:write
                mallory %s Runs_Write
                """.formatted(TokenHash.of("a"), TokenHash.of("b"), TokenHash.of("c"), TokenHash.of("a"));

        assertThatThrownBy(() -> TokensFile.parse(text, "tokens"))
                .isInstanceOfSatisfying(InvalidTokensFileException.class, e -> {
                    assertThat(e.problems()).hasSize(5);
                    assertThat(e.problems().get(0)).startsWith("line 2:").contains("given twice");
                    assertThat(e.problems().get(1)).startsWith("line 3:").contains("found 2 fields");
                    assertThat(e.problems().get(2)).startsWith("line 4:").contains("sha256:<64 hex digits>");
                    assertThat(e.getMessage()).doesNotContain("plain-token-pasted-by-mistake");
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("line 5:")
                            .contains("same token hash"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("'Runs_Write' is not a role"));
                });
    }

    @Test
    void aNewTokenIsLongRandomAndItsLineRoundTrips() {
        String a = TokenHash.newToken();
        String b = TokenHash.newToken();

        assertThat(a).startsWith("itt_").hasSize(47).isNotEqualTo(b);
        TokensFile.Entry entry = TokensFile.parse(TokensFile.line("admin", a, Roles.ALL), "t").get(0);
        assertThat(entry.principal().roles()).containsExactlyInAnyOrderElementsOf(Roles.ALL);
        assertThat(Authenticator.withTokens(List.of(entry)).authenticate("bearer " + a))
                .isInstanceOf(Authentication.Authenticated.class);
        assertThat(Authenticator.withTokens(List.of(entry)).authenticate("Bearer " + b))
                .isInstanceOf(Authentication.Refused.class);
    }
}
