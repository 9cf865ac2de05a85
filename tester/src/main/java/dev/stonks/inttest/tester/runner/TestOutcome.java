package dev.stonks.inttest.tester.runner;

/**
 * How one test ended.
 *
 * @param test          the stable name of the stage output: {@code CompaniesApiSuite.companyDetail[AAPL]}
 * @param suite         fully qualified name of the class the test belongs to (the JUnit XML file it is reported in)
 * @param name          the test within its class: {@code companyDetail[AAPL]}
 * @param kind          passed, failed (a wrong answer), error (could not run) or skipped
 * @param message       why it did not pass (null when it passed)
 * @param exceptionType fully qualified class of what was thrown (null when nothing was)
 * @param stackTrace    the stack trace of what was thrown (null when nothing was)
 * @param seconds       how long it ran
 */
public record TestOutcome(String test, String suite, String name, Kind kind, String message, String exceptionType,
        String stackTrace, double seconds) {

    public enum Kind {
        PASSED, FAILED, ERROR, SKIPPED
    }
}
