package dev.stonks.inttest.promoter.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The full-day closures of the New York Stock Exchange, computed from the rules of NYSE Rule 7.2 rather than listed:
 * New Year's Day, Martin Luther King Jr. Day, Washington's Birthday (Presidents Day), Good Friday, Memorial Day,
 * Juneteenth (from 2022), Independence Day, Labor Day, Thanksgiving and Christmas.
 *
 * <p>Observance: a holiday on a Sunday is observed the Monday after; one on a Saturday the Friday before - except New
 * Year's Day, which the exchange does not observe on the Friday before (that Friday is the last trading day of the
 * year, e.g. 2021-12-31 and 2027-12-31 are trading days).
 *
 * <p>Early closes (13:00) are {@link NyseEarlyCloses}; unscheduled closures (national days of mourning,
 * emergencies) are unknown.
 */
public final class NyseHolidays {
    /** Juneteenth became an exchange holiday in 2022. */
    static final int FIRST_JUNETEENTH = 2022;
    private static final Map<Integer, Map<LocalDate, String>> BY_YEAR = new ConcurrentHashMap<>();

    private NyseHolidays() {
    }

    /** Whether the exchange trades on {@code date}: a weekday that is not a holiday. */
    public static boolean isTradingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && holiday(date).isEmpty();
    }

    /** The holiday observed on {@code date}, by name ("Thanksgiving Day"), if the exchange is closed for one. */
    public static Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(of(date.getYear()).get(date));
    }

    /** The closures observed in {@code year}, by date. */
    public static Map<LocalDate, String> of(int year) {
        return BY_YEAR.computeIfAbsent(year, NyseHolidays::compute);
    }

    private static Map<LocalDate, String> compute(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            days.put(newYear.plusDays(1), "New Year's Day");
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            days.put(newYear, "New Year's Day");
        }
        days.put(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3), "Martin Luther King Jr. Day");
        days.put(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3), "Washington's Birthday");
        days.put(easterSunday(year).minusDays(2), "Good Friday");
        days.put(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                "Memorial Day");
        if (year >= FIRST_JUNETEENTH) {
            days.put(observed(LocalDate.of(year, Month.JUNE, 19)), "Juneteenth National Independence Day");
        }
        days.put(observed(LocalDate.of(year, Month.JULY, 4)), "Independence Day");
        days.put(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1), "Labor Day");
        days.put(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4), "Thanksgiving Day");
        days.put(observed(LocalDate.of(year, Month.DECEMBER, 25)), "Christmas Day");
        return Collections.unmodifiableMap(days);
    }

    /** Saturday -> the Friday before, Sunday -> the Monday after. */
    private static LocalDate observed(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
