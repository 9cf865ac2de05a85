package dev.stonks.inttest.reporter.api;

import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.reporter.history.HistoryReads;
import dev.stonks.inttest.reporter.history.HistoryReads.RunTimeline;
import dev.stonks.inttest.reporter.history.HistoryWriter;
import dev.stonks.inttest.reporter.history.RunRecord;
import dev.stonks.inttest.reporter.history.StageAttemptRecord;
import dev.stonks.inttest.reporter.live.LiveEvent;
import dev.stonks.inttest.reporter.live.LiveEvents;
import dev.stonks.inttest.support.http.Problem;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Server-sent events of one run: first those so far, from the history; then live ones until its verdict, after which
 * the stream ends. Each SSE {@code event:} is the CloudEvent type's name, its
 * {@code data:} the JSON {@code {"type", "run_id", "stage", "attempt", "status", "at", ...}}.
 */
@Path("/api/runs/{runId}/events")
public class EventsResource {
    /** Events kept for a reader slower than the pipeline, before its stream fails. */
    static final int BUFFER = 1024;
    private final HistoryReads history;
    private final HistoryWriter reader;
    private final LiveEvents live;

    public EventsResource(HistoryReads history, HistoryWriter reader, LiveEvents live) {
        this.history = history;
        this.reader = reader;
        this.live = live;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> run(@PathParam("runId") String runId, @Context Sse sse) {
        try {
            Names.requireRunId(runId);
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException(RunsResource.badRequest(e.getMessage()));
        }
        Optional<RunTimeline> before = reader.read(() -> history.timeline(runId));
        if (before.isEmpty()) {
            throw new WebApplicationException(Problem.of(404, "Not Found", "no run '" + runId + "'").response());
        }
        Multi<LiveEvent> stream;
        List<LiveEvent> past;
        if (before.get().run().exitCode != null) {
            past = past(before.get());
            stream = Multi.createFrom().iterable(past);
        } else {
            // follow first, then read what happened so far: nothing published in between is lost
            Multi<LiveEvent> following = live.follow(runId);
            past = past(reader.read(() -> history.timeline(runId)).orElse(before.get()));
            Set<String> seen = new HashSet<>();
            past.forEach(e -> seen.add(e.key()));
            boolean over = past.stream().anyMatch(LiveEvent::verdict);
            stream = over ? Multi.createFrom().iterable(past)
                    : Multi.createBy().concatenating().streams(Multi.createFrom().iterable(past),
                            following.filter(e -> !seen.contains(e.key())));
        }
        return stream.onOverflow().buffer(BUFFER).map(e -> sse(sse, e));
    }

    static OutboundSseEvent sse(Sse sse, LiveEvent e) {
        return sse.newEventBuilder().name(e.type()).mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class,
                e.data().toString()).build();
    }

    /** The run's events so far, as the history tells them. */
    static List<LiveEvent> past(RunTimeline timeline) {
        RunRecord run = timeline.run();
        List<LiveEvent> events = new ArrayList<>();
        events.add(LiveEvent.of("run.requested", run.runId, null, 1, "running", run.requestedAt)
                .with("image_tag", run.imageTag));
        for (StageAttemptRecord a : timeline.attempts()) {
            if (a.startedAt != null) {
                events.add(LiveEvent.of("stage.started", run.runId, a.stage, a.attempt, "running", a.startedAt));
            }
            if (StageAttemptRecord.TIMED_OUT.equals(a.status)) {
                events.add(LiveEvent.of("run.timed-out", run.runId, a.stage, a.attempt, a.status, a.completedAt)
                        .with("reason", a.errorMessage));
            } else if (!StageAttemptRecord.RUNNING.equals(a.status) && a.completedAt != null) {
                LiveEvent completed = LiveEvent.of("stage.completed", run.runId, a.stage, a.attempt, a.status,
                        a.completedAt).with("duration_s", a.durationS);
                if (a.errorKind != null || a.errorMessage != null) {
                    completed.data().putObject("error").put("kind", a.errorKind).put("message", a.errorMessage);
                } else {
                    completed.data().putNull("error");
                }
                events.add(completed);
            }
        }
        if (run.exitCode != null) {
            events.add(LiveEvent.of(LiveEvent.VERDICT, run.runId, null, run.attempt, run.status, run.completedAt)
                    .with("exit_code", run.exitCode));
        }
        return events;
    }
}
