package dev.stonks.inttest.events.output;

/** Latency percentiles of one endpoint, in milliseconds, over {@code count} calls. */
public record EndpointProfile(double p50Ms, double p95Ms, double p99Ms, double maxMs, int count) {
}
