package dev.stonks.inttest.support.auth;

import java.util.List;

/** A tokens file that cannot be used, with every problem found (each naming its line). */
public class InvalidTokensFileException extends RuntimeException {
    private final List<String> problems;

    public InvalidTokensFileException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
