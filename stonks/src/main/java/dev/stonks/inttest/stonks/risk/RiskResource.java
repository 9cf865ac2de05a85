package dev.stonks.inttest.stonks.risk;

import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Bodies;
import dev.stonks.inttest.stonks.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** risk: limits, exposure, order evaluation and the risk desk's approvals. */
@Path("/api/risk")
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {

    private final RiskRepository risk;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public RiskResource(RiskRepository risk, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.risk = risk;
        this.json = json;
    }

    @GET
    @Path("limits")
    public Uni<RiskLimits> limits() {
        return risk.limits();
    }

    /** Exposure of every company, or of {@code company_id} only (404 when it does not exist). */
    @GET
    @Path("exposure")
    public Uni<Exposure> exposure(@RestQuery("company_id") String companyId) {
        Optional<UUID> company = Params.optionalUuid("company_id", companyId);
        Uni<Boolean> exists = company.isEmpty() ? Uni.createFrom().item(true) : risk.companyExists(company.get());
        return exists.flatMap(found -> {
            if (!found) {
                throw ApiException.notFound("company " + company.get() + " does not exist");
            }
            return risk.limits().flatMap(limits -> risk.exposure(company, limits));
        });
    }

    /**
     * Evaluates an order against the limits ({@link RiskRules}) and records the evaluation (201, {@code Location});
     * needs_approval opens a pending approval. 404 when the company does not exist; 400 without a price (no
     * {@code limit_price} and no price bars).
     */
    @POST
    @Path("evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> evaluate(EvaluationRequest body) {
        EvaluationRequest.Valid order = Bodies.present(body).validated();
        return Uni.combine().all().unis(risk.limits(), risk.context(order.companyId())).asTuple()
                .flatMap(both -> {
                    RiskLimits limits = both.getItem1();
                    RiskRepository.OrderContext context = both.getItem2().orElseThrow(() -> ApiException.notFound(
                            "company " + order.companyId() + " does not exist"));
                    BigDecimal price = order.limitPrice() != null ? order.limitPrice() : context.lastClose();
                    if (price == null) {
                        throw ApiException.badRequest("field 'limit_price' is required: company "
                                + order.companyId() + " has no price bars");
                    }
                    BigDecimal close = context.lastClose() != null ? context.lastClose() : price;
                    RiskRules.Outcome outcome = RiskRules.evaluate(new RiskRules.Order(context.killSwitch(),
                            order.side(), order.quantity(), price, context.held(), close, context.totalValue()),
                            limits);
                    return risk.insert(order.companyId(), order.side(), order.quantity(), price, outcome);
                })
                .flatMap(id -> risk.evaluation(id))
                .map(created -> {
                    EvaluationView view = created.orElseThrow();
                    return Response.created(URI.create("/api/risk/evaluations/" + view.id())).entity(view).build();
                });
    }

    @GET
    @Path("evaluations/{id}")
    public Uni<EvaluationView> evaluation(@RestPath String id) {
        UUID evaluationId = Params.uuid("id", id);
        return risk.evaluation(evaluationId).map(found -> found.orElseThrow(
                () -> ApiException.notFound("risk evaluation " + evaluationId + " does not exist")));
    }

    /** Newest first: {@code status} pending|approved|rejected, {@code limit} 1..500 (default 100). */
    @GET
    @Path("approvals")
    public Uni<List<ApprovalView>> approvals(@RestQuery String status, @RestQuery String limit) {
        return risk.approvals(Params.oneOf("status", status, List.of("pending", "approved", "rejected")),
                Params.intInRange("limit", limit, 100, 1, 500));
    }

    /**
     * Approves a pending approval (its order becomes approved); 404 unknown, 409 when already decided. The body is
     * optional: {@code {"decided_by": "...", "note": "..."}}.
     */
    @POST
    @Path("approvals/{id}/approve")
    @Consumes(MediaType.WILDCARD)
    public Uni<ApprovalView> approve(@RestPath String id, String body) throws java.io.IOException {
        return decide(id, true, body);
    }

    /** Rejects a pending approval (its order becomes rejected); 404 unknown, 409 when already decided. */
    @POST
    @Path("approvals/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    public Uni<ApprovalView> reject(@RestPath String id, String body) throws java.io.IOException {
        return decide(id, false, body);
    }

    private Uni<ApprovalView> decide(String id, boolean approve, String body) throws java.io.IOException {
        UUID approvalId = Params.uuid("id", id);
        ApprovalDecision parsed = body == null || body.isBlank() ? null : json.readValue(body, ApprovalDecision.class);
        ApprovalDecision decision = (parsed == null ? new ApprovalDecision(null, null) : parsed).validated();
        return risk.approval(approvalId)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("approval " + approvalId
                        + " does not exist")))
                .flatMap(current -> risk.decide(approvalId, approve, decision))
                .flatMap(decided -> risk.approval(approvalId).map(after -> {
                    ApprovalView view = after.orElseThrow();
                    if (!decided) {
                        throw ApiException.conflict("approval " + approvalId + " is already " + view.status());
                    }
                    return view;
                }));
    }
}
