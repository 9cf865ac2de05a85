package dev.stonks.inttest.gateway.webhook;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /webhooks/github}: 200 for a ping, 202 for everything else that is authentic (a run requested, a
 * duplicate, or ignored with the reason), 400/401/503 as problem bodies (see {@link GitHubWebhooks}).
 */
@Path("/webhooks/github")
public class GitHubWebhookResource {
    private final GitHubWebhooks webhooks;

    public GitHubWebhookResource(GitHubWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** Blocking: it waits for Kafka's acknowledgement of the event before answering. */
    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(WebhookDelivery.EVENT_HEADER) String event,
            @HeaderParam(WebhookDelivery.DELIVERY_HEADER) String deliveryId,
            @HeaderParam(WebhookSignature.HEADER) String signature,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        WebhookOutcome outcome = webhooks.handle(new WebhookDelivery(event, deliveryId, signature, contentType, body));
        Response.Status status = outcome instanceof WebhookOutcome.Pong ? Response.Status.OK : Response.Status.ACCEPTED;
        return Response.status(status).entity(WebhookReply.of(outcome)).type(MediaType.APPLICATION_JSON).build();
    }
}
