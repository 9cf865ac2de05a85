package dev.stonks.inttest.profiler;

import java.util.List;
import java.util.Map;

/**
 * What {@link WarmEndpointSampler} measured.
 *
 * @param samples     per endpoint key, the latencies of the timed calls in milliseconds
 * @param unavailable per endpoint key that has an example but could not be measured, why
 * @param requests    how many calls were sent in all (warm-up and timed)
 */
public record WarmSamples(Map<String, List<Double>> samples, Map<String, String> unavailable, int requests) {

    public WarmSamples {
        samples = samples == null ? Map.of() : Map.copyOf(samples);
        unavailable = unavailable == null ? Map.of() : Map.copyOf(unavailable);
    }

    /** Nothing measured (no examples). */
    public static WarmSamples none() {
        return new WarmSamples(Map.of(), Map.of(), 0);
    }
}
