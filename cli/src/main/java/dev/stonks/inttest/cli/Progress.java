package dev.stonks.inttest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageStarted;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints a run's progress as the bus carries it: one line per event, with the time since the command started. After
 * the verdict, one line on the seed's budgets, when the profiler found any, one on slow SQL, then the run's
 * {@link SummaryTable} (endpoints, N+1 statements, regressions, baseline).
 */
final class Progress {
    private final PrintStream out;
    private final long t0 = System.nanoTime();
    private final List<Long> handOffsMs = new ArrayList<>();
    private Instant lastCompletedAt;

    Progress(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - t0) / 1e9, text);
        out.flush();
    }

    void event(InttestEvent event) {
        if (event instanceof StageStarted s) {
            if (lastCompletedAt != null) {
                handOffsMs.add(Duration.between(lastCompletedAt, s.startedAt()).toMillis());
                lastCompletedAt = null; // a stage started again by a restarted service is no hand-off
            }
            line(String.format(Locale.ROOT, "%-18s started   (attempt %d)", s.stage().id(), s.attempt()));
        } else if (event instanceof StageCompleted c) {
            lastCompletedAt = c.completedAt();
            String detail = c.error() == null ? "" : "  " + c.error().kind() + ": " + firstLine(c.error().message());
            line(String.format(Locale.ROOT, "%-18s %-9s %7.2f s%s", c.stage().id(), c.status().id(), c.durationS(),
                    detail));
        } else if (event instanceof RunTimedOut t) {
            lastCompletedAt = null; // the next start follows the watchdog, not a hand-off
            line(String.format(Locale.ROOT, "%-18s given up: %s", t.stage().id(), t.reason()));
        } else if (event instanceof RunVerdict v) {
            line("verdict: exit code " + v.exitCode() + " - " + summary(v));
            budgets(v.results().path("budgets")).ifPresent(this::line);
            slowSql(v.results().path("profiling").path("sql")).ifPresent(this::line);
            if (!handOffsMs.isEmpty()) {
                List<Long> sorted = handOffsMs.stream().sorted().toList();
                line("stage hand-offs (stage.completed -> next stage.started): median " + sorted.get(
                        (sorted.size() - 1) / 2) + " ms, max " + sorted.get(sorted.size() - 1) + " ms over "
                        + sorted.size());
            }
            // the table's columns line up only without the time prefix
            SummaryTable.lines(v.results()).forEach(out::println);
            out.flush();
        }
    }

    private static String summary(RunVerdict v) {
        var cancelled = v.results().path("cancelled");
        if (cancelled.isObject()) {
            return "cancelled by " + cancelled.path("by").asText() + " (" + cancelled.path("reason").asText() + ")";
        }
        var tests = v.results().path("tests");
        return tests.path("passed").asInt() + "/" + tests.path("total").asInt() + " tests passed, "
                + tests.path("failed").asInt() + " failed, " + tests.path("errors").asInt() + " errors";
    }

    /**
     * {@code budgets: 3 of 5 within; over: api_p99_ms 612 ms > 500 ms (/api/trends/{id}); not measured: ...}; empty
     * when the results carry no budgets (an older reporter).
     */
    static Optional<String> budgets(JsonNode budgets) {
        if (!budgets.isArray() || budgets.isEmpty()) {
            return Optional.empty();
        }
        int within = 0;
        List<String> over = new ArrayList<>();
        List<String> unmeasured = new ArrayList<>();
        for (JsonNode b : budgets) {
            JsonNode w = b.path("within");
            String metric = oneLine(b.path("metric").asText("?"), 40);
            if (!w.isBoolean()) {
                unmeasured.add(metric + (b.hasNonNull("reason") ? " (" + oneLine(b.get("reason").asText(), 60) + ")"
                        : ""));
            } else if (w.asBoolean()) {
                within++;
            } else {
                over.add(over(metric, b));
            }
        }
        StringBuilder line = new StringBuilder("budgets: ").append(within).append(" of ").append(budgets.size())
                .append(" within");
        if (!over.isEmpty()) {
            line.append("; over: ").append(String.join(", ", over));
        }
        if (!unmeasured.isEmpty()) {
            line.append("; not measured: ").append(String.join(", ", unmeasured));
        }
        return Optional.of(line.toString());
    }

    private static String over(String metric, JsonNode b) {
        String unit = oneLine(b.path("unit").asText(""), 8);
        double actual = b.path("actual").asDouble();
        double limit = b.path("limit").asDouble();
        StringBuilder s = new StringBuilder(metric).append(' ').append(number(actual)).append(' ').append(unit)
                .append(actual > limit ? " > " : " >= ").append(number(limit)).append(' ').append(unit);
        JsonNode exceededBy = b.path("exceeded_by");
        String subject = b.hasNonNull("subject") ? oneLine(b.get("subject").asText(), 80) : null;
        if (subject != null) {
            s.append(" (").append(subject);
            if (exceededBy.size() > 1) {
                s.append(", +").append(exceededBy.size() - 1).append(" more");
            }
            s.append(')');
        }
        return s.toString();
    }

    /** {@code slow SQL: 2 of 10 statements with mean > 100 ms; slowest 120.5 ms mean x 40 calls: SELECT ...}. */
    static Optional<String> slowSql(JsonNode sql) {
        JsonNode statements = sql.path("statements");
        if (!statements.isArray()) {
            return Optional.empty();
        }
        JsonNode slowest = null;
        int slow = 0;
        for (JsonNode st : statements) {
            if (st.path("slow").asBoolean()) {
                slow++;
                if (slowest == null || st.path("mean_ms").asDouble() > slowest.path("mean_ms").asDouble()) {
                    slowest = st;
                }
            }
        }
        if (slowest == null) {
            return Optional.empty();
        }
        String threshold = sql.path("slow_mean_ms").isNumber() ? " with mean > " + number(sql.get("slow_mean_ms")
                .asDouble()) + " ms" : "";
        return Optional.of("slow SQL: " + slow + " of " + statements.size() + " statements" + threshold
                + "; slowest " + number(slowest.path("mean_ms").asDouble()) + " ms mean x " + slowest.path("calls")
                .asLong() + " calls: " + oneLine(slowest.path("query").asText(), 100));
    }

    /** Whole numbers from 100 on, else one decimal (without a trailing .0). */
    private static String number(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Text from the results on one terminal line: no control characters, whitespace collapsed, shortened. */
    static String oneLine(String s, int max) {
        String clean = s.replaceAll("[\\p{Cntrl}\\s\\x{80}-\\x{9F}]+", " ").strip();
        return clean.length() <= max ? clean : clean.substring(0, max - 3) + "...";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
