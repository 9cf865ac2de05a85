package dev.stonks.inttest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.events.ReplayRules;
import dev.stonks.inttest.events.ResultsSchema;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunEvent;
import dev.stonks.inttest.events.RunReplayRequested;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageCompleted;
import dev.stonks.inttest.events.StageHeartbeat;
import dev.stonks.inttest.events.StageStarted;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.localstack.InttestHome;
import dev.stonks.inttest.resultspage.ResultsPage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code inttest replay} and {@code inttest cancel}: the doors into a run on the resident stack. Each asks the
 * reporter about the run first (so a refusal is immediate and names what to do instead), publishes its event to the
 * stack's Kafka, and follows the run to its verdict. Both need the resident stack; bad input or a refusal exits 2.
 */
final class DoorCommands {
    static final String REPLAY_USAGE = """
            Usage: inttest replay --run-id ID --from-stage STAGE [--image-tag TAG] [--results-file F] [--timeout S]

            Re-runs STAGE and every stage after it, as the run's next attempt, on the resident stack (bin/inttest up):
            the reporter re-emits, from the log, the event that triggered STAGE; earlier stages' outputs are kept.
              --from-stage    %s
              --image-tag     deploy another build (only with a replay from service_deploy or an earlier stage)
              --results-file  where to write the new attempt's results (default inttest-results.json; the page
                              beside it as .html)
              --timeout       seconds to wait for the verdict (default 1200)
            Exit codes: the new verdict's (0, 1, 2); 2 when the replay is refused (unknown run, run in flight,
            sandbox torn down: replay from infra_deploy, unknown stage) or no resident stack is up.
            """.formatted(Arrays.stream(Stage.values()).map(Stage::id).collect(Collectors.joining(", ")));
    static final String CANCEL_USAGE = """
            Usage: inttest cancel --run-id ID [--reason TEXT] [--timeout S]

            Cancels a run in flight on the resident stack (bin/inttest up): the stage at work stops, the sandbox is
            torn down, the verdict says cancelled (exit code 2), with who asked and why. Waits for that verdict
            (default 60 s). Exit 0 once the cancelled verdict is in; 2 when the run is unknown or already finished,
            no resident stack is up, or no verdict came in time.
            """;
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    /** How long a replay waits for the reporter to re-emit the stage's trigger before it calls the replay refused. */
    static final Duration RE_EMIT_WAIT = Duration.ofSeconds(30);

    private DoorCommands() {
    }

