package dev.stonks.inttest.stonks.risk;

import dev.stonks.inttest.stonks.config.StonksConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** risk: limits (first cut: from configuration; evaluations and approvals come with the risk tables). */
@Path("/api/risk")
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {

    private final StonksConfig.Risk.Limits limits;

    public RiskResource(StonksConfig config) {
        this.limits = config.risk().limits();
    }

    @GET
    @Path("limits")
    public RiskLimits limits() {
        return new RiskLimits(limits.maxPositionNotional(), limits.maxOrderNotional(), limits.maxConcentration(),
                limits.approvalThresholdNotional(), "config");
    }
}
