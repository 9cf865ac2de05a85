package dev.stonks.inttest.promoter.testing;

import dev.stonks.inttest.support.auth.Roles;
import dev.stonks.inttest.support.auth.TokensFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The promoter tests' tokens file: alice may open, close and approve break-glasses, bob may only approve, carol may
 * only write runs (no promoter role at all).
 */
public final class TestTokens {
    public static final String ALICE = "alice-token-0123456789";
    public static final String BOB = "bob-token-0123456789";
    public static final String CAROL = "carol-token-0123456789";

    private TestTokens() {
    }

    public static String file() {
        try {
            Path file = Files.createTempFile("promoter-tokens", ".txt");
            Files.writeString(file, String.join("\n",
                    TokensFile.line("alice", ALICE, List.of(Roles.BREAK_GLASS, Roles.APPROVE)),
                    TokensFile.line("bob", BOB, List.of(Roles.APPROVE)),
                    TokensFile.line("carol", CAROL, List.of(Roles.RUNS_WRITE))) + "\n");
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
