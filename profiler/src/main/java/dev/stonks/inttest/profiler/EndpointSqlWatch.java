package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.output.EndpointSql;
import dev.stonks.inttest.events.output.EndpointStatement;
import dev.stonks.inttest.events.output.NPlusOne;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Watches the sandbox database around each endpoint's timed calls: a {@code pg_stat_statements} snapshot just before
 * the first timed call and one just after the last, their difference divided by the number of calls gives the
 * statements the endpoint runs per request. A statement run more than the threshold times per request is an N+1
 * pattern. Once a snapshot fails, the rest of the endpoints are measured without watching, and the reason is kept.
 */
final class EndpointSqlWatch implements WarmEndpointSampler.TimedCallsListener {
    private static final Logger LOG = Logger.getLogger(EndpointSqlWatch.class);
    /** Statements kept per endpoint, most calls per request first. */
    static final int TOP_STATEMENTS = 5;

    private final StatStatements database;
    private final double threshold;
    private final Map<String, EndpointSql> endpoints = new TreeMap<>();
    private final List<NPlusOne> nPlusOne = new ArrayList<>();
    private String unavailable;
    private StatementSnapshot before;
    private int snapshots;
    private long snapshotNanos;

    EndpointSqlWatch(StatStatements database, double threshold) {
        this.database = database;
        this.threshold = threshold;
        this.unavailable = database.unavailable();
    }

    @Override
    public void beforeTimedCalls(String endpoint) {
        before = snapshot();
    }

    @Override
    public void afterTimedCalls(String endpoint, int calls) {
        StatementSnapshot start = before;
        before = null;
        if (start == null) {
            return;
        }
        StatementSnapshot end = snapshot();
        if (end == null) {
            return;
        }
        List<StatementSnapshot.Totals> ran = end.since(start);
        endpoints.put(endpoint, perRequest(ran, calls));
        nPlusOne.addAll(nPlusOne(endpoint, ran, calls, threshold));
    }

    EndpointSqlReading reading() {
        List<NPlusOne> sorted = new ArrayList<>(nPlusOne);
        sorted.sort(Comparator.comparingDouble(NPlusOne::callsPerRequest).reversed()
                .thenComparing(NPlusOne::endpoint).thenComparing(NPlusOne::query));
        return new EndpointSqlReading(endpoints, sorted, threshold, unavailable);
    }

    int snapshots() {
        return snapshots;
    }

    long snapshotMillis() {
        return snapshotNanos / 1_000_000;
    }

    private StatementSnapshot snapshot() {
        if (unavailable != null) {
            return null;
        }
        long t0 = System.nanoTime();
        try {
            return database.snapshot();
        } catch (SQLException | RuntimeException e) {
            unavailable = e instanceof SQLException sql ? database.cannotRead(sql) : "snapshot failed: " + e;
            LOG.warnf("statements per endpoint no longer watched: %s", unavailable);
            return null;
        } finally {
            snapshots++;
            snapshotNanos += System.nanoTime() - t0;
        }
    }

    /** The statements of {@code calls} requests, per request: all together and the top ones. */
    static EndpointSql perRequest(List<StatementSnapshot.Totals> ran, int calls) {
        long all = ran.stream().mapToLong(StatementSnapshot.Totals::calls).sum();
        List<EndpointStatement> top = ran.stream()
                .sorted(Comparator.comparingLong(StatementSnapshot.Totals::calls).reversed()
                        .thenComparing(Comparator.comparingDouble(StatementSnapshot.Totals::totalMs).reversed()))
                .limit(TOP_STATEMENTS)
                .map(t -> new EndpointStatement(SlowSqlReader.readable(t.query()), perCall(t.calls(), calls),
                        Percentiles.round(t.totalMs())))
                .toList();
        return new EndpointSql(calls, perCall(all, calls), top);
    }

    /** Every statement run more than {@code threshold} times per request. */
    static List<NPlusOne> nPlusOne(String endpoint, List<StatementSnapshot.Totals> ran, int calls,
            double threshold) {
        return ran.stream()
                .filter(t -> (double) t.calls() / calls > threshold)
                .map(t -> new NPlusOne(endpoint, SlowSqlReader.readable(t.query()), perCall(t.calls(), calls),
                        Percentiles.round(t.totalMs())))
                .toList();
    }

    private static double perCall(long statements, int calls) {
        return Percentiles.round((double) statements / calls);
    }
}
