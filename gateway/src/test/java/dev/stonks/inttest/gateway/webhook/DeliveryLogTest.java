package dev.stonks.inttest.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLogTest {

    @Test
    void remembersWhatADeliveryRequested() {
        DeliveryLog log = new DeliveryLog(10);

        log.record("d1", "stonks-inttest-gh-1", "abc");

        assertThat(log.find("d1")).contains(new DeliveryLog.Recorded("stonks-inttest-gh-1", "abc"));
        assertThat(log.find("d2")).isEmpty();
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        // Given
        DeliveryLog log = new DeliveryLog(2);

        // When
        log.record("d1", "r1", "t");
        log.record("d2", "r2", "t");
        log.record("d3", "r3", "t");

        // Then
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.find("d1")).isEmpty();
        assertThat(log.find("d2")).isPresent();
        assertThat(log.find("d3")).isPresent();
    }

    @Test
    void aSecondRecordOfADeliveryKeepsTheFirst() {
        DeliveryLog log = new DeliveryLog(2);

        log.record("d1", "r1", "t1");
        log.record("d1", "r2", "t2");

        assertThat(log.find("d1")).contains(new DeliveryLog.Recorded("r1", "t1"));
    }
}
