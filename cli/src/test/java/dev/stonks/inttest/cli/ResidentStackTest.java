package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the resident stack lives, its record, and what a dead daemon left. */
class ResidentStackTest {

    @TempDir
    Path tmp;

    @Test
    void theDirectoryIsUnderDotInttestUnlessTheEnvironmentSaysOtherwise() {
        Path home = Path.of("/repo");
        assertThat(ResidentStack.dir(home, null)).isEqualTo(Path.of("/repo/.inttest/resident"));
        assertThat(ResidentStack.dir(home, " ")).isEqualTo(Path.of("/repo/.inttest/resident"));
        assertThat(ResidentStack.dir(home, "resident-it-1")).isEqualTo(Path.of("/repo/.inttest/resident-it-1"));
        assertThat(ResidentStack.dir(home, "/elsewhere/r")).isEqualTo(Path.of("/elsewhere/r"));
        assertThat(ResidentStack.kafkaDir(Path.of("/r"))).isEqualTo(Path.of("/r/kafka"));
        assertThat(ResidentStack.stackDir(Path.of("/r"))).isEqualTo(Path.of("/r/stack"));
    }

    @Test
    void kafkaKeepsMoreThanAWeek() {
        assertThat(Integer.parseInt(ResidentStack.BROKER_PROPERTIES.get("log.retention.hours")))
                .isGreaterThanOrEqualTo(168);
    }

    @Test
    void theRecordRoundTripsAndNamesALiveDaemon() {
        ProcessIdentity self = ProcessIdentity.ofRunning(ProcessHandle.current().pid());
        ResidentStack.Resident resident = new ResidentStack.Resident(ResidentStack.READY, self.pid(),
                self.startTicks(), Instant.parse("2026-12-01T10:00:00Z"), "127.0.0.1:1", "http://127.0.0.1:2",
                Instant.parse("2026-12-01T10:00:20Z"), "http://127.0.0.1:3", "http://127.0.0.1:4");

        ResidentStack.write(tmp, resident);

        assertThat(ResidentStack.read(tmp)).contains(resident);
        assertThat(ResidentStack.live(tmp)).contains(resident);
        assertThat(ResidentStack.cleanStale(tmp, Duration.ZERO)).isEmpty();
        ResidentStack.remove(tmp, self.pid() + 1); // another daemon's record stays
        assertThat(ResidentStack.read(tmp)).isPresent();
        ResidentStack.remove(tmp, self.pid());
        assertThat(ResidentStack.read(tmp)).isEmpty();
    }

    @Test
    void aRecordOfADeadDaemonIsStaleAndCleanedUp() throws Exception {
        // a pid whose start ticks do not match: another process, or none
        ProcessIdentity self = ProcessIdentity.ofRunning(ProcessHandle.current().pid());
        ResidentStack.write(tmp, new ResidentStack.Resident(ResidentStack.READY, self.pid(), self.startTicks() + 1,
                Instant.now(), "127.0.0.1:1", "http://127.0.0.1:2", Instant.now(), null, null));

        assertThat(ResidentStack.live(tmp)).isEmpty();
        assertThat(ResidentStack.cleanStale(tmp, Duration.ZERO)).isPresent();
        assertThat(Files.exists(tmp.resolve(ResidentStack.RECORD))).isFalse();
        assertThat(ResidentStack.cleanStale(tmp, Duration.ZERO)).isEmpty();
    }

    @Test
    void statusDownAndUpRejectUnknownArguments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThat(Main.run(new String[] {"status", "--jsn"}, o, e)).isEqualTo(2);
        assertThat(Main.run(new String[] {"down", "now"}, o, e)).isEqualTo(2);
        assertThat(Main.run(new String[] {"up", "--fast"}, o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("inttest status: unknown argument: --jsn",
                "inttest down: unknown argument: now", "inttest up: unknown argument: --fast", "Usage: inttest up");
        assertThat(Main.run(new String[] {"status", "--help"}, o, e)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: inttest status [--json]", "3 not up");
    }

    @Test
    void theUserFacingPortsAndTheSecretsAreKeptForTheNextUp() throws Exception {
        ResidentStack.keepPorts(tmp, java.util.Map.of("reporter", 41001, "gateway", 41002, "promoter", 41003));

        assertThat(ResidentStack.keptPorts(tmp)).containsEntry(PipelineService.GATEWAY, 41002)
                .containsEntry(PipelineService.REPORTER, 41001).hasSize(3);
        String secret = ResidentStack.secret(tmp, ResidentStack.WEBHOOK_SECRET);
        assertThat(secret).hasSize(48);
        assertThat(ResidentStack.secret(tmp, ResidentStack.WEBHOOK_SECRET)).isEqualTo(secret);
        assertThat(java.nio.file.Files.getPosixFilePermissions(tmp.resolve("secrets/webhook-secret")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(ResidentStack.keptPorts(tmp.resolve("nowhere"))).isEmpty();
    }

    @Test
    void theTokensFileHoldsTheHashesOfTheAdminAndApproverTokensAndKeepsLinesAPersonAdded() throws Exception {
        java.nio.file.Path file = ResidentStack.tokensFile(tmp);
        String admin = ResidentStack.secret(tmp, ResidentStack.API_TOKEN);
        String adminHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(admin.getBytes(StandardCharsets.UTF_8)));

        String text = java.nio.file.Files.readString(file);
        assertThat(text).contains("admin sha256:" + adminHash
                + " runs:write,promotions:break-glass,promotions:approve,promotions:switch\n")
                .containsPattern("approver sha256:[0-9a-f]{64} promotions:approve\n").doesNotContain(admin);
        assertThat(java.nio.file.Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        java.nio.file.Files.writeString(file, "bob sha256:" + "a".repeat(64) + " runs:write\n",
                java.nio.file.StandardOpenOption.APPEND);
        java.nio.file.Files.delete(tmp.resolve("secrets/api-token"));
        String again = java.nio.file.Files.readString(ResidentStack.tokensFile(tmp));

        assertThat(again).contains("bob sha256:" + "a".repeat(64) + " runs:write").doesNotContain(adminHash);
        assertThat(again.lines().filter(l -> l.startsWith("admin "))).hasSize(1);
    }
}
