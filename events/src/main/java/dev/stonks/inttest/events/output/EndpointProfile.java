package dev.stonks.inttest.events.output;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Latency percentiles of one endpoint, in milliseconds, over {@code count} calls.
 *
 * @param source where the samples come from: {@value #PROFILE} (the profiler's own measurement of the warm service) or
 *               {@value #TESTS} (the calls the tests made); absent in outputs written before there was a choice
 */
public record EndpointProfile(double p50Ms, double p95Ms, double p99Ms, double maxMs, int count,
        @JsonInclude(JsonInclude.Include.NON_NULL) String source) {

    public static final String PROFILE = "profile";
    public static final String TESTS = "tests";

    public EndpointProfile(double p50Ms, double p95Ms, double p99Ms, double maxMs, int count) {
        this(p50Ms, p95Ms, p99Ms, maxMs, count, null);
    }

    public EndpointProfile withSource(String source) {
        return new EndpointProfile(p50Ms, p95Ms, p99Ms, maxMs, count, source);
    }
}
