package dev.stonks.inttest.tester.suites.frontend;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page needs of one JSON value, written {@code type[!][?][(constraint)]} in the manifest: {@code string!}
 * (a non-blank string), {@code timestamp?} (an RFC 3339 timestamp or null), {@code string(open|closed)},
 * {@code number(0..1)}, {@code integer(1..)}, {@code array!} (a non-empty array).
 *
 * @param spec     the text it was parsed from
 * @param nonEmpty {@code !}: a string must not be blank, an array or object must not be empty
 * @param nullable {@code ?}: JSON null is accepted
 * @param allowed  the values a string may take (empty: any)
 * @param min      lower bound of a number (inclusive), or null
 * @param max      upper bound of a number (inclusive), or null
 */
public record FieldRule(String spec, Type type, boolean nonEmpty, boolean nullable, List<String> allowed, Double min,
        Double max) {

    public enum Type {
        STRING, NUMBER, INTEGER, BOOLEAN, UUID, TIMESTAMP, DATE, OBJECT, ARRAY, ANY
    }

    private static final Pattern SPEC = Pattern.compile("([a-z]+)([!?]{0,2})(?:\\((.*)\\))?");
    private static final Pattern RANGE = Pattern.compile("(-?[0-9.]+)?\\.\\.(-?[0-9.]+)?");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int SHOW = 80;

    public FieldRule {
        allowed = List.copyOf(allowed);
    }

    /** Parses a rule; {@link IllegalArgumentException} naming what is wrong with it. */
    public static FieldRule parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        Matcher m = SPEC.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not a field type: write type[!][?][(constraint)], "
                    + "e.g. string!, timestamp?, string(open|closed), number(0..1)");
        }
        Type type;
        try {
            type = Type.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown field type '" + m.group(1) + "' in '" + spec + "': one of "
                    + java.util.Arrays.stream(Type.values()).map(t -> t.name().toLowerCase(java.util.Locale.ROOT))
                            .toList());
        }
        String flags = m.group(2);
        boolean nonEmpty = flags.contains("!");
        boolean nullable = flags.contains("?");
        if (flags.length() == 2 && flags.charAt(0) == flags.charAt(1)) {
            throw new IllegalArgumentException("'" + spec + "' repeats '" + flags.charAt(0) + "'");
        }
        String constraint = m.group(3);
        List<String> allowed = List.of();
        Double min = null;
        Double max = null;
        if (constraint != null) {
            switch (type) {
                case STRING -> {
                    allowed = List.of(constraint.split("\\|", -1)).stream().map(String::trim).toList();
                    if (allowed.stream().anyMatch(String::isEmpty)) {
                        throw new IllegalArgumentException("'" + spec + "': an empty value among the allowed ones");
                    }
                }
                case NUMBER, INTEGER -> {
                    Matcher r = RANGE.matcher(constraint.trim());
                    if (!r.matches() || (r.group(1) == null && r.group(2) == null)) {
                        throw new IllegalArgumentException("'" + spec + "': a range is lo..hi, lo.. or ..hi");
                    }
                    min = r.group(1) == null ? null : Double.valueOf(r.group(1));
                    max = r.group(2) == null ? null : Double.valueOf(r.group(2));
                    if (min != null && max != null && min > max) {
                        throw new IllegalArgumentException("'" + spec + "': empty range");
                    }
                }
                default -> throw new IllegalArgumentException("'" + spec + "': only string (allowed values) and "
                        + "number/integer (a range) take a constraint");
            }
        }
        if (nonEmpty && !(type == Type.STRING || type == Type.ARRAY || type == Type.OBJECT)) {
            throw new IllegalArgumentException("'" + spec + "': '!' (non-empty) applies to string, array, object");
        }
        return new FieldRule(s, type, nonEmpty, nullable, allowed, min, max);
    }

    /** Why {@code value} does not satisfy the rule; empty when it does. */
    public Optional<String> check(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return Optional.of("missing");
        }
        if (value.isNull()) {
            return nullable ? Optional.empty() : Optional.of("is null, expected " + spec);
        }
        String wrong = switch (type) {
            case STRING -> !value.isTextual() ? "a string"
                    : nonEmpty && value.asText().isBlank() ? "a non-blank string"
                    : !allowed.isEmpty() && !allowed.contains(value.asText()) ? "one of " + allowed : null;
            case NUMBER -> !value.isNumber() ? "a number" : outOfRange(value.asDouble());
            case INTEGER -> !value.isIntegralNumber() ? "an integer" : outOfRange(value.asDouble());
            case BOOLEAN -> value.isBoolean() ? null : "true or false";
            case UUID -> value.isTextual() && UUID_TEXT.matcher(value.asText()).matches()
                    && uuid(value.asText()) ? null : "a UUID";
            case TIMESTAMP -> value.isTextual() && timestamp(value.asText()) ? null : "an RFC 3339 timestamp";
            case DATE -> value.isTextual() && date(value.asText()) ? null : "a date (YYYY-MM-DD)";
            case OBJECT -> !value.isObject() ? "an object" : nonEmpty && value.isEmpty() ? "a non-empty object" : null;
            case ARRAY -> !value.isArray() ? "an array" : nonEmpty && value.isEmpty() ? "a non-empty array" : null;
            case ANY -> null;
        };
        return wrong == null ? Optional.empty() : Optional.of("expected " + wrong + " but was " + show(value));
    }

    private String outOfRange(double v) {
        if ((min != null && v < min) || (max != null && v > max)) {
            return "a number in " + (min == null ? "" : format(min)) + ".." + (max == null ? "" : format(max));
        }
        return null;
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static boolean uuid(String s) {
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean timestamp(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean date(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String show(JsonNode value) {
        String s = value.toString();
        return s.length() > SHOW ? s.substring(0, SHOW) + "..." : s;
    }
}
