package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.output.EndpointProfile;
import dev.stonks.inttest.events.output.ProfilingOutput;
import dev.stonks.inttest.events.output.TestsOutput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The profiling stage's work: the slow statements of the sandbox database (read first, so they are the tests'
 * statements and not the warm calls'), the warm re-measurement of every endpoint the tests reached, the memory of
 * the services under test; then the output: per endpoint the warm figures where there are any, the tests' figures
 * otherwise, and the slow endpoints computed from those.
 */
@ApplicationScoped
public class EndpointProfiler {
    private static final Logger LOG = Logger.getLogger(EndpointProfiler.class);
    /** Keys of {@code unavailable}: {@code endpoint <key>}, {@code memory}, {@code sql}. */
    static final String ENDPOINT = "endpoint ";
    static final String MEMORY = "memory";
    static final String SQL = "sql";

    private final ProfilerConfig config;
    private final WarmEndpointSampler sampler;
    private final ServiceMemoryReader memory;
    private final SlowSqlReader sql;

    public EndpointProfiler(ProfilerConfig config, WarmEndpointSampler sampler, ServiceMemoryReader memory,
            SlowSqlReader sql) {
        this.config = config;
        this.sampler = sampler;
        this.memory = memory;
        this.sql = sql;
    }

    public ProfilingOutput profile(TestsOutput tests, RunContext context) {
        return profile(tests, context, () -> { });
    }

    /** As above; {@code checkpoint} runs before each endpoint is measured and throws to stop (a cancelled run). */
    public ProfilingOutput profile(TestsOutput tests, RunContext context, Runnable checkpoint) {
        SqlReading statements = sql.read(context);
        WarmSamples warm = sampler.sample(tests.examples(), context.services(), checkpoint);
        MemoryReading memoryReading = memory.read(context);
        ProfilingOutput output = assemble(config.slowThresholdMs(), tests, warm, memoryReading, statements);
        LOG.infof("%s: %d endpoints (%d measured warm), slow: %s; memory of %d services; %d statements; "
                + "unavailable: %s", context.namespace(), output.endpoints().size(), warm.samples().size(),
                output.slowEndpoints(), output.memory().size(), output.sql() == null ? 0
                        : output.sql().statements().size(), output.unavailable());
        return output;
    }

    /**
     * The output from what was measured: {@code test_calls} from every endpoint the tests timed; {@code endpoints}
     * the same with the warm figures ({@code source = profile}) in place of the tests' ones where the endpoint was
     * measured; the slow endpoints from {@code endpoints}.
     */
    static ProfilingOutput assemble(double slowThresholdMs, TestsOutput tests, WarmSamples warm,
            MemoryReading memory, SqlReading sql) {
        Map<String, EndpointProfile> testCalls = new TreeMap<>();
        tests.timings().forEach((endpoint, samples) -> {
            if (!samples.isEmpty()) {
                testCalls.put(endpoint, Percentiles.of(samples).withSource(EndpointProfile.TESTS));
            }
        });
        Map<String, EndpointProfile> endpoints = new TreeMap<>(testCalls);
        warm.samples().forEach((endpoint, samples) -> {
            if (!samples.isEmpty()) {
                endpoints.put(endpoint, Percentiles.of(samples).withSource(EndpointProfile.PROFILE));
            }
        });
        List<String> slow = endpoints.entrySet().stream()
                .filter(e -> e.getValue().p99Ms() > slowThresholdMs)
                .map(Map.Entry::getKey).toList();

        Map<String, String> unavailable = new TreeMap<>();
        warm.unavailable().forEach((endpoint, reason) -> unavailable.put(ENDPOINT + endpoint, reason));
        if (memory.unavailable() != null) {
            unavailable.put(MEMORY, memory.unavailable());
        }
        if (sql.unavailable() != null) {
            unavailable.put(SQL, sql.unavailable());
        }
        return new ProfilingOutput(endpoints, slow, slowThresholdMs, testCalls, memory.services(), sql.profile(),
                unavailable);
    }
}
