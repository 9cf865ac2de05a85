package dev.stonks.inttest.gateway.http;

/**
 * A request the gateway turns down, with the reason (which fixes the HTTP status and the problem type) and, for an
 * invalid field, the field's name as the client wrote it ({@code image_tag}, {@code scale}, ...).
 */
public class GatewayException extends RuntimeException {

    public enum Reason {
        INVALID_REQUEST(400, "invalid-request", "Invalid request"),
        INVALID_SIGNATURE(401, "invalid-signature", "Invalid webhook signature"),
        WEBHOOK_NOT_CONFIGURED(503, "webhook-not-configured", "Webhook not configured"),
        EVENT_NOT_PUBLISHED(503, "event-not-published", "Event not published");

        private final int status;
        private final String slug;
        private final String title;

        Reason(int status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }

        public int status() {
            return status;
        }

        /** The problem type: {@code urn:inttest:problem:<slug>}. */
        public String type() {
            return "urn:inttest:problem:" + slug;
        }

        public String title() {
            return title;
        }
    }

    private final Reason reason;
    private final String field;

    public GatewayException(Reason reason, String detail) {
        this(reason, detail, null, null);
    }

    public GatewayException(Reason reason, String detail, String field, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
        this.field = field;
    }

    /** An invalid request naming the {@code field} at fault. */
    public static GatewayException invalidField(String field, String detail) {
        return new GatewayException(Reason.INVALID_REQUEST, detail, field, null);
    }

    public static GatewayException invalid(String detail) {
        return new GatewayException(Reason.INVALID_REQUEST, detail);
    }

    public Reason reason() {
        return reason;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }
}
