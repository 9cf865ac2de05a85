package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.tester.suites.StonksSuite;
import org.junit.jupiter.api.Test;

/** risk: {@code GET /api/risk/limits}. */
public class RiskApiSuite extends StonksSuite {

    @Test
    void theLimitsAreTheSandboxDefaults() {
        JsonNode limits = risk().get("/api/risk/limits").json(200);

        // the limits the dataset's trading history was simulated with, and the risk service's defaults
        assertThat(number(limits, "max_position_notional")).as("max_position_notional").isEqualTo(250_000.0);
        assertThat(number(limits, "max_order_notional")).as("max_order_notional").isEqualTo(100_000.0);
        assertThat(number(limits, "max_concentration")).as("max_concentration").isCloseTo(0.25, within(1e-9));
        assertThat(number(limits, "approval_threshold_notional")).as("approval_threshold_notional")
                .isEqualTo(50_000.0);
    }
}
