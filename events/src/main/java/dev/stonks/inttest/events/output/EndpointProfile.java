package dev.stonks.inttest.events.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latency percentiles of one endpoint, in milliseconds, over {@code count} calls. A percentile is only given when
 * there are enough samples for it to be more than the maximum: p95 needs at least 20, p99 at least 100; otherwise it is
 * null and {@code unavailable} says why ({@code p99_ms -> "needs >= 100 samples, had 20"}).
 *
 * @param source      where the samples come from: {@value #PROFILE} (the profiler's own measurement of the warm service)
 *                    or {@value #TESTS} (the calls the tests made)
 * @param warm        whether the figures are of the warm service (the profiler repeated the call after warm-up calls);
 *                    false for endpoints only the tests' calls measured (cold first calls included). Budgets and
 *                    regressions are judged on warm figures only. Null in outputs written before the distinction.
 * @param firstCallMs the tests' first call of the endpoint (on a fresh JVM: class loading, JIT, first query); null
 *                    when the tests did not call it
 * @param unavailable per figure ({@code p95_ms}, {@code p99_ms}) that is null, why
 * @param sql         the statements the endpoint ran per request, when the profiler could watch the database while it
 *                    measured the endpoint
 */
public record EndpointProfile(Double p50Ms, Double p95Ms, Double p99Ms, double maxMs, int count,
        @JsonInclude(JsonInclude.Include.NON_NULL) String source,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean warm,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double firstCallMs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> unavailable,
        @JsonInclude(JsonInclude.Include.NON_NULL) EndpointSql sql) {

    public static final String PROFILE = "profile";
    public static final String TESTS = "tests";

    public EndpointProfile {
        unavailable = unavailable == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(unavailable));
    }

    public EndpointProfile(double p50Ms, double p95Ms, double p99Ms, double maxMs, int count) {
        this(p50Ms, p95Ms, p99Ms, maxMs, count, null, null, null, null, null);
    }

    public EndpointProfile(double p50Ms, double p95Ms, double p99Ms, double maxMs, int count, String source) {
        this(p50Ms, p95Ms, p99Ms, maxMs, count, source, null, null, null, null);
    }

    public EndpointProfile withSource(String source) {
        return new EndpointProfile(p50Ms, p95Ms, p99Ms, maxMs, count, source, warm, firstCallMs, unavailable, sql);
    }

    public EndpointProfile withWarm(boolean warm) {
        return new EndpointProfile(p50Ms, p95Ms, p99Ms, maxMs, count, source, warm, firstCallMs, unavailable, sql);
    }

    public EndpointProfile withFirstCallMs(Double firstCallMs) {
        return new EndpointProfile(p50Ms, p95Ms, p99Ms, maxMs, count, source, warm, firstCallMs, unavailable, sql);
    }

    public EndpointProfile withSql(EndpointSql sql) {
        return new EndpointProfile(p50Ms, p95Ms, p99Ms, maxMs, count, source, warm, firstCallMs, unavailable, sql);
    }
}
