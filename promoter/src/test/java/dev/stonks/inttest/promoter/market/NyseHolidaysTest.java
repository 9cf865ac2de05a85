package dev.stonks.inttest.promoter.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NyseHolidaysTest {

    @Test
    void the2026ClosuresAreNyseSPublishedList() {
        // NYSE's published 2026 holidays (Independence Day falls on a Saturday: observed Friday July 3)
        assertThat(NyseHolidays.of(2026).keySet()).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 2, 16),
                LocalDate.of(2026, 4, 3), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 6, 19),
                LocalDate.of(2026, 7, 3), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 12, 25));
    }

    @Test
    void the2027ClosuresIncludeTheObservedDays() {
        // Juneteenth on a Saturday -> Friday June 18; July 4 and Christmas on a Sunday -> Mondays July 5, Dec 27;
        // New Year's Day 2028 on a Saturday is not observed on Friday 2027-12-31
        assertThat(NyseHolidays.of(2027).keySet()).containsExactly(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 18), LocalDate.of(2027, 2, 15),
                LocalDate.of(2027, 3, 26), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 18),
                LocalDate.of(2027, 7, 5), LocalDate.of(2027, 9, 6), LocalDate.of(2027, 11, 25),
                LocalDate.of(2027, 12, 24));
    }

    @ParameterizedTest(name = "{0} closed: {1}")
    @CsvSource({
            "2026-11-26, Thanksgiving Day",
            "2026-04-03, Good Friday",
            "2027-07-05, Independence Day",
            "2026-07-03, Independence Day",
            "2022-06-20, Juneteenth National Independence Day",
            "2023-01-02, New Year's Day",
            "2022-12-26, Christmas Day",
            "2026-01-19, Martin Luther King Jr. Day",
            "2026-02-16, Washington's Birthday",
            "2026-05-25, Memorial Day",
            "2026-09-07, Labor Day",
            "2025-04-18, Good Friday",
            "2024-03-29, Good Friday"})
    void closedOn(LocalDate date, String holiday) {
        assertThat(NyseHolidays.holiday(date)).contains(holiday);
        assertThat(NyseHolidays.isTradingDay(date)).isFalse();
    }

    @ParameterizedTest(name = "{0} is a trading day")
    @CsvSource({
            // the day after Thanksgiving (an early close, still a trading day)
            "2026-11-27",
            // New Year's Day on the Saturday after: not observed on the Friday
            "2021-12-31", "2027-12-31",
            // Juneteenth before it became an exchange holiday
            "2021-06-18",
            // Easter Monday, the Thursday before Good Friday
            "2026-04-06", "2026-04-02",
            // Columbus Day and Veterans Day: bond market holidays, the stock exchange trades
            "2026-10-12", "2026-11-11"})
    void openOn(LocalDate date) {
        assertThat(NyseHolidays.isTradingDay(date)).isTrue();
    }

    @Test
    void weekendsAreNotTradingDays() {
        assertThat(NyseHolidays.isTradingDay(LocalDate.of(2026, 11, 28))).isFalse();
        assertThat(NyseHolidays.isTradingDay(LocalDate.of(2026, 11, 29))).isFalse();
        assertThat(NyseHolidays.holiday(LocalDate.of(2026, 11, 28))).isEmpty();
    }

    @ParameterizedTest(name = "Easter {0}")
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25",
            "2285, 2285-03-22"})
    void easterSunday(int year, LocalDate easter) {
        assertThat(NyseHolidays.easterSunday(year)).isEqualTo(easter);
    }
}
