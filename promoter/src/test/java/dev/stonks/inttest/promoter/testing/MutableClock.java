package dev.stonks.inttest.promoter.testing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test moves. In the Quarkus tests it replaces the promoter's default clock (a bean of type Clock); it
 * starts on a Saturday, outside market hours.
 */
@Singleton
public class MutableClock extends Clock {
    /** Saturday 2026-11-28 10:00 America/New_York: the market is closed. */
    public static final Instant SATURDAY = Instant.parse("2026-11-28T15:00:00Z");

    private volatile Instant now;

    public MutableClock() {
        this(SATURDAY);
    }

    public MutableClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
