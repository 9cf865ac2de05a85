package dev.stonks.inttest.gateway.webhook;

import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.gateway.config.GatewayConfig;
import dev.stonks.inttest.gateway.http.GatewayException;
import dev.stonks.inttest.gateway.http.GatewayException.Reason;
import dev.stonks.inttest.gateway.runs.RunEvents;
import dev.stonks.inttest.gateway.runs.RunIds;
import dev.stonks.inttest.gateway.runs.RunRequests;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Handles a GitHub webhook delivery: authenticates it (HMAC over the raw body), then turns a push to a configured
 * branch into {@code run.requested}, once per delivery id.
 *
 * <p>Order: no secret configured -> 503; bad or missing signature -> 401 (before anything about the request is
 * looked at); missing event or delivery header -> 400; {@code ping} -> pong; other events -> ignored; the push
 * payload -> 400 when malformed; pushes that request nothing -> ignored; a delivery already turned into a run ->
 * duplicate; otherwise the event is published and, once Kafka acknowledged it, the delivery is recorded. When Kafka
 * does not acknowledge, nothing is recorded and the caller answers 503, so a redelivery tries again.
 */
@ApplicationScoped
public class GitHubWebhooks {
    static final String PING = "ping";
    static final String PUSH = "push";
    private static final Logger LOG = Logger.getLogger(GitHubWebhooks.class);

    private final GatewayConfig config;
    private final PushFilter filter;
    private final DeliveryLog deliveries;
    private final RunRequests requests;
    private final RunEvents events;

    public GitHubWebhooks(GatewayConfig config, PushFilter filter, DeliveryLog deliveries, RunRequests requests,
            RunEvents events) {
        this.config = config;
        this.filter = filter;
        this.deliveries = deliveries;
        this.requests = requests;
        this.events = events;
    }

    public WebhookOutcome handle(WebhookDelivery delivery) {
        String secret = config.effectiveWebhookSecret().orElseThrow(() -> new GatewayException(
                Reason.WEBHOOK_NOT_CONFIGURED, "the gateway has no webhook secret (gateway.webhook-secret, env "
                        + "GATEWAY_WEBHOOK_SECRET); it accepts no unsigned deliveries"));
        authenticate(delivery, secret);
        String event = requireHeader(delivery.event(), WebhookDelivery.EVENT_HEADER);
        String deliveryId = requireHeader(delivery.deliveryId(), WebhookDelivery.DELIVERY_HEADER);
        if (deliveryId.length() > WebhookDelivery.MAX_DELIVERY_ID) {
            throw GatewayException.invalidField(WebhookDelivery.DELIVERY_HEADER, WebhookDelivery.DELIVERY_HEADER
                    + " is longer than " + WebhookDelivery.MAX_DELIVERY_ID + " characters");
        }
        if (PING.equals(event)) {
            LOG.infof("webhook ping (delivery %s)", deliveryId);
            return new WebhookOutcome.Pong();
        }
        if (!PUSH.equals(event)) {
            return ignored(deliveryId, "event " + event + " is not handled; only push requests runs");
        }
        GitHubPushEvent push = GitHubPushEvent.from(delivery.payload());
        Optional<String> ignore = filter.ignoreReason(push);
        if (ignore.isPresent()) {
            return ignored(deliveryId, ignore.get());
        }
        Optional<DeliveryLog.Recorded> seen = deliveries.find(deliveryId);
        if (seen.isPresent()) {
            LOG.infof("run %s: delivery %s received again; not emitted again", seen.get().runId(), deliveryId);
            return new WebhookOutcome.Duplicate(seen.get().runId(), seen.get().imageTag());
        }
        RunRequested request = requests.forPush(RunIds.forDelivery(deliveryId), push.after(), push.pushedBy(),
                push.gitRef(), Instant.now());
        events.publish(request);
        deliveries.record(deliveryId, request.runId(), request.imageTag());
        LOG.infof("run %s: requested by the push of %s to %s of %s by %s (delivery %s)", request.runId(),
                push.after(), push.ref(), push.repository(), push.pushedBy(), deliveryId);
        return new WebhookOutcome.Requested(request.runId(), request.imageTag());
    }

    private static void authenticate(WebhookDelivery delivery, String secret) {
        if (delivery.signature() == null || delivery.signature().isBlank()) {
            throw new GatewayException(Reason.INVALID_SIGNATURE, WebhookSignature.HEADER + " is missing; set the "
                    + "webhook's secret in GitHub to the gateway's");
        }
        if (!new WebhookSignature(secret).matches(delivery.body(), delivery.signature())) {
            LOG.warnf("webhook delivery %s rejected: %s does not match the body", loggable(delivery.deliveryId()),
                    WebhookSignature.HEADER);
            throw new GatewayException(Reason.INVALID_SIGNATURE, WebhookSignature.HEADER
                    + " does not match the body signed with the gateway's secret");
        }
    }

    /** An unauthenticated header value as it may appear in a log line: short, no control characters. */
    private static String loggable(String value) {
        if (value == null) {
            return "(none)";
        }
        String clean = value.replaceAll("[^A-Za-z0-9._-]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }

    private static String requireHeader(String value, String header) {
        if (value == null || value.isBlank()) {
            throw GatewayException.invalidField(header, header + " is missing");
        }
        return value.strip();
    }

    private static WebhookOutcome ignored(String deliveryId, String reason) {
        LOG.infof("webhook delivery %s ignored: %s", deliveryId, reason);
        return new WebhookOutcome.Ignored(reason);
    }
}
