package dev.stonks.inttest.tester.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An endpoint's path template such as {@code /api/companies/{id}}: the key its latency samples are recorded under,
 * and the path it expands to once its placeholders are filled in (each value percent-encoded as one segment).
 */
public final class PathTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");

    private PathTemplate() {
    }

    /** Fills the placeholders of {@code template} in order with {@code values}. */
    public static String expand(String template, Object... values) {
        validate(template);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            if (i >= values.length) {
                throw new IllegalArgumentException("template " + template + " has more placeholders than the "
                        + values.length + " value(s) given");
            }
            Object value = values[i++];
            if (value == null) {
                throw new IllegalArgumentException("null value for {" + m.group(1) + "} of " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(encodeSegment(value.toString())));
        }
        m.appendTail(out);
        if (i != values.length) {
            throw new IllegalArgumentException("template " + template + " has " + i + " placeholder(s) but "
                    + values.length + " value(s) were given");
        }
        return out.toString();
    }

    /**
     * The key latency samples of a call are recorded under: the template for GET, {@code METHOD template} for every
     * other method (the profiler and the results file use exactly these keys).
     */
    public static String endpointKey(String method, String template) {
        return "GET".equals(method) ? template : method + " " + template;
    }

    static void validate(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("a path template starts with '/': " + template);
        }
        if (template.contains("?") || template.contains("#")) {
            throw new IllegalArgumentException("a path template has no query or fragment (use query(...)): "
                    + template);
        }
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String encodeSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
