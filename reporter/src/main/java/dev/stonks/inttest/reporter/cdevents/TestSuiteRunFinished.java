package dev.stonks.inttest.reporter.cdevents;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The subject content of {@code dev.cdevents.testsuiterun.finished.0.2.0}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestSuiteRunFinished(Environment environment, TestSuite testSuite, String outcome, String reason) {
    public static final String TYPE = "dev.cdevents.testsuiterun.finished.0.2.0";
    public static final String SUBJECT_TYPE = "testSuiteRun";
    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String ERROR = "error";
    public static final String CANCEL = "cancel";

    public record Environment(String id) {
    }

    public record TestSuite(String id) {
    }
}
