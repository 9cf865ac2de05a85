package dev.stonks.inttest.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.stack.StackFile;
import dev.stonks.inttest.localstack.stack.StackReaper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the resident stack lives and how it is found. Its directory, {@code <home>/.inttest/resident/} (or
 * {@value #DIR_ENV}), holds:
 *
 * <pre>
 *   resident.json  the daemon that owns the stack (pid, start ticks), its state, its Kafka and reporter
 *   daemon.log     the daemon's output
 *   stack/         the stack directory (stack.json, logs/, the guard) as for a one-shot stack
 *   kafka/         the broker's working directory; kafka/data is kept across down / up
 *   history-db/    the reporter's PostgreSQL (PGDATA in data/), kept across down / up
 *   artifacts/     the artifact store's working directory (buckets in data/), kept across down / up
 *   promoter/      the promoter's local record of the environments and its state, kept across down / up
 *   secrets/       (0700) one file (0600) per secret, made at the first up and kept: webhook-secret, api-token (the
 *                  admin's bearer token, every role), approver-token (promotions:approve only), api-tokens (the
 *                  gateway's and promoter's tokens file: names, SHA-256 of the tokens, roles), history-db-password,
 *                  artifacts-access-key, artifacts-secret-key
 * </pre>
 */
final class ResidentStack {
    /** Another resident directory than {@code <home>/.inttest/resident}: absolute, or relative to .inttest/. */
    static final String DIR_ENV = "INTTEST_RESIDENT_DIR";
    static final String RECORD = "resident.json";
    static final String LOG = "daemon.log";
    static final String STACK = "stack";
    static final String KAFKA = "kafka";
    static final String HISTORY_DB = "history-db";
    static final String ARTIFACTS = "artifacts";
    static final String PROMOTER = "promoter";
    static final String SECRETS = "secrets";
    static final String WEBHOOK_SECRET = "webhook-secret";
    static final String API_TOKEN = "api-token";
    static final String APPROVER_TOKEN = "approver-token";
    static final String TOKENS_FILE = "api-tokens";
    /** The roles of the admin token: every role the gateway and the promoter know (pipeline-support's Roles.ALL). */
    static final List<String> ADMIN_ROLES = List.of("runs:write", "promotions:break-glass", "promotions:approve",
            "promotions:switch");
    /** The ports of the services people and GitHub reach, kept so that their URLs stay across down / up. */
    static final String PORTS = "ports.json";
    static final List<PipelineService> KEPT_PORTS = List.of(PipelineService.REPORTER, PipelineService.GATEWAY,
            PipelineService.PROMOTER);
    /** Kafka keeps two weeks of events, so a week of runs can be read back (and replayed) after down / up. */
    static final Map<String, String> BROKER_PROPERTIES = Map.of("log.retention.hours", "336");

    static final String STARTING = "starting";
    static final String READY = "ready";

    /**
     * The content of {@code resident.json}.
     *
     * @param state            {@value #STARTING} until every service is ready, then {@value #READY}
     * @param pid              the daemon's pid
     * @param startTicks       the daemon's start ticks (/proc), with the pid its identity
     * @param startedAt        when the daemon started
     * @param bootstrapServers the broker, once ready
     * @param reporterUrl      the reporter's base URL, once ready
     * @param readyAt          when the stack became ready
     * @param gatewayUrl       the gateway's base URL, once ready
     * @param promoterUrl      the promoter's base URL, once ready
     */
    record Resident(String state, long pid, Long startTicks, Instant startedAt, String bootstrapServers,
            String reporterUrl, Instant readyAt, String gatewayUrl, String promoterUrl) {

        @JsonIgnore
        boolean ready() {
            return READY.equals(state);
        }

        /** Whether the daemon recorded here still runs (same pid and start ticks). */
        @JsonIgnore
        boolean daemonRunning() {
            if (startTicks == null) {
                return ProcessControl.isAlive(pid);
            }
            return new ProcessIdentity(pid, null, startTicks).isRunning();
        }
    }

    private ResidentStack() {
    }

    static Path dir(Path home) {
        return dir(home, System.getenv(DIR_ENV));
    }

    static Path dir(Path home, String env) {
        Path base = home.resolve(".inttest");
        if (env == null || env.isBlank()) {
            return base.resolve("resident");
        }
        return base.resolve(env).toAbsolutePath().normalize(); // an absolute env value replaces the base
    }

    static Path stackDir(Path dir) {
        return dir.resolve(STACK);
    }

    static Path kafkaDir(Path dir) {
        return dir.resolve(KAFKA);
    }

    /**
     * The secret {@code name} of the resident directory: read from {@code secrets/<name>}, or made (48 random hex
     * digits) and written there (0600, in a 0700 directory) when there is none yet. It stays across down / up.
     */
    static String secret(Path dir, String name) {
        Path secrets = dir.resolve(SECRETS);
        Path file = secrets.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                String value = Files.readString(file).strip();
                if (!value.isEmpty()) {
                    return value;
                }
            }
            if (!Files.isDirectory(secrets)) {
                Files.createDirectories(secrets, PosixFilePermissions.asFileAttribute(PosixFilePermissions
                        .fromString("rwx------")));
            }
            String value = StackInfrastructure.randomSecret();
            Path tmp = Files.createTempFile(secrets, "." + name, ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, value + "\n");
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the secret " + file, e);
        }
    }

    /**
     * The tokens file the gateway and the promoter read ({@code AUTH_TOKENS_FILE}): {@code admin} (the token in
     * {@code secrets/api-token}, every role) and {@code approver} ({@code secrets/approver-token},
     * {@code promotions:approve}: the second person of a two-person break-glass). Lines a person added are kept; the
     * two lines are rewritten when their tokens changed (a deleted token file makes a new token at the next up).
     */
    static Path tokensFile(Path dir) {
        Map<String, String> generated = new java.util.LinkedHashMap<>();
        generated.put("admin", tokenLine("admin", secret(dir, API_TOKEN), ADMIN_ROLES));
        generated.put("approver", tokenLine("approver", secret(dir, APPROVER_TOKEN), List.of("promotions:approve")));
        Path file = dir.resolve(SECRETS).resolve(TOKENS_FILE);
        try {
            List<String> lines = new java.util.ArrayList<>();
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file)) {
                    String name = line.strip().split("\\s+", 2)[0];
                    if (!generated.containsKey(name)) {
                        lines.add(line);
                    }
                }
            } else {
                lines.add("# <name> sha256:<hex of SHA-256(token)> <role>,<role>  (read by the gateway and the "
                        + "promoter at start-up)");
            }
            lines.addAll(generated.values());
            String text = String.join("\n", lines) + "\n";
            if (Files.isRegularFile(file) && Files.readString(file).equals(text)) {
                return file;
            }
            Path tmp = Files.createTempFile(dir.resolve(SECRETS), "." + TOKENS_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, text);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tokens file " + file, e);
        }
    }

    private static String tokenLine(String name, String token, List<String> roles) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            return name + " sha256:" + java.util.HexFormat.of().formatHex(hash) + " " + String.join(",", roles);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the reporter's PostgreSQL and the artifact store live, with the resident directory's credentials. */
    static StackInfrastructure.Layout infrastructure(Path dir) {
        return new StackInfrastructure.Layout(dir.resolve(HISTORY_DB), dir.resolve(ARTIFACTS),
                secret(dir, "history-db-password"), "inttest-" + secret(dir, "artifacts-access-key").substring(0, 12),
                secret(dir, "artifacts-secret-key"));
    }

    /** The ports of {@link #KEPT_PORTS} of the last up (empty when none is recorded or the file is unreadable). */
    static Map<PipelineService, Integer> keptPorts(Path dir) {
        Path file = dir.resolve(PORTS);
        Map<PipelineService, Integer> ports = new java.util.EnumMap<>(PipelineService.class);
        if (!Files.isRegularFile(file)) {
            return ports;
        }
        try {
            Json.MAPPER.readTree(file.toFile()).fields().forEachRemaining(e -> {
                for (PipelineService s : KEPT_PORTS) {
                    if (s.id().equals(e.getKey()) && e.getValue().canConvertToInt()) {
                        ports.put(s, e.getValue().asInt());
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            ports.clear();
        }
        return ports;
    }

    static void keepPorts(Path dir, Map<String, Integer> ports) {
        try {
            StackFile.replace(dir, PORTS, Json.MAPPER.writeValueAsString(ports) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(PORTS), e);
        }
    }

    static Optional<Resident> read(Path dir) {
        Path file = dir.resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), Resident.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void write(Path dir, Resident resident) {
        try {
            Files.createDirectories(dir);
            StackFile.replace(dir, RECORD, Json.MAPPER.writeValueAsString(resident) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(RECORD), e);
        }
    }

    /** Removes resident.json, only while it still names {@code pid} (a later daemon's record stays). */
    static void remove(Path dir, long pid) {
        if (read(dir).map(r -> r.pid() == pid).orElse(false)) {
            try {
                Files.deleteIfExists(dir.resolve(RECORD));
            } catch (IOException e) {
                // nothing to do: the next up treats it as stale
            }
        }
    }

    /** The record of a daemon that runs (starting or ready); empty when none runs. */
    static Optional<Resident> live(Path dir) {
        return read(dir).filter(Resident::daemonRunning);
    }

    /**
     * Waits until the daemon of {@code dir} reports ready; empty when no daemon runs (any more) or {@code timeout}
     * passes first.
     */
    static Optional<Resident> awaitReady(Path dir, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Resident> resident = live(dir);
            if (resident.isEmpty() || resident.get().ready()) {
                return resident;
            }
            if (System.nanoTime() - deadline >= 0) {
                return Optional.empty();
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /**
     * What a dead daemon left: its stack is reaped (every recorded process that is still the one recorded is
     * stopped; the broker's data is kept, it is outside the stack directory) and its resident.json removed. Returns
     * what was stopped; empty when there was nothing stale.
     */
    static Optional<List<String>> cleanStale(Path dir, Duration grace) {
        Optional<Resident> recorded = read(dir);
        boolean staleRecord = recorded.isPresent() && !recorded.get().daemonRunning();
        Optional<StackReaper.Reaped> reaped = new StackReaper(grace).reapIfDead(stackDir(dir));
        if (staleRecord) {
            try {
                Files.deleteIfExists(dir.resolve(RECORD));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + dir.resolve(RECORD), e);
            }
        }
        if (!staleRecord && reaped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(reaped.map(StackReaper.Reaped::stopped).orElse(List.of()));
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
