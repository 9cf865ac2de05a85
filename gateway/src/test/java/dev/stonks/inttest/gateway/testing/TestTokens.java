package dev.stonks.inttest.gateway.testing;

import dev.stonks.inttest.support.auth.Roles;
import dev.stonks.inttest.support.auth.TokensFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The tokens file of the gateway's tests: {@code ci} may write runs, {@code viewer} may not. */
public final class TestTokens {
    public static final String CI = "ci-token-0123456789";
    public static final String VIEWER = "viewer-token-0123456789";

    private TestTokens() {
    }

    /** Writes the file and returns its path, for {@code auth.tokens-file}. */
    public static String file() {
        try {
            Path file = Files.createTempFile("gateway-tokens", ".txt");
            Files.writeString(file, "# test tokens\n" + TokensFile.line("ci", CI, List.of(Roles.RUNS_WRITE)) + "\n"
                    + TokensFile.line("viewer", VIEWER, List.of(Roles.APPROVE)) + "\n");
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
