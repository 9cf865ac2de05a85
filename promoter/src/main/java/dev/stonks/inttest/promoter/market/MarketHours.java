package dev.stonks.inttest.promoter.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The trading session during which a market-gated stage (live) is not promoted: from {@code opens} (inclusive) to
 * {@code closes} (exclusive), local time of {@code zone}, on NYSE trading days ({@link NyseHolidays}). With the
 * defaults, 09:30:00 is inside, 16:00:00 outside. Times are converted through the zone's rules, so the session
 * follows daylight-saving time (13:30-20:00 UTC in summer, 14:30-21:00 UTC in winter). On the exchange's early-close
 * days the session ends at 13:00.
 */
public final class MarketHours {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;

    public MarketHours(ZoneId zone, LocalTime opens, LocalTime closes) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.opens = Objects.requireNonNull(opens, "opens");
        this.closes = Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("the market must open (" + opens + ") before it closes (" + closes
                    + ")");
        }
    }

    /** NYSE's regular session: 9:30-16:00 America/New_York. */
    public static MarketHours nyse() {
        return new MarketHours(ZoneId.of("America/New_York"), LocalTime.of(9, 30), LocalTime.of(16, 0));
    }

    /** Whether the market is in session at {@code instant}. */
    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return NyseHolidays.isTradingDay(local.toLocalDate()) && !time.isBefore(opens)
                && time.isBefore(closesOn(local.toLocalDate()));
    }

    /**
     * When the session of {@code date} ends: {@code closes}, or 13:00 on the NYSE's early-close days
     * ({@link NyseEarlyCloses}) when that is earlier.
     */
    public LocalTime closesOn(LocalDate date) {
        return NyseEarlyCloses.on(date).filter(early -> early.isBefore(closes)).orElse(closes);
    }

    /** When the session that is open at {@code instant} ends; {@code instant} itself when the market is closed. */
    public Instant closesAfter(Instant instant) {
        if (!isOpen(instant)) {
            return instant;
        }
        LocalDate today = instant.atZone(zone).toLocalDate();
        return ZonedDateTime.of(today, closesOn(today), zone).toInstant();
    }

    /** "9:30-16:00 America/New_York on NYSE trading days", for reasons a person reads. */
    public String describe() {
        return HH_MM.format(opens) + "-" + HH_MM.format(closes) + " " + zone.getId()
                + " on NYSE trading days (13:00 on early-close days)";
    }

    /** {@code instant} as local time of the market, e.g. "2026-11-24 16:00 America/New_York". */
    public String local(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(zone)) + " " + zone.getId();
    }

    public ZoneId zone() {
        return zone;
    }
}
