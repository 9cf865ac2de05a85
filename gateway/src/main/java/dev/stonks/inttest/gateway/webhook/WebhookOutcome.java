package dev.stonks.inttest.gateway.webhook;

/** What the gateway made of an authentic webhook delivery. */
public sealed interface WebhookOutcome {

    /** A {@code ping} (sent when the webhook is created): nothing to do. */
    record Pong() implements WebhookOutcome {
    }

    /** The push requested a run; {@code run.requested} was acknowledged by Kafka. */
    record Requested(String runId, String imageTag) implements WebhookOutcome {
    }

    /** A redelivery of a delivery that already requested {@code runId}; nothing emitted. */
    record Duplicate(String runId, String imageTag) implements WebhookOutcome {
    }

    /** Authentic but no run to request (another branch, a tag, a deletion, another event type). */
    record Ignored(String reason) implements WebhookOutcome {
    }
}
