package dev.stonks.inttest.tester.suites.write;

import static dev.stonks.inttest.tester.suites.Fields.array;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.tester.sandbox.ServiceClient;
import java.util.Comparator;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * What the write suites need to know of the portfolio to size an order into a given risk outcome: read from
 * {@code GET /api/risk/exposure} and {@code GET /api/risk/limits} at the start of a test.
 */
record RiskDesk(String companyId, String ticker, int held, double close, double notional, double totalValue,
        double maxOrder, double maxPosition, double maxConcentration, double approvalThreshold) {

    /** The company with the smallest position: the most room to buy. */
    static RiskDesk roomiest(ServiceClient risk) {
        JsonNode exposure = risk.get("/api/risk/exposure").json(200);
        JsonNode limits = risk.get("/api/risk/limits").json(200);
        List<JsonNode> companies = array(exposure, "companies");
        JsonNode c = companies.stream().min(Comparator.comparingDouble(e -> number(e, "notional")))
                .orElseThrow(() -> new AssertionFailedError("exposure lists no company: " + exposure));
        return new RiskDesk(text(c, "company_id"), text(c, "ticker"), (int) integer(c, "quantity"),
                number(c, "last_close"), number(c, "notional"), number(exposure, "total_value"),
                number(limits, "max_order_notional"), number(limits, "max_position_notional"),
                number(limits, "max_concentration"), number(limits, "approval_threshold_notional"));
    }

    /** Shares at the last close worth just over the approval threshold, still inside every limit. */
    int needsApprovalQuantity() {
        int qty = (int) Math.floor((approvalThreshold + (maxOrder - approvalThreshold) / 2) / close);
        double after = close * (held + qty);
        if (qty * close <= approvalThreshold || after > maxPosition || after / totalValue > maxConcentration) {
            throw new AssertionFailedError("the sandbox's portfolio leaves no room for an order that needs approval "
                    + "in " + this);
        }
        return qty;
    }

    /** Shares at the last close worth more than the order notional limit. */
    int overNotionalQuantity() {
        return (int) Math.ceil((maxOrder * 1.5) / close);
    }
}
