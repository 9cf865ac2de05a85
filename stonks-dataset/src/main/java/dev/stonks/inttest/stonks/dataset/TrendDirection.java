package dev.stonks.inttest.stonks.dataset;

/** {@code trend_windows.trend_direction}. */
public enum TrendDirection {
    BULLISH("bullish"),
    BEARISH("bearish"),
    MIXED("mixed");

    private final String value;

    TrendDirection(String value) {
        this.value = value;
    }

    /** The value in the database and in JSON. */
    public String value() {
        return value;
    }

    public static TrendDirection fromValue(String value) {
        for (TrendDirection direction : values()) {
            if (direction.value.equals(value)) {
                return direction;
            }
        }
        throw new IllegalArgumentException("unknown trend direction: " + value);
    }
}
