package dev.stonks.inttest.stonks.dataset.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesTextAndLeavesNullEmpty() {
        StringBuilder out = new StringBuilder();

        Csv.appendRow(out, UUID.fromString("00000000-0000-0000-0000-000000000001"), "say \"hi\", then\nleave", null,
                Instant.parse("2025-01-03T13:30:00Z"), 8.0E-4, 42, true, "");

        assertEquals("00000000-0000-0000-0000-000000000001,\"say \"\"hi\"\", then\nleave\",,"
                + "2025-01-03T13:30:00Z,0.0008,42,true,\"\"\n", out.toString());
    }

    @Test
    void refusesTypesItCannotEncode() {
        assertThrows(IllegalArgumentException.class, () -> Csv.appendRow(new StringBuilder(), new Object()));
    }
}
