package dev.stonks.inttest.resultspage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** Readings of a results file's profiling section shared by every view of it (this page, the CLI's summary). */
public final class ProfilingFigures {
    private ProfilingFigures() {
    }

    /**
     * Warm when the profiler measured it after warm-up calls; results written before the distinction carry no
     * {@code warm}, and there the profiler's own measurement ({@code source: profile}) was the warm one.
     */
    public static boolean warm(JsonNode endpoint) {
        JsonNode warm = endpoint.path("warm");
        return warm.isBoolean() ? warm.asBoolean() : "profile".equals(endpoint.path("source").asText());
    }

    /** The path of {@code POST /api/x} or {@code /api/x}, so that the methods of one path sort together. */
    public static String path(String endpointKey) {
        int space = endpointKey.indexOf(' ');
        return space < 0 ? endpointKey : endpointKey.substring(space + 1);
    }

    /** A regression as {@code +35% (8.1 <arrow> 11 ms)}, the figures written by {@code number}. */
    public static String change(JsonNode regression, String arrow, DoubleFunction<String> number) {
        double actual = regression.path("actual").asDouble();
        double baseline = regression.path("baseline").asDouble();
        double ratio = regression.path("ratio").isNumber() ? regression.get("ratio").asDouble()
                : baseline > 0 ? actual / baseline : Double.NaN;
        String percent = Double.isFinite(ratio) ? String.format(Locale.ROOT, "%+d%% ", Math.round((ratio - 1) * 100))
                : "";
        return percent + "(" + number.apply(baseline) + " " + arrow + " " + number.apply(actual) + " "
                + regression.path("unit").asText("ms") + ")";
    }
}
