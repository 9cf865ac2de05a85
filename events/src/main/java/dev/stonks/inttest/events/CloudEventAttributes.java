package dev.stonks.inttest.events;

import java.time.Instant;
import java.util.Map;

/** The CloudEvents context attributes of a received event. {@code replayOf} is the id of the event re-run. */
public record CloudEventAttributes(String id, String source, String type, String subject, Instant time,
        String replayOf) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String H_SPECVERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_SOURCE = "ce_source";
    public static final String H_TYPE = "ce_type";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_TIME = "ce_time";
    public static final String H_REPLAYOF = "ce_replayof";
    public static final String H_CONTENT_TYPE = "content-type";

    static CloudEventAttributes fromHeaders(Map<String, String> headers) {
        String specVersion = headers.get(H_SPECVERSION);
        if (specVersion == null) {
            throw missing(H_SPECVERSION);
        }
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException(InvalidEventException.Reason.UNSUPPORTED_VERSION,
                    "CloudEvents specversion '" + specVersion + "' is not " + SPEC_VERSION);
        }
        String id = require(headers, H_ID);
        String source = require(headers, H_SOURCE);
        String type = require(headers, H_TYPE);
        String contentType = headers.get(H_CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CONTENT_TYPE)) {
            throw new InvalidEventException(InvalidEventException.Reason.INVALID_DATA,
                    "content-type '" + contentType + "' is not " + CONTENT_TYPE);
        }
        Instant time = null;
        if (headers.get(H_TIME) != null) {
            try {
                time = Instant.parse(headers.get(H_TIME));
            } catch (RuntimeException e) {
                throw new InvalidEventException(InvalidEventException.Reason.INVALID_DATA,
                        "ce_time '" + headers.get(H_TIME) + "' is not an RFC 3339 timestamp");
            }
        }
        return new CloudEventAttributes(id, source, type, headers.get(H_SUBJECT), time, headers.get(H_REPLAYOF));
    }

    private static String require(Map<String, String> headers, String name) {
        String v = headers.get(name);
        if (v == null || v.isBlank()) {
            throw missing(name);
        }
        return v;
    }

    private static InvalidEventException missing(String header) {
        return new InvalidEventException(InvalidEventException.Reason.MISSING_ATTRIBUTE, "no " + header + " header");
    }
}
