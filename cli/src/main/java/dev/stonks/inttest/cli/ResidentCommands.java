package dev.stonks.inttest.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.localstack.InttestHome;
import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.stack.StackFile;
import dev.stonks.inttest.localstack.stack.StackRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@code inttest up}, {@code inttest down}, {@code inttest status [--json]}: the resident stack. */
final class ResidentCommands {
    /** Exit code of {@code status} when no resident stack is up (or it is still starting). */
    static final int NOT_UP = 3;
    /** How long {@code up} waits for the daemon's stack to be ready. */
    static final Duration UP_TIMEOUT = Duration.ofSeconds(240);
    /** How long {@code down} waits for the daemon to stop its stack. */
    static final Duration DOWN_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(3);
    private static final List<String> DAEMON_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    static final String UP_USAGE = """
            Usage: inttest up
              Starts the resident stack (Kafka, the reporter's PostgreSQL and the artifact store with kept data, the
              seven pipeline services including the gateway and the promoter) in the background and returns once it
              is ready. While it is up, inttest run (and run_pipeline.sh) attach to it.
            """;
    static final String DOWN_USAGE = """
            Usage: inttest down
              Stops the resident stack and waits until none of its processes is left; its data (Kafka, history,
              artifacts, the promoter's environments, the secrets) stays.
            """;
    static final String STATUS_USAGE = """
            Usage: inttest status [--json]
              Where the resident stack is, its services (pid, uptime, restarts, ready) and the runs in flight.
              Exit codes: 0 up, 3 not up (or still starting), 2 bad input.
            """;

    private ResidentCommands() {
    }

    // ---- up ----------------------------------------------------------------------------------------------------

