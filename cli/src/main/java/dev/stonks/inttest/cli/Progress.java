package dev.stonks.inttest.cli;

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

/** Prints a run's progress as the bus carries it: one line per event, with the time since the command started. */
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
            }
            line(String.format(Locale.ROOT, "%-18s started   (attempt %d)", s.stage().id(), s.attempt()));
        } else if (event instanceof StageCompleted c) {
            lastCompletedAt = c.completedAt();
            String detail = c.error() == null ? "" : "  " + c.error().kind() + ": " + firstLine(c.error().message());
            line(String.format(Locale.ROOT, "%-18s %-9s %7.2f s%s", c.stage().id(), c.status().id(), c.durationS(),
                    detail));
        } else if (event instanceof RunTimedOut t) {
            line(String.format(Locale.ROOT, "%-18s timed out after %.0f s", t.stage().id(), t.deadlineS()));
        } else if (event instanceof RunVerdict v) {
            line("verdict: exit code " + v.exitCode() + " - " + summary(v));
            if (!handOffsMs.isEmpty()) {
                List<Long> sorted = handOffsMs.stream().sorted().toList();
                line("stage hand-offs (stage.completed -> next stage.started): median " + sorted.get(
                        (sorted.size() - 1) / 2) + " ms, max " + sorted.get(sorted.size() - 1) + " ms over "
                        + sorted.size());
            }
        }
    }

    private static String summary(RunVerdict v) {
        var tests = v.results().path("tests");
        return tests.path("passed").asInt() + "/" + tests.path("total").asInt() + " tests passed, "
                + tests.path("failed").asInt() + " failed, " + tests.path("errors").asInt() + " errors";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
