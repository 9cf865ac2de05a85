package dev.stonks.inttest.profiler;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The profiling stage's settings ({@code profiler.*}, env {@code PROFILER_*}). */
@ConfigMapping(prefix = "profiler")
public interface ProfilerConfig {
    /** A warm endpoint whose P99 exceeds this is slow (the seed's P99 target). */
    @WithDefault("500")
    double slowThresholdMs();

    /** Untimed calls of an endpoint's example before it is measured: they warm caches, JIT and connections. */
    @WithDefault("10")
    int warmupRequests();

    /**
     * Timed calls of an endpoint's example, one after the other; the percentiles are over these (p95 needs >= 20,
     * p99 >= 100).
     */
    @WithDefault("100")
    int samples();

    /** Overall cap of the warm measurement; endpoints not measured by then keep the tests' figures. */
    @WithDefault("60")
    int maxSeconds();

    /** How long one call may take before the endpoint counts as not answering. */
    @WithDefault("5000")
    int requestTimeoutMs();

    /** How many statements of pg_stat_statements to report (by total time). */
    @WithDefault("10")
    int sqlTop();

    /** A statement whose mean time exceeds this is slow. */
    @WithDefault("100")
    double slowSqlMs();

    /** N+1 detection ({@code profiler.n-plus-one.*}). */
    NPlusOne nPlusOne();

    interface NPlusOne {
        /** A statement executed more than this many times per request of an endpoint is an N+1 pattern. */
        @WithDefault("5")
        double threshold();
    }
}
