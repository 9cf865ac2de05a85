package dev.stonks.inttest.stonks.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks of request-body fields: every failure is a 400 problem naming the field and what is wrong with it. Bodies
 * are records; the resource calls these on the parsed record (JSON syntax and type errors are 400s already).
 */
public final class Bodies {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Bodies() {
    }

    public static <T> T present(T body) {
        if (body == null) {
            throw ApiException.badRequest("a JSON request body is required");
        }
        return body;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw ApiException.badRequest("field '" + field + "' is required");
        }
        return value;
    }

    /** A required string, trimmed, 1..max characters. */
    public static String text(String field, String value, int max) {
        required(field, value);
        String trimmed = value.trim();
        if (trimmed.isEmpty() || trimmed.length() > max) {
            throw ApiException.badRequest("field '" + field + "' must be 1 to " + max + " characters, got "
                    + trimmed.length());
        }
        return trimmed;
    }

    public static String matching(String field, String value, Pattern pattern, String rule) {
        required(field, value);
        if (!pattern.matcher(value).matches()) {
            throw ApiException.badRequest("field '" + field + "' must be " + rule + ", got '"
                    + Params.abbreviate(value) + "'");
        }
        return value;
    }

    public static String oneOf(String field, String value, List<String> allowed) {
        required(field, value);
        if (!allowed.contains(value)) {
            throw ApiException.badRequest("field '" + field + "' must be one of " + String.join(", ", allowed)
                    + ", got '" + Params.abbreviate(value) + "'");
        }
        return value;
    }

    public static long between(String field, Long value, long min, long max) {
        required(field, value);
        if (value < min || value > max) {
            throw ApiException.badRequest("field '" + field + "' must be from " + min + " to " + max + ", got "
                    + value);
        }
        return value;
    }

    /** A decimal in (0, max] with at most {@code scale} decimals. */
    public static BigDecimal positive(String field, BigDecimal value, BigDecimal max, int scale) {
        required(field, value);
        if (value.signum() <= 0 || value.compareTo(max) > 0) {
            throw ApiException.badRequest("field '" + field + "' must be above 0 and at most "
                    + max.toPlainString() + ", got " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw ApiException.badRequest("field '" + field + "' must have at most " + scale + " decimals, got "
                    + value.toPlainString());
        }
        return value;
    }

    public static java.util.UUID uuid(String field, String value) {
        required(field, value);
        if (!UUID_TEXT.matcher(value).matches()) {
            throw ApiException.badRequest("field '" + field + "' must be a UUID (8-4-4-4-12 hex digits), got '"
                    + Params.abbreviate(value) + "'");
        }
        return java.util.UUID.fromString(value);
    }
}
