package dev.stonks.inttest.provisioner.local;

import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.events.output.ComponentStatus;
import dev.stonks.inttest.events.output.ServicesOutput;
import dev.stonks.inttest.localstack.FreePorts;
import dev.stonks.inttest.localstack.HttpReadiness;
import dev.stonks.inttest.localstack.ProcessControl;
import dev.stonks.inttest.localstack.QuarkusAppLaunch;
import dev.stonks.inttest.localstack.StartFailedException;
import dev.stonks.inttest.localstack.sandbox.ComponentKind;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.sandbox.SandboxComponent;
import dev.stonks.inttest.localstack.sandbox.SandboxCredentials;
import dev.stonks.inttest.localstack.sandbox.SandboxRecord;
import dev.stonks.inttest.provisioner.backend.FailureKinds;
import dev.stonks.inttest.provisioner.backend.ServicesDeployment;
import dev.stonks.inttest.provisioner.target.TargetSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * The services under test of a local sandbox: every service of the target from one build, launched in parallel on
 * ports chosen up front (so each knows the others' URLs), recorded in sandbox.json before any wait, then awaited.
 */
final class LocalServices {
    private static final Logger LOG = Logger.getLogger(LocalServices.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Path ENV = Files.isExecutable(Path.of("/usr/bin/env")) ? Path.of("/usr/bin/env")
            : Path.of("/bin/env");

    private final LocalSettings settings;
    private final TargetSystem target;
    private final Executor executor;

    LocalServices(LocalSettings settings, TargetSystem target, Executor executor) {
        this.settings = settings;
        this.target = target;
        this.executor = executor;
    }

    /** Launches every service from {@code jar}; fails with {@code service_not_ready} naming each one not ready. */
    ServicesDeployment start(String runId, int attempt, String imageTag, LocalSandbox sandbox, Path jar) {
        SandboxCredentials credentials = sandbox.credentials();
        List<String> names = target.services();
        List<Integer> ports = FreePorts.pick(names.size());
        Map<String, String> urls = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            urls.put(names.get(i), "http://127.0.0.1:" + ports.get(i));
        }
        Map<String, CompletableFuture<SandboxComponent>> ready = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int port = ports.get(i);
            long t0 = System.nanoTime();
            Process process = launch(sandbox, name, jar, target.environment(name, port, credentials, urls));
            SandboxComponent launched = SandboxComponent.of(ComponentKind.SERVICE, identity(process), port,
                    urls.get(name), null, sandbox.serviceLog(name), attempt);
            sandbox.update(r -> r.withComponent(name, launched));
            LOG.infof("run %s: %s launched (pid %d) on %s", runId, name, process.pid(), urls.get(name));
            ready.put(name, CompletableFuture.supplyAsync(() -> {
                awaitReady(process, URI.create(urls.get(name) + target.readinessPath()), sandbox.serviceLog(name));
                SandboxComponent up = launched.withReadyS((System.nanoTime() - t0) / 1e9);
                sandbox.update(r -> r.withComponent(name, up));
                LOG.infof("run %s: %s ready in %.1f s", runId, name, up.readyS());
                return up;
            }, executor));
        }
        List<String> failures = new ArrayList<>();
        ready.forEach((name, future) -> {
            try {
                future.join();
            } catch (RuntimeException e) {
                failures.add(Failures.describe(name, e, sandbox.serviceLog(name), settings.logTailLines()));
            }
        });
        if (!failures.isEmpty()) {
            LOG.errorf("run %s: services of %s not ready:%n%s", runId, sandbox.namespace(),
                    String.join(System.lineSeparator(), failures));
            throw new StageFailedException(FailureKinds.SERVICE_NOT_READY, "not ready within "
                    + settings.serviceReadyTimeout().toSeconds() + " s: " + String.join("; ", failures));
        }
        return deployment(sandbox.reload(), imageTag, jar);
    }

    /**
     * Whether the record's services are all of {@code attempt}, still the very processes recorded, and ready now:
     * then a redelivered trigger only reports them again.
     */
    boolean areReady(SandboxRecord record, int attempt) {
        Map<String, SandboxComponent> services = record.components(ComponentKind.SERVICE);
        if (!services.keySet().equals(new HashSet<>(target.services()))) {
            return false;
        }
        for (SandboxComponent c : services.values()) {
            if (c.attempt() != attempt || c.readyS() == null || !c.isRunning() || !answers200(c.endpoint())) {
                return false;
            }
        }
        return true;
    }

    ServicesDeployment deployment(SandboxRecord record, String imageTag, Path jar) {
        Map<String, ComponentStatus> statuses = new TreeMap<>();
        Map<String, String> urls = new TreeMap<>();
        record.components(ComponentKind.SERVICE).forEach((name, c) -> {
            statuses.put(name, new ComponentStatus(c.endpoint(), c.readyS() == null ? 0 : c.readyS(), c.pid()));
            urls.put(name, c.endpoint());
        });
        return new ServicesDeployment(new ServicesOutput(imageTag, jar.toString(), statuses), urls);
    }

    /**
     * {@code java <options> -jar <jar>} detached (own session, output appended to the service's log), in the service's
     * working directory (the jar's when its class-data archive is used: {@link QuarkusAppLaunch}), with the target's
     * environment and without the inherited variables the target isolates
     * ({@code env -u}, which execs in place: the pid stays the JVM's).
     */
    private Process launch(LocalSandbox sandbox, String name, Path jar, Map<String, String> env) {
        Path workDir = sandbox.serviceDir(name);
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDir, e);
        }
        List<String> command = new ArrayList<>();
        List<String> inherited = System.getenv().keySet().stream().filter(key -> !env.containsKey(key)
                && target.isolatedEnvironmentPrefixes().stream().anyMatch(key::startsWith)).sorted().toList();
        if (!inherited.isEmpty()) {
            command.add(ENV.toString());
            inherited.forEach(key -> {
                command.add("-u");
                command.add(key);
            });
        }
        QuarkusAppLaunch launch = QuarkusAppLaunch.of(settings.serviceJvmOptions(), jar, workDir);
        command.addAll(launch.command());
        return ProcessControl.start(command, sandbox.serviceLog(name), env, launch.workingDirectory());
    }

    /** Waits for 200 on the readiness URI; fails at once, with the exit code, when the process dies. */
    private void awaitReady(Process process, URI readyUri, Path log) {
        try {
            HttpReadiness.await(readyUri, settings.serviceReadyTimeout(), process.toHandle(), log);
        } catch (StartFailedException e) {
            String exit = process.isAlive() ? "" : "exited with code " + exitCode(process) + "; ";
            throw new IllegalStateException(exit + Failures.firstLine(e.getMessage()), e);
        }
    }

    private static int exitCode(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The launched process's identity; one that died at once still gets a record (it will never look alive). */
    private static ProcessIdentity identity(Process process) {
        return ProcessIdentity.of(process.pid()).orElseGet(() -> new ProcessIdentity(process.pid(),
                process.info().startInstant().orElse(Instant.now()), null));
    }

    private boolean answers200(String baseUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + target.readinessPath()))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
