package dev.stonks.inttest.profiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code pg_stat_statements} counters of every statement at one moment. */
record StatementSnapshot(Map<Key, Totals> statements) {

    StatementSnapshot {
        statements = Map.copyOf(statements);
    }

    /** How pg_stat_statements tells statements apart. */
    record Key(long queryId, long userId, long dbId) {
    }

    /** @param totalMs execution time of all {@code calls} */
    record Totals(long calls, double totalMs, String query) {
        Totals plus(Totals other) {
            return new Totals(calls + other.calls, totalMs + other.totalMs, query);
        }
    }

    /**
     * What ran between {@code before} and this snapshot: per statement the calls and time added, statements that did
     * not run left out. A statement new since {@code before} counts from zero; one whose counters went down (the
     * statistics were reset or the entry evicted in between) counts from zero too.
     */
    List<Totals> since(StatementSnapshot before) {
        List<Totals> ran = new ArrayList<>();
        statements.forEach((key, now) -> {
            Totals then = before.statements.get(key);
            boolean comparable = then != null && then.calls() <= now.calls();
            long calls = comparable ? now.calls() - then.calls() : now.calls();
            double totalMs = comparable ? now.totalMs() - then.totalMs() : now.totalMs();
            if (calls > 0) {
                ran.add(new Totals(calls, Math.max(0, totalMs), now.query()));
            }
        });
        return ran;
    }
}
