package dev.stonks.inttest.profiler;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The profiling stage's settings ({@code profiler.*}, env {@code PROFILER_*}). */
@ConfigMapping(prefix = "profiler")
public interface ProfilerConfig {
    /** An endpoint whose P99 exceeds this is slow (the seed's P99 target). */
    @WithDefault("500")
    double slowThresholdMs();

    /** Untimed calls of an endpoint's example before it is measured: they warm caches, JIT and connections. */
    @WithDefault("3")
    int warmupRequests();

    /** Timed calls of an endpoint's example, one after the other; the percentiles are over these. */
    @WithDefault("20")
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
}
