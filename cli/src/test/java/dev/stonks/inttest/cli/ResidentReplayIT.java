package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.SandboxTeardown;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay and cancel on the resident stack, through {@code bin/inttest} as a person uses them: a run with
 * {@code --skip-teardown}, a replay from integration_tests (attempt 2 in the results, earlier stages kept), a replay
 * from service_deploy at another build into the same seeded sandbox (attempt 3), the gateway's replay door refusing
 * bad input and an unknown run, a run requested through the gateway and cancelled with {@code inttest cancel} (who and
 * why in the reporter's list), then a run that was torn down: its replay is refused naming infra_deploy; a cancel
 * of a finished run is refused; after down, replay says the resident stack is needed.
 */
class ResidentReplayIT {
    private static final String OTHER_BUILD = "build-2";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private ResidentCli cli;
    private Path residentDir;

    @BeforeEach
    void residentStackOfItsOwn() throws IOException {
        cli = new ResidentCli(tmp, "resident-replay-it");
        residentDir = cli.residentDir();
        cli.buildAs("latest");
        cli.buildAs(OTHER_BUILD);
    }

    @AfterEach
    void downAndRemoveTheDirectory() throws Exception {
        try {
            // the skip-teardown sandbox outlives the stack (the TTL reaper keeps it); this test removes it itself
            cli.inttest(Duration.ofMinutes(3), "down");
            Path sandboxes = cli.sandboxes();
            if (Files.isDirectory(sandboxes)) {
                try (Stream<Path> dirs = Files.list(sandboxes)) {
                    for (Path d : dirs.filter(d -> Files.isRegularFile(d.resolve(LocalSandbox.MARKER_FILE))).toList()) {
                        new SandboxTeardown(Duration.ofSeconds(10), Executors.newCachedThreadPool())
                                .remove(LocalSandbox.open(sandboxes, d.getFileName().toString()));
                    }
                }
            }
        } finally {
            cli.downAndRemove();
        }
    }

    @Test
    void replayFromAStageOfAKeptSandboxAnotherBuildAndTheRefusals() throws Exception {
        ResidentCli.Result up = cli.inttest(Duration.ofMinutes(4), "up");
        assertThat(up.exit()).as(up.output()).isZero();
        ResidentStack.Resident resident = ResidentStack.read(residentDir).orElseThrow();

        // a run whose sandbox is kept
        String kept = "stonks-inttest-rp-" + ResidentCli.random();
        Path first = tmp.resolve("first.json");
        ResidentCli.Result run = cli.inttest(Duration.ofMinutes(6), "run", "--namespace", kept, "--skip-teardown", "--results-file",
                first.toString());
        assertThat(run.exit()).as(run.output()).isZero();

        // replay from integration_tests: attempt 2 of the tests, profiling and teardown; the setup stages kept
        Path second = tmp.resolve("second.json");
        ResidentCli.Result replay = cli.inttest(Duration.ofMinutes(5), "replay", "--run-id", kept, "--from-stage",
                "integration_tests", "--results-file", second.toString());
        JsonNode r1 = Json.MAPPER.readTree(Files.readString(first));
        assertThat(replay.output()).contains("as attempt 2", "re-emitted service_deploy's completion as attempt 2",
                "integration_tests  started   (attempt 2)");
        JsonNode r2 = Json.MAPPER.readTree(Files.readString(second));
        // the exit code is the new verdict's; the write suites of attempt 1 left the seeded data as they found it, so
        // every test passes again in the same sandbox
        assertThat(replay.exit()).as(replay.output()).isEqualTo(r2.path("exit_code").asInt());
        assertThat(r2.path("exit_code").asInt()).as(r2.path("failures").toString()).isZero();
        assertThat(r2.path("tests").path("total").asInt()).isEqualTo(r1.path("tests").path("total").asInt());
        assertThat(r2.path("attempt").asInt()).isEqualTo(2);
        assertThat(r2.path("stages").path("integration_tests").path("attempt").asInt()).isEqualTo(2);
        assertThat(r2.path("stages").path("integration_tests").path("attempts")).hasSize(2);
        assertThat(r2.path("stages").path("seed_data").path("attempt").asInt()).isEqualTo(1);
        assertThat(r2.path("tests").path("passed").asInt()).isEqualTo(r2.path("tests").path("total").asInt());
        assertThat(RunCommand.pageFor(second)).isRegularFile();

        // replay from service_deploy at another build, into the same seeded sandbox: attempt 3
        Path third = tmp.resolve("third.json");
        ResidentCli.Result rebuild = cli.inttest(Duration.ofMinutes(5), "replay", "--run-id", kept, "--from-stage", "service_deploy",
                "--image-tag", OTHER_BUILD, "--results-file", third.toString());
        JsonNode r3 = Json.MAPPER.readTree(Files.readString(third));
        assertThat(rebuild.exit()).as(rebuild.output()).isEqualTo(r3.path("exit_code").asInt());
        assertThat(r3.path("exit_code").asInt()).as(r3.path("failures").toString()).isZero();
        assertThat(r3.path("attempt").asInt()).isEqualTo(3);
        assertThat(r3.path("image_tag").asText()).isEqualTo(OTHER_BUILD);
        assertThat(r3.path("stages").path("service_deploy").path("attempt").asInt()).isEqualTo(3);
        assertThat(r3.path("stages").path("seed_data").path("attempt").asInt()).isEqualTo(1);

        // the gateway's replay door (admin token): bad input 400, an unknown run 404, a tag after deploy 400
        String token = Files.readString(residentDir.resolve("secrets/api-token")).strip();
        assertThat(replayDoor(resident, kept, "{\"from_stage\": \"deploy\"}", token).statusCode()).isEqualTo(400);
        assertThat(replayDoor(resident, "stonks-inttest-nobody", "{\"from_stage\": \"seed_data\"}", token)
                .statusCode()).isEqualTo(404);
        HttpResponse<String> tagLate = replayDoor(resident, kept,
                "{\"from_stage\": \"profiling\", \"image_tag\": \"x\"}", token);
        assertThat(tagLate.statusCode()).as(tagLate.body()).isEqualTo(400);
        assertThat(replayDoor(resident, kept, "{\"from_stage\": \"profiling\"}", null).statusCode()).isEqualTo(401);

        // cancel from the CLI: a run requested through the gateway, cancelled in flight; the history says who and why
        HttpResponse<String> requested = HTTP.send(HttpRequest.newBuilder(URI.create(resident.gatewayUrl()
                + "/api/runs")).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"image_tag\": \"latest\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String doomed = Json.MAPPER.readTree(requested.body()).path("run_id").asText();
        awaitKnown(resident, doomed);
        ResidentCli.Result cancelled = cli.inttest(Duration.ofMinutes(2), "cancel", "--run-id", doomed, "--reason", "wrong tag");
        assertThat(cancelled.exit()).as(cancelled.output()).isZero();
        assertThat(cancelled.output()).contains("cancelled by cli:", "wrong tag");
        JsonNode list = Json.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(resident.reporterUrl()
                + "/api/runs?status=cancelled")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(list.path("items").get(0).path("run_id").asText()).isEqualTo(doomed);
        assertThat(list.path("items").get(0).path("cancelled_by").asText()).startsWith("cli:");
        assertThat(list.path("items").get(0).path("cancel_reason").asText()).isEqualTo("wrong tag");

        // a run that was torn down: its replay is refused at once, naming the stage that recreates the sandbox
        String gone = "stonks-inttest-rg-" + ResidentCli.random();
        ResidentCli.Result torn = cli.inttest(Duration.ofMinutes(6), "run", "--namespace", gone, "--results-file",
                tmp.resolve("gone.json").toString());
        assertThat(torn.exit()).as(torn.output()).isZero();
        ResidentCli.Result refused = cli.inttest(Duration.ofSeconds(60), "replay", "--run-id", gone, "--from-stage",
                "integration_tests");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.output()).contains("sandbox of run " + gone + " is gone", "replay from infra_deploy");
        HttpResponse<String> doorRefused = replayDoor(resident, gone, "{\"from_stage\": \"seed_data\"}", token);
        assertThat(doorRefused.statusCode()).isEqualTo(409);
        assertThat(doorRefused.body()).contains("replay from infra_deploy");

        // an unknown stage, and a cancel of a finished run: refused with the reason
        ResidentCli.Result badStage = cli.inttest(Duration.ofSeconds(60), "replay", "--run-id", gone, "--from-stage", "deploy");
        assertThat(badStage.exit()).isEqualTo(2);
        assertThat(badStage.output()).contains("unknown stage 'deploy'");
        ResidentCli.Result cancel = cli.inttest(Duration.ofSeconds(60), "cancel", "--run-id", gone);
        assertThat(cancel.exit()).isEqualTo(2);
        assertThat(cancel.output()).contains("is finished", "nothing to cancel");

        // without the resident stack, replay says what it needs
        assertThat(cli.inttest(Duration.ofMinutes(3), "down").exit()).isZero();
        ResidentCli.Result noStack = cli.inttest(Duration.ofSeconds(60), "replay", "--run-id", kept, "--from-stage", "profiling");
        assertThat(noStack.exit()).isEqualTo(2);
        assertThat(noStack.output()).contains("no resident stack is up", "bin/inttest up");
    }

    /** Until the reporter's history has the run (its row is written when the request arrives). */
    private static void awaitKnown(ResidentStack.Resident resident, String run) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (HTTP.send(HttpRequest.newBuilder(URI.create(resident.reporterUrl() + "/api/runs/" + run)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the reporter never knew run " + run);
    }

    private static HttpResponse<String> replayDoor(ResidentStack.Resident resident, String run, String body,
            String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(resident.gatewayUrl() + "/api/runs/" + run
                + "/replay")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("[replay door " + run + " " + body + "] " + r.statusCode() + " " + r.body());
        return r;
    }


}
