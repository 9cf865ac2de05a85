package dev.stonks.inttest.promoter.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MarketHoursTest {
    private final MarketHours nyse = MarketHours.nyse();

    @ParameterizedTest(name = "{0} ({2}): open={1}")
    @CsvSource({
            // Tuesday 2026-11-24, EST (UTC-5): 9:30 = 14:30Z, 16:00 = 21:00Z
            "2026-11-24T14:29:59Z, false, 9:29:59",
            "2026-11-24T14:30:00Z, true, 9:30",
            "2026-11-24T20:59:59Z, true, 15:59:59",
            "2026-11-24T21:00:00Z, false, 16:00",
            "2026-11-24T14:29:00Z, false, 9:29",
            "2026-11-24T20:59:00Z, true, 15:59",
            // Thanksgiving closed all day; the day after is open
            "2026-11-26T16:00:00Z, false, Thanksgiving 11:00",
            "2026-11-27T16:00:00Z, true, Black Friday 11:00",
            // Good Friday 2026, EDT (UTC-4)
            "2026-04-03T15:00:00Z, false, Good Friday 11:00",
            // observed Independence Day 2027 (Monday July 5)
            "2027-07-05T15:00:00Z, false, July 5 2027 11:00",
            // Saturday
            "2026-11-28T16:00:00Z, false, Saturday 11:00"})
    void inSession(Instant instant, boolean open, String what) {
        assertThat(nyse.isOpen(instant)).as(what).isEqualTo(open);
    }

    @ParameterizedTest(name = "{0}: open={1}")
    @CsvSource({
            // DST starts Sunday 2026-03-08. Friday before (EST): 9:30 = 14:30Z
            "2026-03-06T14:29:00Z, false",
            "2026-03-06T14:30:00Z, true",
            "2026-03-06T20:59:00Z, true",
            "2026-03-06T21:00:00Z, false",
            // Monday after (EDT): 9:30 = 13:30Z, 16:00 = 20:00Z - an hour earlier in UTC
            "2026-03-09T13:29:00Z, false",
            "2026-03-09T13:30:00Z, true",
            "2026-03-09T14:29:00Z, true",
            "2026-03-09T19:59:00Z, true",
            "2026-03-09T20:00:00Z, false",
            "2026-03-09T20:30:00Z, false",
            // DST ends Sunday 2026-11-01. Friday before (EDT): 16:00 = 20:00Z; Monday after (EST): 16:00 = 21:00Z
            "2026-10-30T20:00:00Z, false",
            "2026-10-30T13:30:00Z, true",
            "2026-11-02T13:30:00Z, false",
            "2026-11-02T14:30:00Z, true",
            "2026-11-02T20:30:00Z, true",
            "2026-11-02T21:00:00Z, false"})
    void followsDaylightSavingTime(Instant instant, boolean open) {
        assertThat(nyse.isOpen(instant)).isEqualTo(open);
    }

    @Test
    void theWindowOpensAtTheCloseOfTheSessionInProgress() {
        // in session: the close of that day, in either offset
        assertThat(nyse.closesAfter(Instant.parse("2026-11-24T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-24T21:00:00Z"));
        assertThat(nyse.closesAfter(Instant.parse("2026-03-09T14:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-09T20:00:00Z"));
        // outside the session: now
        Instant evening = Instant.parse("2026-11-24T22:00:00Z");
        assertThat(nyse.closesAfter(evening)).isEqualTo(evening);
        assertThat(nyse.local(Instant.parse("2026-11-24T21:00:00Z"))).isEqualTo("2026-11-24 16:00 America/New_York");
    }

    @Test
    void otherHoursAndZonesCanBeConfiguredButMustBeAnInterval() {
        MarketHours lunch = new MarketHours(ZoneId.of("Europe/London"), LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(lunch.isOpen(Instant.parse("2026-11-24T12:30:00Z"))).isTrue();
        assertThat(lunch.isOpen(Instant.parse("2026-11-24T13:00:00Z"))).isFalse();
        assertThat(lunch.describe()).isEqualTo("12:00-13:00 Europe/London on NYSE trading days (13:00 on early-close days)");
        assertThatThrownBy(() -> new MarketHours(ZoneId.of("UTC"), LocalTime.of(16, 0), LocalTime.of(9, 30)))
                .hasMessageContaining("must open");
    }
}
