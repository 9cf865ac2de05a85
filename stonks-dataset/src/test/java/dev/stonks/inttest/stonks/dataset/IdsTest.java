package dev.stonks.inttest.stonks.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void v5MatchesTheRfcTestVector() {
        // RFC 9562, appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        UUID id = Ids.v5(dns, "www.example.com");

        assertEquals(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"), id);
        assertEquals(5, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void datasetIdsArePinned() {
        // Changing the namespace or a name scheme silently breaks every stored expectation; this catches it.
        assertEquals(UUID.fromString("7c141f36-2368-5315-b199-286c89bd7312"), Ids.company("AAPL"));
        assertEquals(UUID.fromString("faf16d66-1d5b-5be9-9a84-e6bc3a56e37f"), Ids.trendWindow("AAPL", 0));
        assertEquals(UUID.fromString("33de1104-0a72-5b48-9d3c-eb702903e794"), Ids.document("AAPL", 0));
        assertNotEquals(Ids.company("AAPL"), Ids.company("MSFT"));
        assertEquals(Ids.alias("AAPL", "Apple"), Ids.alias("AAPL", "APPLE"));
    }

    @Test
    void postgresOrderIsUnsignedByteOrder() {
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
        UUID mid = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");

        List<UUID> sorted = new ArrayList<>(List.of(high, low, mid));
        sorted.sort(Ids.POSTGRES_ORDER);

        assertEquals(List.of(low, mid, high), sorted);
        assertTrue(high.compareTo(low) < 0, "UUID.compareTo is signed, which is why POSTGRES_ORDER exists");
    }
}
