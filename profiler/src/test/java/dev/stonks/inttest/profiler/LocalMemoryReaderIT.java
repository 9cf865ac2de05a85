package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.output.MemoryUsage;
import dev.stonks.inttest.localstack.sandbox.ComponentKind;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.sandbox.SandboxComponent;
import dev.stonks.inttest.localstack.sandbox.SandboxRecord;
import dev.stonks.inttest.localstack.sandbox.SandboxSecrets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory of local service processes, read from /proc of real child processes recorded in a real sandbox directory. */
class LocalMemoryReaderIT {
    private static final String NS = "stonks-inttest-memory";

    @TempDir
    Path root;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void readsRssAndPeakOfEveryRunningServiceAndNamesTheOneThatIsGone() throws Exception {
        // Given two services under test: one running, one that has ended; and an infrastructure process
        Process running = start();
        Process ended = start();
        ProcessIdentity endedIdentity = ProcessIdentity.ofRunning(ended.pid());
        ended.destroyForcibly();
        assertThat(ended.waitFor(10, TimeUnit.SECONDS)).isTrue();
        sandbox(Map.of(
                "query-api", service(ProcessIdentity.ofRunning(running.pid())),
                "trading", service(endedIdentity),
                LocalSandbox.POSTGRES, component(ComponentKind.INFRA, ProcessIdentity.ofRunning(ProcessHandle.current()
                        .pid()))));

        // When
        MemoryReading reading = new LocalMemoryReader(() -> root).read(context());

        // Then
        assertThat(reading.services()).containsOnlyKeys("query-api");
        MemoryUsage memory = reading.services().get("query-api");
        assertThat(memory.source()).isEqualTo("proc");
        assertThat(memory.rssMb()).isPositive();
        assertThat(memory.peakRssMb()).isGreaterThanOrEqualTo(memory.rssMb());
        assertThat(reading.problems()).containsExactly("trading: process " + endedIdentity.pid()
                + " is no longer running");
        assertThat(reading.unavailable()).isEqualTo(reading.problems().get(0));
    }

    @Test
    void aRecycledPidIsNotReadAsTheService() throws Exception {
        // Given a recorded service whose pid now runs another process (recorded start long before it)
        Process other = start();
        ProcessIdentity live = ProcessIdentity.ofRunning(other.pid());
        ProcessIdentity recorded = new ProcessIdentity(other.pid(), live.startedAt().minus(Duration.ofHours(1)),
                live.startTicks() == null ? null : live.startTicks() - 360_000);
        sandbox(Map.of("risk", service(recorded)));

        MemoryReading reading = new LocalMemoryReader(() -> root).read(context());

        assertThat(reading.services()).isEmpty();
        assertThat(reading.unavailable()).isEqualTo("risk: pid " + other.pid()
                + " now belongs to another process (the recorded one is gone)");
    }

    @Test
    void noSandboxIsUnavailableWithTheReason() {
        MemoryReading reading = new LocalMemoryReader(() -> root).read(context());

        assertThat(reading.services()).isEmpty();
        assertThat(reading.unavailable()).startsWith("cannot read the sandbox record of " + NS + ": ")
                .contains("no sandbox");
    }

    @Test
    void theBackendPicksTheLocalReaderAndNeverOpensAKubernetesClient() throws Exception {
        Process running = start();
        sandbox(Map.of("registry", service(ProcessIdentity.ofRunning(running.pid()))));
        ServiceMemoryReader reader = new ServiceMemoryReader(new LocalMemoryReader(() -> root),
                new KubernetesMemoryReader(() -> {
                    throw new AssertionError("a local run must not open a Kubernetes client");
                }));

        MemoryReading reading = reader.read(context());

        assertThat(reading.services()).containsOnlyKeys("registry");
        assertThat(reader.read(new RunContext("latest", NS, false, 1, "nomad", Map.of(), Map.of())).unavailable())
                .isEqualTo("no memory reader for backend 'nomad'");
    }

    private Process start() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }

    private void sandbox(Map<String, SandboxComponent> components) {
        SandboxRecord record = SandboxRecord.create("memory-run", NS, "latest", false, 1, Instant.now(),
                Instant.now().plus(Duration.ofHours(1)));
        for (var e : components.entrySet()) {
            record = record.withComponent(e.getKey(), e.getValue());
        }
        LocalSandbox.create(root, record, SandboxSecrets.generate("stonks", "stonks", "stonks-documents"));
    }

    private SandboxComponent service(ProcessIdentity identity) {
        return component(ComponentKind.SERVICE, identity);
    }

    private SandboxComponent component(ComponentKind kind, ProcessIdentity identity) {
        return SandboxComponent.of(kind, identity, 18080, "http://127.0.0.1:18080", null, root.resolve("x.log"), 1);
    }

    private static RunContext context() {
        return new RunContext("latest", NS, false, 1, RunContext.BACKEND_LOCAL, Map.of(), Map.of());
    }
}
