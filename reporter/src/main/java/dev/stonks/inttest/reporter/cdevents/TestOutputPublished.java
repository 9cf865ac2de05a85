package dev.stonks.inttest.reporter.cdevents;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The subject content of {@code dev.cdevents.testoutput.published.0.2.0}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestOutputPublished(String outputType, String format, String uri) {
    public static final String TYPE = "dev.cdevents.testoutput.published.0.2.0";
    public static final String SUBJECT_TYPE = "testOutput";
}
