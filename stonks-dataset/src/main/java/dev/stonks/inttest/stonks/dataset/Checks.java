package dev.stonks.inttest.stonks.dataset;

import java.util.Objects;

/** Argument checks shared by the records' compact constructors (the database has the same CHECKs). */
final class Checks {

    private Checks() {
    }

    static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " is required");
    }

    static String nonBlank(String value, String name) {
        required(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static double between(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + value);
        }
        return value;
    }

    static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ": " + value);
        }
        return value;
    }

    static String oneOf(String value, String name, String... allowed) {
        required(value, name);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed) + ": " + value);
    }
}
