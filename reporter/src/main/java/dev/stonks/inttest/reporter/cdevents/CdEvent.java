package dev.stonks.inttest.reporter.cdevents;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CDEvent (spec v0.4.1) as it is rendered into the CloudEvent's data: context, subject and custom data, field names
 * as the spec writes them (camelCase, unlike the pipeline's own snake_case events).
 *
 * @param customData the inttest view of the event (a JSON object), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CdEvent(Context context, Subject subject, Object customData, String customDataContentType) {
    public static final String SPEC_VERSION = "0.4.1";

    /** The CDEvents context; {@code timestamp} is RFC 3339 (and is the CloudEvent's {@code time}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Context(String version, String id, String source, String type, String timestamp) {
    }

    /** {@code content} is the subject type's own record ({@link TestSuiteRunFinished}, {@link TestOutputPublished}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String id, String type, Object content) {
    }
}
