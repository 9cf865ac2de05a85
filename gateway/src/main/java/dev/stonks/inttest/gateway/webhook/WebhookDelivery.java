package dev.stonks.inttest.gateway.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.gateway.http.GatewayException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One webhook request as GitHub sent it: the headers that matter and the raw body (the signature covers its exact
 * bytes, so it is kept as received).
 *
 * @param event       {@code X-GitHub-Event}: {@code push}, {@code ping}, ...
 * @param deliveryId  {@code X-GitHub-Delivery}: a GUID, the same on every redelivery of the event
 * @param signature   {@code X-Hub-Signature-256}
 * @param contentType {@code Content-Type}: {@code application/json}, or {@code application/x-www-form-urlencoded}
 *                    (the JSON in a {@code payload} parameter) when the webhook is set up that way
 */
public record WebhookDelivery(String event, String deliveryId, String signature, String contentType, byte[] body) {
    public static final String EVENT_HEADER = "X-GitHub-Event";
    public static final String DELIVERY_HEADER = "X-GitHub-Delivery";
    static final int MAX_DELIVERY_ID = 200;
    private static final String FORM = "application/x-www-form-urlencoded";

    public WebhookDelivery {
        body = body == null ? new byte[0] : body;
    }

    /** The payload as JSON; a body that is not JSON is a 400. */
    public JsonNode payload() {
        byte[] json = body;
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            json = formPayload(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw GatewayException.invalid("the webhook payload is not a JSON object");
            }
            return tree;
        } catch (IOException e) {
            throw GatewayException.invalid("the webhook payload is not valid JSON");
        }
    }

    private static String formPayload(String form) {
        for (String pair : form.split("&")) {
            if (pair.startsWith("payload=")) {
                return URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8);
            }
        }
        throw GatewayException.invalid("the form-encoded webhook body has no payload parameter");
    }
}
