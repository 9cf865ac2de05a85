package dev.stonks.inttest.promoter.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NyseEarlyClosesTest {

    /** NYSE's published early closes (nyse.com/markets/hours-calendars) for 2026 and 2027. */
    @Test
    void theEarlyClosesOf2026And2027AreTheExchangesPublishedOnes() {
        List<LocalDate> early = Stream.iterate(LocalDate.of(2026, 1, 1), d -> d.isBefore(LocalDate.of(2028, 1, 1)),
                d -> d.plusDays(1)).filter(d -> NyseEarlyCloses.on(d).isPresent()).toList();

        assertThat(early).containsExactly(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 24),
                LocalDate.of(2027, 11, 26));
        assertThat(NyseEarlyCloses.on(LocalDate.of(2026, 11, 27))).contains(LocalTime.of(13, 0));
        // earlier years: July 3 on a weekday before Independence Day, Christmas Eve on a Wednesday
        assertThat(NyseEarlyCloses.on(LocalDate.of(2025, 7, 3))).isPresent();
        assertThat(NyseEarlyCloses.on(LocalDate.of(2025, 12, 24))).isPresent();
        assertThat(NyseEarlyCloses.on(LocalDate.of(2025, 11, 28))).isPresent();
        assertThat(NyseEarlyCloses.on(LocalDate.of(2028, 7, 3))).isPresent();
    }

    @Test
    void theSessionOfAnEarlyCloseEndsAt13NewYorkTime() {
        MarketHours nyse = MarketHours.nyse();

        // 2026-11-27 is EST: 13:00 = 18:00 UTC
        assertThat(nyse.isOpen(Instant.parse("2026-11-27T17:59:59Z"))).isTrue();
        assertThat(nyse.isOpen(Instant.parse("2026-11-27T18:00:00Z"))).isFalse();
        assertThat(nyse.closesAfter(Instant.parse("2026-11-27T15:00:00Z"))).isEqualTo(Instant.parse(
                "2026-11-27T18:00:00Z"));
        assertThat(nyse.isOpen(Instant.parse("2026-12-24T18:30:00Z"))).isFalse();
        // an ordinary day runs to 16:00
        assertThat(nyse.isOpen(Instant.parse("2026-11-30T20:59:59Z"))).isTrue();
    }
}
