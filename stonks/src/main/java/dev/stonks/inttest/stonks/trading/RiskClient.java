package dev.stonks.inttest.stonks.trading;

import dev.stonks.inttest.stonks.config.StonksConfig;
import dev.stonks.inttest.stonks.web.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * trading -> risk over HTTP ({@code stonks.risk.url}): the evaluation every paper order goes through, and the
 * readiness probe behind the status page.
 */
@ApplicationScoped
public class RiskClient {

    private final WebClient client;
    private final Optional<String> baseUrl;
    private final Duration timeout;
    private final Duration evaluateTimeout;

    public RiskClient(Vertx vertx, StonksConfig config) {
        this.client = WebClient.create(vertx);
        this.baseUrl = config.risk().url().map(url -> url.replaceAll("/+$", ""));
        this.timeout = config.dependencyTimeout();
        this.evaluateTimeout = config.risk().evaluateTimeout();
    }

    public Uni<RiskReachability> reachability() {
        if (baseUrl.isEmpty()) {
            return Uni.createFrom().item(new RiskReachability(null, "unconfigured", null,
                    "stonks.risk.url (STONKS_RISK_URL) is not set"));
        }
        String url = baseUrl.get();
        long started = System.nanoTime();
        return client.getAbs(url + "/q/health/ready")
                .timeout(timeout.toMillis())
                .send()
                .map(response -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    return response.statusCode() == 200
                            ? new RiskReachability(url, "up", millis, null)
                            : new RiskReachability(url, "down", millis, "readiness answered HTTP "
                                    + response.statusCode());
                })
                .onFailure().recoverWithItem(e -> new RiskReachability(url, "down",
                        (System.nanoTime() - started) / 1_000_000, String.valueOf(e.getMessage())));
    }

    /** The risk service's answer to {@code POST /api/risk/evaluate} (the fields trading needs). */
    public record Evaluation(java.util.UUID id, String decision, java.util.List<String> reasons,
            java.math.BigDecimal price) {
    }

    /**
     * Asks risk to evaluate an order. Risk's 4xx problems come back as the same status and detail; an unreachable,
     * slow or failing risk service is a 503 (the order is then not placed).
     */
    public Uni<Evaluation> evaluate(java.util.UUID companyId, String side, int quantity,
            java.math.BigDecimal limitPrice) {
        if (baseUrl.isEmpty()) {
            return Uni.createFrom().failure(ApiException.unavailable("the risk service is not configured "
                    + "(STONKS_RISK_URL): orders cannot be evaluated", null));
        }
        io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject()
                .put("company_id", companyId.toString()).put("side", side).put("quantity", quantity);
        if (limitPrice != null) {
            body.put("limit_price", limitPrice);
        }
        String url = baseUrl.get() + "/api/risk/evaluate";
        return client.postAbs(url)
                .timeout(evaluateTimeout.toMillis())
                .sendJsonObject(body)
                .onFailure().transform(e -> ApiException.unavailable("the risk service at " + baseUrl.get()
                        + " did not answer: " + e.getMessage(), e))
                .map(response -> {
                    int status = response.statusCode();
                    if (status == 201 || status == 200) {
                        io.vertx.core.json.JsonObject json = response.bodyAsJsonObject();
                        java.util.List<String> reasons = json.getJsonArray("reasons").stream()
                                .map(Object::toString).toList();
                        return new Evaluation(java.util.UUID.fromString(json.getString("id")),
                                json.getString("decision"), reasons, new java.math.BigDecimal(
                                        json.getValue("price").toString()));
                    }
                    String detail = detailOf(response);
                    if (status >= 400 && status < 500) {
                        jakarta.ws.rs.core.Response.Status code = jakarta.ws.rs.core.Response.Status
                                .fromStatusCode(status);
                        throw new ApiException(code == null ? jakarta.ws.rs.core.Response.Status.BAD_REQUEST : code,
                                "risk: " + detail);
                    }
                    throw ApiException.unavailable("the risk service answered HTTP " + status + ": " + detail, null);
                });
    }

    private static String detailOf(io.vertx.mutiny.ext.web.client.HttpResponse<io.vertx.mutiny.core.buffer.Buffer> r) {
        try {
            return r.bodyAsJsonObject().getString("detail");
        } catch (RuntimeException e) {
            return String.valueOf(r.bodyAsString());
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
