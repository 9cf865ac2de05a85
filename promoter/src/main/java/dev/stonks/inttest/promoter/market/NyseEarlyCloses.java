package dev.stonks.inttest.promoter.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The NYSE's scheduled early closes (13:00 America/New_York): the day after Thanksgiving; Christmas Eve and July 3 when
 * they are trading days (a weekday that is not itself the observed holiday, as July 3 is when July 4 is a Saturday and
 * Christmas Eve when Christmas is). Source: NYSE Group's press release "NYSE Group Announces 2026, 2027 and 2028
 * Holiday and Early Closings Calendar" (Business Wire, 2025-12-23; the calendar of nyse.com/markets/hours-calendars):
 * 1:00 p.m. closes on Friday, November 27 and Thursday, December 24, 2026 (no July early close: July 3, 2026 is the
 * observed Independence Day), on Friday, November 26, 2027 only (July 3, 2027 is a Saturday; December 24, 2027 is the
 * observed Christmas), and on Monday, July 3, 2028. The rule reproduces those lists; NyseEarlyClosesTest pins them.
 */
public final class NyseEarlyCloses {
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

    private NyseEarlyCloses() {
    }

    /** The early close of {@code date}, if the exchange closes early that day. */
    public static Optional<LocalTime> on(LocalDate date) {
        if (!NyseHolidays.isTradingDay(date)) {
            return Optional.empty();
        }
        LocalDate thanksgiving = LocalDate.of(date.getYear(), Month.NOVEMBER, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        boolean early = date.equals(thanksgiving.plusDays(1))
                || date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24
                || date.getMonth() == Month.JULY && date.getDayOfMonth() == 3;
        return early ? Optional.of(EARLY_CLOSE) : Optional.empty();
    }
}
