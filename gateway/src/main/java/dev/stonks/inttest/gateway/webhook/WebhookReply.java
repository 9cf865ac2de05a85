package dev.stonks.inttest.gateway.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of a webhook answer; only the members that apply are written. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookReply(String runId, String imageTag, Boolean duplicate, String ignored, Boolean pong) {

    static WebhookReply of(WebhookOutcome outcome) {
        if (outcome instanceof WebhookOutcome.Requested r) {
            return new WebhookReply(r.runId(), r.imageTag(), null, null, null);
        }
        if (outcome instanceof WebhookOutcome.Duplicate d) {
            return new WebhookReply(d.runId(), d.imageTag(), true, null, null);
        }
        if (outcome instanceof WebhookOutcome.Ignored i) {
            return new WebhookReply(null, null, null, i.reason(), null);
        }
        return new WebhookReply(null, null, null, null, true);
    }
}
