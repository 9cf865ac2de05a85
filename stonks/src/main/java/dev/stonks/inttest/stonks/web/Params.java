package dev.stonks.inttest.stonks.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses request parameters, turning bad input into 400 problems that name the parameter. Path parameters are
 * taken as strings and parsed here: a {@code UUID}-typed JAX-RS parameter would answer a malformed id with 404.
 */
public final class Params {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Params() {
    }

    /** A canonical 36-character UUID (UUID.fromString alone accepts forms like "1-1-1-1-1"). */
    public static UUID uuid(String name, String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw ApiException.badRequest("parameter '" + name + "' must be a UUID (8-4-4-4-12 hex digits), got '"
                    + abbreviate(value) + "'");
        }
        return UUID.fromString(value);
    }

    /** An optional UUID query parameter. */
    public static java.util.Optional<UUID> optionalUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(uuid(name, value.trim()));
    }

    /** An optional ISO date ({@code 2025-06-30}) query parameter. */
    public static java.util.Optional<java.time.LocalDate> date(String name, String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.LocalDate.parse(value.trim()));
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be a date (YYYY-MM-DD), got '"
                    + abbreviate(value) + "'");
        }
    }

    /** A required, non-blank query parameter. */
    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("query parameter '" + name + "' is required");
        }
        return value.trim();
    }

    /** An optional integer query parameter in [min, max]; {@code fallback} when absent. */
    public static int intInRange(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("query parameter '" + name + "' must be an integer from " + min + " to " + max
                + ", got '" + abbreviate(value) + "'");
    }

    /** An optional decimal query parameter in [min, max]; empty when absent. */
    public static java.util.OptionalDouble doubleInRange(String name, String value, double min, double max) {
        if (value == null || value.isBlank()) {
            return java.util.OptionalDouble.empty();
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (parsed >= min && parsed <= max) {
                return java.util.OptionalDouble.of(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("query parameter '" + name + "' must be a number from " + min + " to " + max
                + ", got '" + abbreviate(value) + "'");
    }

    /** An optional query parameter that must be one of {@code allowed}. */
    public static java.util.Optional<String> oneOf(String name, String value, java.util.List<String> allowed) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        String trimmed = value.trim();
        if (!allowed.contains(trimmed)) {
            throw ApiException.badRequest("query parameter '" + name + "' must be one of " + String.join(", ", allowed)
                    + ", got '" + abbreviate(value) + "'");
        }
        return java.util.Optional.of(trimmed);
    }

    public static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 64 ? value : value.substring(0, 61) + "...";
    }
}
