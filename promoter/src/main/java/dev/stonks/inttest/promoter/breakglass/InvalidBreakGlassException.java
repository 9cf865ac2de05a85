package dev.stonks.inttest.promoter.breakglass;

import java.util.List;

/** A break-glass request that cannot be accepted, with every problem found in it. */
public class InvalidBreakGlassException extends RuntimeException {
    private final List<String> problems;

    public InvalidBreakGlassException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