    static int replay(String[] args, PrintStream out, PrintStream err) {
        String runId = null;
        Stage from = null;
        String imageTag = null;
        Path resultsFile = Path.of("inttest-results.json");
        int timeout = 1200;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-h", "--help" -> {
                        out.print(REPLAY_USAGE);
                        return 0;
                    }
                    case "--run-id" -> runId = runId(OptionValues.value(args, i++));
                    case "--from-stage" -> from = stage(OptionValues.value(args, i++));
                    case "--image-tag" -> imageTag = imageTag(OptionValues.value(args, i++));
                    case "--results-file" -> resultsFile = Path.of(OptionValues.value(args, i++));
                    case "--timeout" -> timeout = OptionValues.number(args[i], OptionValues.value(args, i++), 10,
                            86_400);
                    default -> throw new UsageException("unknown argument: " + args[i]);
                }
            }
            if (runId == null || from == null) {
                throw new UsageException(runId == null ? "--run-id is required" : "--from-stage is required");
            }
            Path parent = resultsFile.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UsageException("results file directory '" + parent + "' does not exist");
            }
        } catch (UsageException e) {
            return usageError("replay", e, REPLAY_USAGE, err);
        }
        Progress progress = new Progress(out);
        Optional<Target> target = target("replay", runId, err);
        if (target.isEmpty()) {
            return 2;
        }
        Optional<JsonNode> run = target.get().run();
        boolean inFlight = run.map(DoorCommands::inFlight).orElse(false);
        Optional<ReplayRules.Refusal> refusal = ReplayRules.check(runId, run.orElse(null), inFlight, from, imageTag);
        if (refusal.isPresent()) {
            err.println("inttest replay: refused: " + refusal.get().message());
            return 2;
        }
        int before = ReplayRules.attempt(run.get());
        progress.line("replay of run " + runId + " from " + from.id() + " as attempt " + (before + 1)
                + (imageTag == null ? "" : " at image tag " + imageTag) + " on the resident stack");
        String bootstrap = target.get().resident().bootstrapServers();
        try (RunWatcher watcher = new RunWatcher(bootstrap, runId, true)) {
            publish(bootstrap, new RunReplayRequested(runId, from, Instant.now(), requestedBy(), imageTag));
            AtomicBoolean started = new AtomicBoolean();
            Optional<RunVerdict> verdict = awaitVerdict(watcher, progress, Duration.ofSeconds(timeout), before,
                    started);
            if (verdict.isEmpty() && !started.get()) {
                progress.line("the reporter did not re-emit " + from.id() + "'s trigger within "
                        + RE_EMIT_WAIT.toSeconds() + " s: it refused the replay (e.g. a run older than its recovery"
                        + " horizon, or a replay of the run already under way; its log says why) or it is down");
                return 2;
            }
            if (verdict.isEmpty()) {
                progress.line("no verdict of attempt " + (before + 1) + " within " + timeout + " s (the reporter's"
                        + " log says why: " + ResidentStack.stackDir(ResidentStack.dir(InttestHome.resolve()))
                        .resolve("logs") + ")");
                return 2;
            }
            writeResults(resultsFile, verdict.get(), progress);
            return verdict.get().exitCode();
        }
    }

    static int cancel(String[] args, PrintStream out, PrintStream err) {
        String runId = null;
        String reason = "cancelled with inttest cancel";
        int timeout = 60;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-h", "--help" -> {
                        out.print(CANCEL_USAGE);
                        return 0;
                    }
                    case "--run-id" -> runId = runId(OptionValues.value(args, i++));
                    case "--reason" -> reason = OptionValues.value(args, i++);
                    case "--timeout" -> timeout = OptionValues.number(args[i], OptionValues.value(args, i++), 1,
                            3600);
                    default -> throw new UsageException("unknown argument: " + args[i]);
                }
            }
            if (runId == null) {
                throw new UsageException("--run-id is required");
            }
            if (reason.length() > 500) {
                throw new UsageException("--reason is longer than 500 characters");
            }
        } catch (UsageException e) {
            return usageError("cancel", e, CANCEL_USAGE, err);
        }
        Progress progress = new Progress(out);
        Optional<Target> target = target("cancel", runId, err);
        if (target.isEmpty()) {
            return 2;
        }
        Optional<JsonNode> run = target.get().run();
        if (run.isEmpty()) {
            err.println("inttest cancel: no run '" + runId + "' is known on the resident stack");
            return 2;
        }
        if (!inFlight(run.get())) {
            err.println("inttest cancel: run " + runId + " is finished (exit code "
                    + run.get().path("exit_code").asText("?") + "); nothing to cancel");
            return 2;
        }
        String bootstrap = target.get().resident().bootstrapServers();
        try (RunWatcher watcher = new RunWatcher(bootstrap, runId, true)) {
            publish(bootstrap, new RunCancelRequested(runId, reason, Instant.now(), requestedBy()));
            progress.line("cancel of run " + runId + " requested by " + requestedBy() + " (" + reason + ")");
            Optional<RunVerdict> verdict = awaitVerdict(watcher, progress, Duration.ofSeconds(timeout), 0,
                    new AtomicBoolean());
            if (verdict.isEmpty()) {
                progress.line("no verdict within " + timeout + " s of the cancel");
                return 2;
            }
            JsonNode cancelled = verdict.get().results().path("cancelled");
            progress.line(cancelled.isObject() ? "cancelled by " + cancelled.path("by").asText() + ": "
                    + cancelled.path("reason").asText() : "the run ended before the cancel took effect");
            return cancelled.isObject() ? 0 : 2;
        }
    }

    private static int usageError(String command, UsageException e, String usage, PrintStream err) {
        err.println("inttest " + command + ": " + e.getMessage());
        err.print(usage);
        return 2;
    }

    /** The resident stack and the reporter's document of the run there (empty: the run is unknown). */
    private record Target(ResidentStack.Resident resident, Optional<JsonNode> run) {
    }

    /** Empty, said on {@code err}, when no resident stack is up or its reporter did not answer. */
    private static Optional<Target> target(String command, String runId, PrintStream err) {
        Optional<ResidentStack.Resident> resident = resident(err, command);
        if (resident.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Target(resident.get(), reporterRun(resident.get().reporterUrl(), runId)));
        } catch (IllegalStateException e) {
            err.println("inttest " + command + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The run's verdict of an attempt after {@code before}, printing the run's events of such attempts. A replay
     * ({@code before > 0}) gives up after {@link #RE_EMIT_WAIT} when nothing of the new attempt came ({@code started}
     * stays false): the reporter refused it.
     */
    private static Optional<RunVerdict> awaitVerdict(RunWatcher watcher, Progress progress, Duration timeout,
            int before, AtomicBoolean started) {
        Instant deadline = Instant.now().plus(timeout);
        Instant reEmitDeadline = Instant.now().plus(RE_EMIT_WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (before > 0 && !started.get() && Instant.now().isAfter(reEmitDeadline)) {
                return Optional.empty();
            }
            Optional<RunVerdict> verdict = watcher.pollOnce(received -> {
                if (received.attributes().replayOf() != null
                        || (attempt(received.event()) != Integer.MAX_VALUE && attempt(received.event()) > before)) {
                    started.set(true); // the re-emitted trigger, or a stage of the new attempt
                }
                if (received.attributes().replayOf() != null && received.event() instanceof StageCompleted c) {
                    progress.line("re-emitted " + c.stage().id() + "'s completion as attempt " + c.attempt()
                            + " (replay of event " + received.attributes().replayOf() + ")");
                } else if (attempt(received.event()) > before) {
                    progress.event(received.event());
                }
            });
            if (verdict.isPresent() && ReplayRules.attempt(verdict.get().results()) > before) {
                return verdict;
            }
        }
        return Optional.empty();
    }

    /** The attempt a stage event is of; other events (the verdict) count as the latest. */
    private static int attempt(InttestEvent event) {
        if (event instanceof StageStarted s) {
            return s.attempt();
        } else if (event instanceof StageCompleted c) {
            return c.attempt();
        } else if (event instanceof StageHeartbeat h) {
            return h.attempt();
        } else if (event instanceof RunTimedOut t) {
            return t.attempt();
        }
        return Integer.MAX_VALUE;
    }

    private static Optional<ResidentStack.Resident> resident(PrintStream err, String command) {
        Optional<ResidentStack.Resident> live = ResidentStack.live(ResidentStack.dir(InttestHome.resolve()))
                .filter(ResidentStack.Resident::ready);
        if (live.isEmpty()) {
            err.println("inttest " + command + ": no resident stack is up; " + command
                    + " works on the resident stack: start it with bin/inttest up (a run to " + command
                    + " must have run there)");
        }
        return live;
    }

    /** The reporter's document of the run (results, or its stages so far), empty when it does not know the run. */
    static Optional<JsonNode> reporterRun(String reporterUrl, String runId) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(reporterUrl + "/api/runs/"
                    + runId)).timeout(HTTP_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the reporter (" + reporterUrl + ") answered "
                        + response.statusCode() + " about run " + runId + ": " + response.body());
            }
            return Optional.of(Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("the reporter (" + reporterUrl + ") did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The reporter serves a run in flight as {@code status: running}, a finished one as its results. */
    static boolean inFlight(JsonNode run) {
        return "running".equals(run.path("status").asText()) || !run.has("exit_code");
    }

    private static String runId(String value) {
        try {
            return Names.requireRunId(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--run-id: " + e.getMessage());
        }
    }

    private static Stage stage(String value) {
        try {
            return Stage.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--from-stage: unknown stage '" + value + "'; one of " + Arrays.stream(
                    Stage.values()).map(Stage::id).collect(Collectors.joining(", ")));
        }
    }

    private static String imageTag(String value) {
        try {
            return Names.requireImageTag(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--image-tag: " + e.getMessage());
        }
    }

    private static String requestedBy() {
        return "cli:" + System.getProperty("user.name");
    }

    private static void publish(String bootstrapServers, RunEvent event) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(KafkaEventRecords.toProducerRecord(EventCodec.encode(event, "cli")))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.type().eventName(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + event.type().eventName() + ": " + e.getMessage(),
                    e);
        }
    }

    private static void writeResults(Path resultsFile, RunVerdict verdict, Progress progress) {
        try {
            String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(verdict.results());
            List<String> violations = ResultsSchema.violations(json);
            if (!violations.isEmpty()) {
                progress.line("warning: results do not match the schema: " + violations);
            }
            Files.writeString(resultsFile, json + "\n");
            progress.line("results: " + resultsFile.toAbsolutePath());
            Path page = RunCommand.pageFor(resultsFile);
            Files.writeString(page, ResultsPage.render(verdict.results()));
            progress.line("page:    " + page.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + resultsFile + ": " + e.getMessage(), e);
        }
    }
}
