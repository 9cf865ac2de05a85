package dev.stonks.inttest.support.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the doors of a service that has them ({@link RequiresRole}) check callers: {@code auth.tokens-file}
 * ({@code AUTH_TOKENS_FILE}), read at start-up; without it the service does not start, unless {@code auth.open=true}
 * ({@code AUTH_OPEN}) explicitly opens the API to anyone who reaches it.
 */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** Lines {@code <name> sha256:<hex> <role>,<role>}; see {@link TokensFile}. */
    Optional<Path> tokensFile();

    /** No credential needed, every caller is {@code anonymous} with every role. For a laptop, never a cluster. */
    @WithDefault("false")
    boolean open();
}