    static int up(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            return usage("up", args, UP_USAGE, out, err);
        }
        Path home = InttestHome.resolve();
        Path dir = ResidentStack.dir(home);
        long t0 = System.nanoTime();
        Process daemon = null;
        try (FileChannel channel = lockFile(dir); FileLock lock = channel.lock()) {
            Optional<ResidentStack.Resident> live = ResidentStack.live(dir);
            if (live.isPresent() && live.get().ready()) {
                out.println("resident stack: already up (daemon pid " + live.get().pid() + ", kafka "
                        + live.get().bootstrapServers() + ", reporter " + live.get().reporterUrl() + ", gateway "
                        + live.get().gatewayUrl() + ")");
                out.println("  dir: " + dir);
                return 0;
            }
            if (live.isPresent()) {
                out.println("resident stack: starting already (daemon pid " + live.get().pid() + "); waiting");
            } else {
                ResidentStack.cleanStale(dir, GRACE).ifPresent(stopped -> out.println(
                        "resident stack: removed what a dead daemon left (stopped " + stopped + ")"));
                daemon = startDaemon(home, dir);
                out.println("resident stack: starting (daemon pid " + daemon.pid() + ", log " + dir.resolve(
                        ResidentStack.LOG) + ")");
                awaitRecord(dir, daemon);
            }
        } catch (IOException e) {
            err.println("inttest up: " + e.getMessage());
            return 2;
        }
        Optional<ResidentStack.Resident> ready = ResidentStack.awaitReady(dir, UP_TIMEOUT);
        if (ready.isEmpty()) {
            Optional<ResidentStack.Resident> stillThere = ResidentStack.live(dir);
            err.println("inttest up: the resident stack did not become ready" + (stillThere.isPresent()
                    ? " within " + UP_TIMEOUT.toSeconds() + " s; stopping it" : "; its daemon exited"));
            stillThere.ifPresent(r -> stopDaemon(dir, r));
            err.println(ProcessControl.tail(dir.resolve(ResidentStack.LOG), 20));
            return 2;
        }
        ResidentStack.Resident r = ready.get();
        out.printf(Locale.ROOT, "resident stack: up in %.1f s (daemon pid %d)%n", (System.nanoTime() - t0) / 1e9,
                r.pid());
        out.println("  kafka:    " + r.bootstrapServers());
        out.println("  reporter: " + r.reporterUrl() + "  (dashboard at /; GET /api/runs, /api/runs/{run id})");
        if (r.gatewayUrl() != null) {
            out.println("  webhook:  POST " + r.gatewayUrl() + StackStatus.WEBHOOK_PATH + "  (GitHub push; secret in "
                    + dir.resolve(ResidentStack.SECRETS).resolve(ResidentStack.WEBHOOK_SECRET) + ")");
            out.println("  gateway:  " + r.gatewayUrl() + "  (POST /api/runs with Authorization: Bearer <token in "
                    + dir.resolve(ResidentStack.SECRETS).resolve(ResidentStack.API_TOKEN) + ">)");
        }
        Path secrets = dir.resolve(ResidentStack.SECRETS);
        out.println("  tokens:   admin (every role: " + String.join(",", ResidentStack.ADMIN_ROLES) + ") in "
                + secrets.resolve(ResidentStack.API_TOKEN) + "; approver (promotions:approve) in "
                + secrets.resolve(ResidentStack.APPROVER_TOKEN) + "; hashes in "
                + secrets.resolve(ResidentStack.TOKENS_FILE));
        if (r.promoterUrl() != null) {
            out.println("  promoter: " + r.promoterUrl() + "  (local backend: nothing is deployed; environments in "
                    + dir.resolve(ResidentStack.PROMOTER).resolve("environments.json") + ")");
        }
        out.println("  dir:      " + dir + "  (logs in stack/logs, daemon.log; data in kafka/, history-db/, "
                + "artifacts/)");
        out.println("  inttest run / run_pipeline.sh now attach to it; inttest status; inttest down");
        return 0;
    }

    private static FileChannel lockFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        return FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /** {@code java -cp <this classpath> Main stack-daemon}, detached, its output in daemon.log. */
    private static Process startDaemon(Path home, Path dir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(DAEMON_JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add(Main.DAEMON_COMMAND);
        return ProcessControl.start(command, dir.resolve(ResidentStack.LOG), Map.of(
                InttestHome.ENV_VARIABLE, home.toString(),
                ResidentStack.DIR_ENV, dir.toString()), dir);
    }

    /** Until resident.json names the new daemon (or it exited), so a second up sees it. */
    private static void awaitRecord(Path dir, Process daemon) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (daemon.isAlive() && System.nanoTime() < deadline) {
            if (ResidentStack.read(dir).map(r -> r.pid() == daemon.pid()).orElse(false)) {
                return;
            }
            ResidentStack.sleep(Duration.ofMillis(100));
        }
    }

    // ---- down --------------------------------------------------------------------------------------------------

    static int down(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            return usage("down", args, DOWN_USAGE, out, err);
        }
        Path home = InttestHome.resolve();
        Path dir = ResidentStack.dir(home);
        Optional<ResidentStack.Resident> live = ResidentStack.live(dir);
        if (live.isEmpty()) {
            Optional<List<String>> stale = ResidentStack.cleanStale(dir, GRACE);
            out.println(stale.map(stopped -> "resident stack: its daemon was gone; stopped what it left " + stopped)
                    .orElse("resident stack: not up (" + dir + ")"));
            return 0;
        }
        long t0 = System.nanoTime();
        ResidentStack.Resident r = live.get();
        out.println("resident stack: stopping (daemon pid " + r.pid() + ")");
        List<String> forced = stopDaemon(dir, r);
        List<String> left = stillRunning(StackFile.read(ResidentStack.stackDir(dir)).orElse(null));
        ResidentStack.remove(dir, r.pid());
        if (!left.isEmpty()) {
            err.println("inttest down: still running: " + left);
            return 1;
        }
        out.printf(Locale.ROOT, "resident stack: down in %.1f s; no process of it is left%s; data kept in %s "
                + "(kafka/, history-db/, artifacts/, promoter/, secrets/)%n", (System.nanoTime() - t0) / 1e9,
                forced.isEmpty() ? "" : " (had to stop " + forced + ")", dir);
        return 0;
    }

    /**
     * SIGTERM to the daemon, which stops its stack; waits for it. Then every process of stack.json that is still the
     * one recorded is stopped (there should be none). Returns what had to be stopped here.
     */
    private static List<String> stopDaemon(Path dir, ResidentStack.Resident r) {
        List<String> forced = new ArrayList<>();
        ProcessControl.signal(r.pid(), "TERM");
        long deadline = System.nanoTime() + DOWN_TIMEOUT.toNanos();
        while (r.daemonRunning() && System.nanoTime() < deadline) {
            ResidentStack.sleep(Duration.ofMillis(100));
        }
        if (r.daemonRunning()) {
            ProcessControl.signal(r.pid(), "KILL");
            ProcessControl.awaitExit(r.pid(), Duration.ofSeconds(5));
            forced.add("daemon");
        }
        StackRecord stack = StackFile.read(ResidentStack.stackDir(dir)).orElse(null);
        if (stack != null) {
            for (Map.Entry<String, ProcessIdentity> p : stack.processes().entrySet()) {
                if (p.getValue().terminate(GRACE)) {
                    forced.add(p.getKey());
                }
            }
        }
        return forced;
    }

    private static List<String> stillRunning(StackRecord stack) {
        if (stack == null) {
            return List.of();
        }
        return stack.processes().entrySet().stream().filter(e -> e.getValue().isRunning())
                .map(e -> e.getKey() + " (pid " + e.getValue().pid() + ")").toList();
    }

    // ---- status ------------------------------------------------------------------------------------------------

    static int status(String[] args, PrintStream out, PrintStream err) {
        boolean json = false;
        for (String arg : args) {
            if ("--json".equals(arg)) {
                json = true;
            } else {
                return usage("status", new String[] {arg}, STATUS_USAGE, out, err);
            }
        }
        Path home = InttestHome.resolve();
        Path dir = ResidentStack.dir(home);
        ResidentStack.Resident resident = ResidentStack.live(dir).orElse(null);
        StackRecord stack = resident == null ? null : StackFile.read(ResidentStack.stackDir(dir)).orElse(null);
        boolean up = resident != null && resident.ready();
        HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
        Map<String, Boolean> ready = new ConcurrentHashMap<>();
        if (up && stack != null) {
            stack.services().parallelStream().forEach(s -> ready.put(s.name(), answers200(http,
                    "http://127.0.0.1:" + s.port() + "/q/health/ready")));
        }
        JsonNode runs = up ? runsInFlight(http, StackStatus.url(stack, PipelineService.REPORTER,
                resident.reporterUrl())) : null;
        ObjectNode doc = StackStatus.json(dir, resident, stack, ProcessIdentity::isRunning,
                name -> ready.getOrDefault(name, false), runs, Instant.now());
        if (json) {
            try {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            StackStatus.text(doc).forEach(out::println);
        }
        return up ? 0 : NOT_UP;
    }

    private static boolean answers200(HttpClient http, String url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(HTTP_TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The reporter's runs in flight (its {@code items}, or a bare array), null when it does not answer so. */
    static JsonNode runsInFlight(HttpClient http, String reporterUrl) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(reporterUrl
                    + "/api/runs?status=running")).timeout(HTTP_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            return StackStatus.runsOf(Json.MAPPER.readTree(response.body()));
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether the reporter has a finished run of this id (it answers 200 for it). */
    static boolean reporterKnowsRun(String reporterUrl, String runId) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
        return answers200(http, reporterUrl + "/api/runs/" + runId);
    }

    private static int usage(String command, String[] args, String usage, PrintStream out, PrintStream err) {
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            out.print(usage);
            return 0;
        }
        err.println("inttest " + command + ": unknown argument: " + args[0]);
        err.print(usage);
        return 2;
    }
}
