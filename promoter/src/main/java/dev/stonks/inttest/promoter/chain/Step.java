package dev.stonks.inttest.promoter.chain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a chain stands at its current stage. */
public enum Step {
    /** Look up the build's Freight (first try). */
    FIND_FREIGHT,
    /** No Freight yet (decided {@code waiting}); looked up again until {@code promoter.freight-wait} has passed. */
    AWAIT_FREIGHT,
    /** About to promote the current stage: switches and the market gate are checked now. */
    READY,
    /** The stage is market-gated and the market is open (decided {@code waiting}); promoted when it closes. */
    AWAIT_WINDOW,
    /** The Promotion is created; waiting for Succeeded. */
    PROMOTING,
    /** The Promotion succeeded; waiting for the Freight to be verified in the stage before the next one. */
    AWAIT_VERIFICATION,
    /** Every stage promoted. */
    DONE,
    /** Ended early: not a pass, a switched-off stage, a failure, or superseded. */
    STOPPED;

    public boolean isFinished() {
        return this == DONE || this == STOPPED;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Step of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
