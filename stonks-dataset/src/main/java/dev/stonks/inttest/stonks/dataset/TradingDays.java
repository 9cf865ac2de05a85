package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dataset's trading calendar: every weekday is a trading day (no holidays), counted backwards from
 * {@link #LAST} (Monday 30 June 2025, the day of {@link StonksDataset#AS_OF}): day 0 is the last, day 1 the Friday
 * before, and so on. Days 0 to 249 are the base year; a scale factor {@code s} adds {@code 250 * (s - 1)} older days.
 */
public final class TradingDays {

    /** The last trading day of the dataset. */
    public static final LocalDate LAST = LocalDate.of(2025, 6, 30);
    /** Trading days per scale unit (the base year). */
    public static final int PER_UNIT = 250;

    private static final long LAST_EPOCH_DAY = LAST.toEpochDay();

    private TradingDays() {
    }

    /** Trading day {@code t} (0 = {@link #LAST}, counting backwards). */
    public static LocalDate day(int t) {
        return LocalDate.ofEpochDay(epochDay(t));
    }

    /** The epoch day of trading day {@code t}. */
    public static long epochDay(int t) {
        if (t < 0) {
            throw new IllegalArgumentException("trading day index must be >= 0: " + t);
        }
        int weeks = t / 5;
        int rest = t % 5;
        // LAST is a Monday: one weekday back from it is the Friday three days earlier
        return LAST_EPOCH_DAY - 7L * weeks - (rest == 0 ? 0 : rest + 2);
    }

    /** An instant on trading day {@code t}, UTC. */
    public static Instant at(int t, int hour, int minute) {
        return Instant.ofEpochSecond(epochDay(t) * 86_400L + hour * 3_600L + minute * 60L);
    }

    /** The index of a trading day (a weekday not after {@link #LAST}); -1 for weekends and later days. */
    public static int index(LocalDate date) {
        long days = LAST_EPOCH_DAY - date.toEpochDay();
        if (days < 0 || date.getDayOfWeek().getValue() > 5) {
            return -1;
        }
        long weeks = days / 7;
        long rest = days % 7;
        return (int) (weeks * 5 + (rest == 0 ? 0 : rest - 2));
    }

    /** The US market close (16:00 New York, 20:00 or 21:00 UTC; here always 21:00 UTC) of day {@code t}. */
    public static Instant close(int t) {
        return at(t, 21, 0);
    }

    static LocalDate utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
