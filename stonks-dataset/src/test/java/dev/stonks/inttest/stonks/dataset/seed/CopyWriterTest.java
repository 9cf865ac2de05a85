package dev.stonks.inttest.stonks.dataset.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyWriterTest {

    @Test
    void writesPostgresCopyTextFormat() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyWriter w = CopyWriter.to(out);

        w.uuid(UUID.fromString("7c141f36-2368-5315-b199-286c89bd7312")).text("a\tb\\c\nd é").nul().integer(-42)
                .decimal(0.785, 3).decimal(-0.0425, 4).decimal(12.5, 2).bool(true).date(LocalDate.of(2025, 6, 30))
                .timestamp(Instant.parse("2025-01-03T13:30:00Z")).timestamp(Instant.parse("1931-05-04T00:00:01.5Z"))
                .textArray(List.of("notional", "kill_switch")).textArray(List.of()).endRow();
        w.decimal((Double) null, 2).endRow();
        w.flush();

        assertEquals("7c141f36-2368-5315-b199-286c89bd7312\ta\\tb\\\\c\\nd é\t\\N\t-42\t0.785\t-0.0425\t12.50\tt\t"
                + "2025-06-30\t2025-01-03 13:30:00+00\t1931-05-04 00:00:01.500000+00\t{notional,kill_switch}\t{}\n"
                + "\\N\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(2, w.rows());
    }

    @Test
    void flushesLargeOutputInChunks() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] writes = new int[1];
        CopyWriter w = new CopyWriter((bytes, length) -> {
            writes[0]++;
            out.write(bytes, 0, length);
        });
        for (int i = 0; i < 20_000; i++) {
            w.integer(i).text("row").endRow();
        }
        w.flush();
        assertEquals(20_000, out.toString(StandardCharsets.UTF_8).lines().count());
        assertEquals(true, writes[0] > 1);
    }
}
