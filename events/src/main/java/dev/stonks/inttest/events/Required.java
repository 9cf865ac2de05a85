package dev.stonks.inttest.events;

/** Checks used by the records' compact constructors; a violation makes the event invalid. */
final class Required {
    private Required() {
    }

    static <T> T field(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return value;
    }

    static int attempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
        return attempt;
    }
}
