package dev.stonks.inttest.events.output;

/**
 * A test that did not pass. {@code kind} is {@code failure} (a wrong answer) or {@code error} (the test could not
 * run, e.g. connection refused).
 */
public record TestFailure(String test, String kind, String message) {
    public static final String FAILURE = "failure";
    public static final String ERROR = "error";
}
