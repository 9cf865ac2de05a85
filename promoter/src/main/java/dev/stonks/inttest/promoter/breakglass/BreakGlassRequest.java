package dev.stonks.inttest.promoter.breakglass;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.stonks.inttest.events.Json;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code POST /api/break-glass}: {@code {"reason", "expires_at"}} or {@code {"reason",
 * "duration"}}. Checks everything at once and reports every problem: a reason (at most 1000 characters, no control
 * characters but newlines), exactly one of expires_at (RFC 3339) or duration (ISO-8601 such as {@code PT2H}, or
 * {@code 90m}, {@code 2h}), the expiry in the future and at most {@code maxDuration} away, no unknown field. Who opens
 * it is the caller's credential: a field naming someone ({@code who}, {@code opened_by}, ...) is refused.
 */
public final class BreakGlassRequest {
    static final int MAX_REASON = 1000;
    private static final Set<String> FIELDS = Set.of("reason", "expires_at", "duration");
    private static final Set<String> PERSON_FIELDS = Set.of("who", "opened_by", "by", "approved_by", "requested_by",
            "principal", "user");

    /** A valid request: why, and until when. */
    public record Parsed(String reason, Instant expiresAt) {
    }
    /** One JSON value and nothing after it, no key twice (found by PromoterHostileInputIT: "{...} x" was taken). */
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,5})\\s*([mh])");

    private BreakGlassRequest() {
    }

    public static Parsed parse(String body, Instant now, Duration maxDuration) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : STRICT.readTree(body);
        } catch (IOException e) {
            throw new InvalidBreakGlassException(List.of("the body is not JSON"));
        }
        if (json == null || !json.isObject()) {
            throw new InvalidBreakGlassException(List.of("the body must be a JSON object with reason and "
                    + "expires_at or duration"));
        }
        List<String> problems = new ArrayList<>();
        json.fieldNames().forEachRemaining(f -> {
            if (PERSON_FIELDS.contains(f)) {
                problems.add("field '" + f + "' is not accepted: who opens a break-glass is the principal of the "
                        + "bearer token");
            } else if (!FIELDS.contains(f)) {
                problems.add("unknown field '" + f + "' (expected reason, expires_at or duration)");
            }
        });
        String reason = text(json, "reason", MAX_REASON, problems);
        Instant expiresAt = expiry(json, now, problems);
        if (expiresAt != null) {
            if (!expiresAt.isAfter(now)) {
                problems.add("the expiry " + expiresAt + " is not in the future (now " + now + ")");
            } else if (expiresAt.isAfter(now.plus(maxDuration))) {
                problems.add("the expiry " + expiresAt + " is more than " + human(maxDuration) + " away; a "
                        + "break-glass lasts at most " + human(maxDuration));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidBreakGlassException(problems);
        }
        return new Parsed(reason, expiresAt);
    }

    private static String text(JsonNode json, String field, int max, List<String> problems) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            problems.add(field + " is required");
            return null;
        }
        if (!node.isTextual()) {
            problems.add(field + " must be a string");
            return null;
        }
        String value = node.asText().strip();
        if (value.length() > max) {
            problems.add(field + " is longer than " + max + " characters");
            return null;
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            problems.add(field + " must not contain control characters");
            return null;
        }
        return value;
    }

    private static Instant expiry(JsonNode json, Instant now, List<String> problems) {
        JsonNode expires = json.get("expires_at");
        JsonNode duration = json.get("duration");
        boolean hasExpires = expires != null && !expires.isNull();
        boolean hasDuration = duration != null && !duration.isNull();
        if (hasExpires && hasDuration) {
            problems.add("give either expires_at or duration, not both");
            return null;
        }
        if (!hasExpires && !hasDuration) {
            problems.add("expires_at (an RFC 3339 timestamp) or duration (e.g. PT2H, 90m) is required");
            return null;
        }
        if (hasExpires && !expires.isTextual() || hasDuration && !duration.isTextual()) {
            problems.add((hasExpires ? "expires_at" : "duration") + " must be a string");
            return null;
        }
        if (hasExpires) {
            try {
                return Instant.parse(expires.asText());
            } catch (DateTimeParseException e) {
                problems.add("expires_at '" + expires.asText() + "' is not an RFC 3339 timestamp such as "
                        + "2026-11-24T18:00:00Z");
                return null;
            }
        }
        Duration d = duration(duration.asText());
        if (d == null) {
            problems.add("duration '" + duration.asText() + "' is not a duration such as PT2H, 90m or 2h");
            return null;
        }
        if (d.isNegative() || d.isZero()) {
            problems.add("duration '" + duration.asText() + "' must be positive");
            return null;
        }
        try {
            return now.plus(d);
        } catch (DateTimeException | ArithmeticException e) {
            problems.add("duration '" + duration.asText() + "' is out of range");
            return null;
        }
    }

    private static Duration duration(String text) {
        String t = text.strip();
        Matcher m = SHORT_DURATION.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return m.group(2).equals("h") ? Duration.ofHours(n) : Duration.ofMinutes(n);
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    static String human(Duration d) {
        if (d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toHours() + " h";
        }
        return d.toMinutes() + " min";
    }
}
