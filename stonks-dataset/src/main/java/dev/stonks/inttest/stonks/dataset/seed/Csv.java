package dev.stonks.inttest.stonks.dataset.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Values in PostgreSQL's CSV COPY format: null is an unquoted empty field, text is always quoted. */
final class Csv {

    private Csv() {
    }

    static void appendRow(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            append(out, values[i]);
        }
        out.append('\n');
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    out.append('"');
                }
                out.append(ch);
            }
            out.append('"');
        } else if (value instanceof Double number) {
            out.append(BigDecimal.valueOf(number).stripTrailingZeros().toPlainString());
        } else if (value instanceof UUID || value instanceof Instant || value instanceof Integer
                || value instanceof Long || value instanceof Boolean) {
            // Instant.toString() is ISO-8601 in UTC, which timestamptz accepts
            out.append(value);
        } else {
            throw new IllegalArgumentException("no CSV encoding for " + value.getClass().getName());
        }
    }
}
