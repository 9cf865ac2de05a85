package dev.stonks.inttest.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    record Config(Optional<Path> tokensFile, boolean open) implements AuthConfig {
    }

    @Test
    void withoutATokensFileTheServiceDoesNotStartUnlessExplicitlyOpen(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Credentials.load(new Config(Optional.empty(), false)))
                .hasMessageContaining("AUTH_TOKENS_FILE").hasMessageContaining("auth.open=true");

        Authenticator open = Credentials.load(new Config(Optional.empty(), true));
        assertThat(open.isOpen()).isTrue();
        assertThat(open.authenticate(null)).isInstanceOfSatisfying(Authentication.Authenticated.class,
                a -> assertThat(a.principal().name()).isEqualTo(CallerPrincipal.ANONYMOUS));

        Path empty = Files.writeString(dir.resolve("empty"), "# nobody\n");
        assertThatThrownBy(() -> Credentials.load(new Config(Optional.of(empty), false)))
                .hasMessageContaining("holds no token");
        Path one = Files.writeString(dir.resolve("one"), TokensFile.line("ci", "t0ken", java.util.List.of(
                Roles.RUNS_WRITE)));
        assertThatThrownBy(() -> Credentials.load(new Config(Optional.of(one), true)))
                .hasMessageContaining("choose one");
        assertThat(Credentials.load(new Config(Optional.of(one), false)).tokenCount()).isEqualTo(1);
    }
}
