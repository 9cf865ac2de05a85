package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.output.EndpointProfile;
import dev.stonks.inttest.events.output.EndpointSql;
import dev.stonks.inttest.events.output.ProfilingOutput;
import dev.stonks.inttest.events.output.TestsOutput;
import dev.stonks.inttest.sandboxaccess.SandboxAccessResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The profiling stage's work: the slow statements of the sandbox database (read first, so they are the tests'
 * statements and not the warm calls'), the warm re-measurement of every endpoint the tests left an example of, with
 * the statements each runs per request (pg_stat_statements snapshots around its timed calls, over one connection for
 * the whole stage), the memory of the services under test; then the output: per endpoint the warm figures where
 * there are any, the tests' figures (cold) otherwise, the tests' probes apart, and the slow endpoints among the warm
 * ones.
 */
@ApplicationScoped
public class EndpointProfiler {
    private static final Logger LOG = Logger.getLogger(EndpointProfiler.class);
    /** Keys of {@code unavailable}: {@code endpoint <key>}, {@code memory}, {@code sql}, {@code sql per endpoint}. */
    static final String ENDPOINT = "endpoint ";
    static final String MEMORY = "memory";
    static final String SQL = "sql";
    static final String SQL_PER_ENDPOINT = "sql per endpoint";

    private final ProfilerConfig config;
    private final WarmEndpointSampler sampler;
    private final ServiceMemoryReader memory;
    private final SlowSqlReader sql;
    private final SandboxAccessResolver sandboxes;

    public EndpointProfiler(ProfilerConfig config, WarmEndpointSampler sampler, ServiceMemoryReader memory,
            SlowSqlReader sql, SandboxAccessResolver sandboxes) {
        this.config = config;
        this.sampler = sampler;
        this.memory = memory;
        this.sql = sql;
        this.sandboxes = sandboxes;
    }

    public ProfilingOutput profile(TestsOutput tests, RunContext context) {
        return profile(tests, context, () -> { });
    }

    /** As above; {@code checkpoint} runs before each endpoint is measured and throws to stop (a cancelled run). */
    public ProfilingOutput profile(TestsOutput tests, RunContext context, Runnable checkpoint) {
        SqlReading statements;
        WarmSamples warm;
        EndpointSqlReading perEndpoint;
        try (StatStatements database = StatStatements.open(sandboxes, context)) {
            statements = sql.read(database);
            EndpointSqlWatch watch = new EndpointSqlWatch(database, config.nPlusOne().threshold());
            long t0 = System.nanoTime();
            warm = sampler.sample(tests.examples(), context.services(), checkpoint, watch);
            perEndpoint = tests.examples().isEmpty()
                    ? EndpointSqlReading.none(config.nPlusOne().threshold(), null) : watch.reading();
            LOG.infof("%s: warm measurement of %d endpoints took %.1f s (%d calls; %d statement snapshots, %d ms)",
                    context.namespace(), warm.samples().size(), (System.nanoTime() - t0) / 1e9, warm.requests(),
                    watch.snapshots(), watch.snapshotMillis());
        }
        MemoryReading memoryReading = memory.read(context);
        ProfilingOutput output = assemble(config.slowThresholdMs(), tests, warm, perEndpoint, memoryReading,
                statements);
        LOG.infof("%s: %d endpoints (%d measured warm), slow: %s; N+1: %d; %d probes; memory of %d services; "
                + "%d statements; unavailable: %s", context.namespace(), output.endpoints().size(),
                warm.samples().size(), output.slowEndpoints(), output.nPlusOne().size(), output.probes().size(),
                output.memory().size(), output.sql() == null ? 0 : output.sql().statements().size(),
                output.unavailable());
        return output;
    }

    /**
     * The output from what was measured: {@code test_calls} from every endpoint the tests timed (cold, with the
     * first call); {@code endpoints} the same with the warm figures ({@code source = profile}, {@code warm}, the
     * statements per request) in place of the tests' ones where the endpoint was measured; {@code probes} apart from
     * both; the slow endpoints among the warm ones.
     */
    static ProfilingOutput assemble(double slowThresholdMs, TestsOutput tests, WarmSamples warm,
            EndpointSqlReading perEndpoint, MemoryReading memory, SqlReading sql) {
        Map<String, EndpointProfile> testCalls = cold(tests.timings());
        Map<String, EndpointProfile> endpoints = new TreeMap<>(testCalls);
        warm.samples().forEach((endpoint, samples) -> {
            if (!samples.isEmpty()) {
                EndpointSql statements = perEndpoint.endpoints().get(endpoint);
                endpoints.put(endpoint, Percentiles.of(samples).withSource(EndpointProfile.PROFILE).withWarm(true)
                        .withFirstCallMs(firstCall(tests.timings().get(endpoint))).withSql(statements));
            }
        });
        List<String> slow = endpoints.entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue().warm()) && e.getValue().p99Ms() != null
                        && e.getValue().p99Ms() > slowThresholdMs)
                .map(Map.Entry::getKey).toList();

        Map<String, String> unavailable = new TreeMap<>();
        warm.unavailable().forEach((endpoint, reason) -> unavailable.put(ENDPOINT + endpoint, reason));
        if (memory.unavailable() != null) {
            unavailable.put(MEMORY, memory.unavailable());
        }
        if (sql.unavailable() != null) {
            unavailable.put(SQL, sql.unavailable());
        }
        if (perEndpoint.unavailable() != null) {
            unavailable.put(SQL_PER_ENDPOINT, perEndpoint.unavailable());
        }
        return new ProfilingOutput(endpoints, slow, slowThresholdMs, testCalls, memory.services(), sql.profile(),
                unavailable, cold(tests.probes()), perEndpoint.nPlusOne(), perEndpoint.threshold());
    }

    /** The figures of the tests' own calls: not warm, with their first call. */
    private static Map<String, EndpointProfile> cold(Map<String, List<Double>> timings) {
        Map<String, EndpointProfile> profiles = new TreeMap<>();
        timings.forEach((endpoint, samples) -> {
            if (samples != null && !samples.isEmpty()) {
                profiles.put(endpoint, Percentiles.of(samples).withSource(EndpointProfile.TESTS).withWarm(false)
                        .withFirstCallMs(firstCall(samples)));
            }
        });
        return profiles;
    }

    private static Double firstCall(List<Double> samples) {
        return samples == null || samples.isEmpty() ? null : Percentiles.round(samples.get(0));
    }
}
