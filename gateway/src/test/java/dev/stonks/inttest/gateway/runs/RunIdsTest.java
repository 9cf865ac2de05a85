package dev.stonks.inttest.gateway.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.Names;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunIdsTest {
    private static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";

    @Test
    void aDeliveryAlwaysGivesTheSameRunId() {
        assertThat(RunIds.forDelivery(DELIVERY)).isEqualTo(RunIds.forDelivery(DELIVERY));
    }

    @Test
    void theRunIdIsTheDeliverysHashUnderTheWebhookPrefix() {
        // sha256 of the delivery id starts with 9514e6751b79. Fixed here: replicas of two versions of the gateway
        // must derive the same id during a rolling update.
        assertThat(RunIds.forDelivery(DELIVERY)).isEqualTo("stonks-inttest-gh-9514e6751b79");
    }

    @Test
    void differentDeliveriesGiveDifferentRunIds() {
        assertThat(RunIds.forDelivery(DELIVERY)).isNotEqualTo(RunIds.forDelivery(DELIVERY.replace('8', '9')));
    }

    @Test
    void theRunIdIsAValidRunIdAndNamespaceWhateverTheDeliveryId() {
        for (String delivery : new String[] {DELIVERY, "X", "a b c/../$(rm -rf)", "\u00e9t\u00e9", "x".repeat(200)}) {
            String runId = RunIds.forDelivery(delivery);
            assertThat(Names.isDnsLabel(runId)).as(runId).isTrue();
            assertThat(Names.requireNamespace(runId)).isEqualTo(runId);
            assertThat(runId).hasSize("stonks-inttest-gh-".length() + 12);
        }
    }

    @Test
    void anApiRunIdIsValidAndFresh() {
        Instant now = Instant.parse("2026-01-15T12:00:00Z");

        String a = RunIds.fresh(now);
        String b = RunIds.fresh(now);

        assertThat(a).startsWith("stonks-inttest-api-1768478400-");
        assertThat(Names.requireNamespace(a)).isEqualTo(a);
        assertThat(a).isNotEqualTo(b);
    }
}
