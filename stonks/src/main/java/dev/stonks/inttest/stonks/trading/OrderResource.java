package dev.stonks.inttest.stonks.trading;

import dev.stonks.inttest.stonks.portfolio.PositionRepository;
import dev.stonks.inttest.stonks.portfolio.PositionView;
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
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** trading: decisions, orders (paper orders go through risk first) and positions. */
@Path("/api/trading")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    static final List<String> ORDER_STATUSES = List.of("pending_approval", "approved", "filled", "rejected",
            "cancelled");

    private final TradingRepository trading;
    private final EngineConfigRepository configs;
    private final RiskClient risk;
    private final EngineStateStore engine;
    private final PositionRepository positions;

    public OrderResource(TradingRepository trading, EngineConfigRepository configs, RiskClient risk,
            EngineStateStore engine, PositionRepository positions) {
        this.trading = trading;
        this.configs = configs;
        this.risk = risk;
        this.engine = engine;
        this.positions = positions;
    }

    /** Newest first: {@code company_id}, {@code limit} 1..500 (default 50). */
    @GET
    @Path("decisions")
    public Uni<List<DecisionView>> decisions(@RestQuery("company_id") String companyId, @RestQuery String limit) {
        return trading.decisions(Params.optionalUuid("company_id", companyId),
                Params.intInRange("limit", limit, 50, 1, 500));
    }

    @GET
    @Path("decisions/{id}")
    public Uni<DecisionView> decision(@RestPath String id) {
        UUID decisionId = Params.uuid("id", id);
        return trading.decision(decisionId).map(found -> found.orElseThrow(
                () -> ApiException.notFound("trading decision " + decisionId + " does not exist")));
    }

    /** Newest first: {@code status}, {@code company_id}, {@code limit} 1..500 (default 50). */
    @GET
    @Path("orders")
    public Uni<List<OrderView>> orders(@RestQuery String status, @RestQuery("company_id") String companyId,
            @RestQuery String limit) {
        return trading.orders(Params.oneOf("status", status, ORDER_STATUSES),
                Params.optionalUuid("company_id", companyId), Params.intInRange("limit", limit, 50, 1, 500));
    }

    @GET
    @Path("orders/{id}")
    public Uni<OrderView> order(@RestPath String id) {
        UUID orderId = Params.uuid("id", id);
        return trading.order(orderId).map(found -> found.orElseThrow(
                () -> ApiException.notFound("order " + orderId + " does not exist")));
    }

    /**
     * Places a paper order: checks the body (400), the company (404), the client order id (409) and the engine's
     * max_order_quantity (400), asks risk ({@code POST /api/risk/evaluate} over HTTP; 503 when risk cannot answer,
     * nothing stored), then stores the order with risk's decision (201): filled, pending_approval or rejected.
     */
    @POST
    @Path("orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> place(OrderRequest body) {
        OrderRequest.Valid order = Bodies.present(body).validated();
        return Uni.combine().all().unis(trading.preconditions(order.companyId(), order.clientOrderId(),
                        order.recommendationId()), configs.find()).asTuple()
                .flatMap(checks -> {
                    TradingRepository.Preconditions pre = checks.getItem1();
                    if (!pre.companyExists()) {
                        throw ApiException.notFound("company " + order.companyId() + " does not exist");
                    }
                    if (!pre.recommendationExists()) {
                        throw ApiException.notFound("recommendation " + order.recommendationId() + " does not exist");
                    }
                    if (pre.duplicateClientOrderId()) {
                        throw ApiException.conflict("an order with client_order_id '" + order.clientOrderId()
                                + "' already exists");
                    }
                    checks.getItem2().ifPresent(config -> {
                        if (order.quantity() > config.maxOrderQuantity()) {
                            throw ApiException.badRequest("field 'quantity' (" + order.quantity() + ") exceeds the "
                                    + "engine's max_order_quantity " + config.maxOrderQuantity());
                        }
                    });
                    return risk.evaluate(order.companyId(), order.side(), order.quantity(), order.limitPrice());
                })
                .flatMap(evaluation -> trading.place(order, evaluation)
                        .flatMap(trading::order)
                        .map(stored -> new PlacedOrder(stored.orElseThrow(), new PlacedOrder.Risk(evaluation.id(),
                                evaluation.decision(), evaluation.reasons()))))
                .call(placed -> engine.update(Map.of("last_order_id", placed.order().id().toString(),
                        "last_order_at", placed.order().createdAt().toString())).onFailure().recoverWithNull())
                .map(placed -> Response.created(URI.create("/api/trading/orders/" + placed.order().id()))
                        .entity(placed).build());
    }

    /** Positions (or one company's), valued at the last close. */
    @GET
    @Path("positions")
    public Uni<List<PositionView>> positions(@RestQuery("company_id") String companyId) {
        Optional<UUID> company = Params.optionalUuid("company_id", companyId);
        return positions.positions(company);
    }
}
