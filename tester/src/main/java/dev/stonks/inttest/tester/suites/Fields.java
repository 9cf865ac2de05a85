package dev.stonks.inttest.tester.suites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Typed reads of JSON fields that fail as a wrong answer (an {@link AssertionFailedError} naming the field and
 * showing the object) when the field is missing or of the wrong type, instead of reading a default.
 */
public final class Fields {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SNIPPET = 300;

    private Fields() {
    }

    public static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            throw fail("expected a JSON object with field '" + name + "' but got " + show(object));
        }
        if (!object.has(name)) {
            throw fail("missing field '" + name + "' in " + show(object));
        }
        return object.get(name);
    }

    public static String text(JsonNode object, String name) {
        JsonNode v = field(object, name);
        if (!v.isTextual()) {
            throw fail("field '" + name + "' should be a string but is " + show(v) + " in " + show(object));
        }
        return v.asText();
    }

    public static double number(JsonNode object, String name) {
        JsonNode v = field(object, name);
        if (!v.isNumber()) {
            throw fail("field '" + name + "' should be a number but is " + show(v) + " in " + show(object));
        }
        return v.asDouble();
    }

    public static long integer(JsonNode object, String name) {
        JsonNode v = field(object, name);
        if (!v.isIntegralNumber()) {
            throw fail("field '" + name + "' should be an integer but is " + show(v) + " in " + show(object));
        }
        return v.asLong();
    }

    public static boolean bool(JsonNode object, String name) {
        JsonNode v = field(object, name);
        if (!v.isBoolean()) {
            throw fail("field '" + name + "' should be true or false but is " + show(v) + " in " + show(object));
        }
        return v.asBoolean();
    }

    public static JsonNode object(JsonNode object, String name) {
        JsonNode v = field(object, name);
        if (!v.isObject()) {
            throw fail("field '" + name + "' should be an object but is " + show(v));
        }
        return v;
    }

    /** An RFC 3339 timestamp (any offset) as an instant. */
    public static Instant instant(JsonNode object, String name) {
        String s = text(object, name);
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw fail("field '" + name + "' should be an RFC 3339 timestamp but is '" + s + "'");
        }
    }

    /** The elements of an array field. */
    public static List<JsonNode> array(JsonNode object, String name) {
        JsonNode v = field(object, name);
        if (!v.isArray()) {
            throw fail("field '" + name + "' should be an array but is " + show(v));
        }
        return elements(v);
    }

    /** The elements of a JSON array (e.g. a whole response body). */
    public static List<JsonNode> elements(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw fail("expected a JSON array but got " + show(array));
        }
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** An array field of strings. */
    public static List<String> strings(JsonNode object, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array(object, name)) {
            if (!v.isTextual()) {
                throw fail("field '" + name + "' should hold strings but has " + show(v) + " in " + show(object));
            }
            out.add(v.asText());
        }
        return out;
    }

    /** A string field of every element. */
    public static List<String> texts(List<JsonNode> elements, String name) {
        return elements.stream().map(e -> text(e, name)).toList();
    }

    static String show(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        try {
            String s = MAPPER.writeValueAsString(node);
            return s.length() > SNIPPET ? s.substring(0, SNIPPET) + "..." : s;
        } catch (Exception e) {
            return String.valueOf(node);
        }
    }

    private static AssertionFailedError fail(String message) {
        return new AssertionFailedError(message);
    }
}
