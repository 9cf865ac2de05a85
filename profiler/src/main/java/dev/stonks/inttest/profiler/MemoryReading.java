package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.output.MemoryUsage;
import java.util.List;
import java.util.Map;

/**
 * Memory per service under test, and what could not be read.
 *
 * @param services per service name, its memory
 * @param problems what could not be read, each with its reason (e.g. {@code trading: process 4711 is no longer running})
 */
public record MemoryReading(Map<String, MemoryUsage> services, List<String> problems) {

    public MemoryReading {
        services = services == null ? Map.of() : Map.copyOf(services);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    static MemoryReading unavailable(String reason) {
        return new MemoryReading(Map.of(), List.of(reason));
    }

    /** The problems as one line, or null when everything was read. */
    public String unavailable() {
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    static double mebibytes(double bytes) {
        return Math.round(bytes / (1024.0 * 1024.0) * 10.0) / 10.0;
    }
}
