package dev.stonks.inttest.reporter.history;

import dev.stonks.inttest.events.Names;

/**
 * The filters and page of {@code GET /api/runs}: each filter optional, {@code page} from 0, {@code size} 1..200.
 * {@link #parse} turns the raw query parameters into one, or throws {@link IllegalArgumentException} saying what is
 * wrong (the resource answers 400 with it).
 */
public record RunQuery(String status, String imageTag, String branch, int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public RunQuery {
        if (status != null && !RunStatus.ALL.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + String.join("|", RunStatus.ALL)
                    + ", was '" + status + "'");
        }
        if (imageTag != null) {
            Names.requireImageTag(imageTag);
        }
        if (branch != null && (branch.isBlank() || branch.length() > 255 || branch.chars().anyMatch(c -> c < 0x20))) {
            throw new IllegalArgumentException("branch must be 1..255 printable characters");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be in 1.." + MAX_SIZE + ", was " + size);
        }
    }

    /** From query parameters as given (null when absent; an empty value counts as absent). */
    public static RunQuery parse(String status, String imageTag, String branch, String page, String size) {
        return new RunQuery(blankToNull(status), blankToNull(imageTag), blankToNull(branch),
                number("page", page, 0), number("size", size, DEFAULT_SIZE));
    }

    private static int number(String name, String value, int absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
