package dev.stonks.inttest.reporter.api;

/** The {@code limit} query parameter of the trends and promotions: 1..500. */
final class Limits {
    static final int MAX = 500;

    private Limits() {
    }

    static int parse(String value, int absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number, was '" + value + "'");
        }
        if (limit < 1 || limit > MAX) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX + ", was " + limit);
        }
        return limit;
    }
}
