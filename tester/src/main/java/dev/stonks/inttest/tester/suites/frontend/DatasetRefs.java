package dev.stonks.inttest.tester.suites.frontend;

import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.SourceKind;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a manifest's references to dataset rows into the values an endpoint takes: {@code company:AAPL} is
 * {@code Ids.company("AAPL")}, {@code trend:NVDA/0} is {@code Ids.trendWindow("NVDA", 0)}, and so on (see
 * {@code frontend-pages.yaml}). A value without a {@code kind:} prefix is taken as it is.
 */
public final class DatasetRefs {
    /** The kinds of reference, as written before the colon. */
    public static final List<String> KINDS = List.of("company", "ticker", "trend", "document", "source",
            "recommendation", "event", "agent", "decision", "id", "literal");

    private static final Pattern PREFIXED = Pattern.compile("[a-z_]+:.*", Pattern.DOTALL);

    private DatasetRefs() {
    }

    /** The value of {@code ref}; {@link IllegalArgumentException} for an unknown kind or a row that cannot exist. */
    public static String resolve(String ref) {
        if (ref == null) {
            throw new IllegalArgumentException("a null reference");
        }
        if (!PREFIXED.matcher(ref).matches()) {
            return ref;
        }
        int colon = ref.indexOf(':');
        String kind = ref.substring(0, colon);
        String key = ref.substring(colon + 1);
        String[] parts = key.split("/", -1);
        try {
            return switch (kind) {
                case "company" -> Ids.company(ticker(key)).toString();
                case "ticker" -> ticker(key);
                case "trend" -> Ids.trendWindow(ticker(part(parts, 0, 2, ref)), index(parts[1], ref)).toString();
                case "document" -> Ids.document(ticker(part(parts, 0, 2, ref)), index(parts[1], ref)).toString();
                case "source" -> Ids.source(ticker(part(parts, 0, 2, ref)), SourceKind.fromValue(parts[1]))
                        .toString();
                // rows of the trading/agents/events part of the dataset, by their id names (Ids.recommendation,
                // Ids.globalEvent, Ids.agent, Ids.tradingDecision name them the same way)
                case "recommendation" -> Ids.nameBased("recommendation/" + ticker(part(parts, 0, 2, ref)) + "/"
                        + index(parts[1], ref)).toString();
                case "event" -> Ids.nameBased("global-event/" + index(part(parts, 0, 1, ref), ref)).toString();
                case "agent" -> Ids.nameBased("agent/" + nonBlank(key, ref)).toString();
                case "decision" -> Ids.nameBased("trading-decision/" + ticker(part(parts, 0, 3, ref)) + "/"
                        + index(parts[1], ref) + "/" + index(parts[2], ref)).toString();
                case "id" -> Ids.nameBased(nonBlank(key, ref)).toString();
                case "literal" -> key;
                default -> throw new IllegalArgumentException("unknown reference kind '" + kind + "' in '" + ref
                        + "': one of " + KINDS + " (write literal:" + ref + " for the text itself)");
            };
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().contains(ref)) {
                throw e;
            }
            throw new IllegalArgumentException("reference '" + ref + "': " + e.getMessage(), e);
        }
    }

    private static String ticker(String ticker) {
        if (!StonksDataset.TICKERS.contains(ticker)) {
            throw new IllegalArgumentException("'" + ticker + "' is not a dataset ticker " + StonksDataset.TICKERS);
        }
        return ticker;
    }

    private static String part(String[] parts, int i, int expected, String ref) {
        if (parts.length != expected) {
            throw new IllegalArgumentException("reference '" + ref + "' needs " + expected + " part(s) separated by "
                    + "'/', has " + Arrays.asList(parts));
        }
        return parts[i];
    }

    private static int index(String s, String ref) {
        try {
            int i = Integer.parseInt(s);
            if (i >= 0) {
                return i;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("reference '" + ref + "': '" + s + "' is not an index (0, 1, ...)");
    }

    private static String nonBlank(String s, String ref) {
        if (s.isBlank()) {
            throw new IllegalArgumentException("reference '" + ref + "' names nothing");
        }
        return s;
    }
}
