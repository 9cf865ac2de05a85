package dev.stonks.inttest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.TopicReader;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.stack.StackFile;
import dev.stonks.inttest.localstack.stack.StackRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident stack on real processes, through {@code bin/inttest} as a developer uses it: up, status (seven services,
 * the history database and the artifact store), up again, a signed GitHub push to its gateway and a run that attaches
 * (side by side), both verdicts, the promoter's local record, down (nothing left, every data directory kept), up again
 * with the earlier runs still there and the gateway on the same URL, down. It uses its own resident directory
 * ({@code INTTEST_RESIDENT_DIR}), so a developer's resident stack is not touched.
 */
class ResidentStackIT {
    private static final Path HOME = ResidentCli.HOME;
    /** The pushed commit: the image tag of the webhook's run, a build under the test's builds directory. */
    private static final String SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private ResidentCli cli;
    private Path residentDir;

    @BeforeEach
    void residentStackOfItsOwn() throws IOException {
        cli = new ResidentCli(tmp, "resident-it");
        residentDir = cli.residentDir();
        cli.buildAs(SHA);
    }

    @AfterEach
    void downAndRemoveTheDirectory() throws Exception {
        cli.downAndRemove();
    }

    @Test
    void upStatusRunAttachedDownAndUpAgainWithTheEventsKept() throws Exception {
        // up: returns once ready
        ResidentCli.Result up = cli.inttest(Duration.ofMinutes(4), "up");
        assertThat(up.exit()).as(up.output()).isZero();
        assertThat(up.output()).contains("resident stack: up in", "reporter: http://127.0.0.1:");
        ResidentStack.Resident resident = ResidentStack.read(residentDir).orElseThrow();
        assertThat(resident.ready()).isTrue();

        Path secretFile = residentDir.resolve("secrets/webhook-secret");
        assertThat(up.output()).contains("webhook:  POST " + resident.gatewayUrl() + "/webhooks/github",
                secretFile.toString());

        // status --json: seven services, all ready; the history database and the artifact store running
        ResidentCli.Result status = cli.inttest(Duration.ofSeconds(60), "status", "--json");
        assertThat(status.exit()).as(status.output()).isZero();
        JsonNode doc = Json.MAPPER.readTree(status.output());
        assertThat(doc.get("stack").asText()).isEqualTo("resident");
        assertThat(doc.get("bootstrap_servers").asText()).isEqualTo(resident.bootstrapServers());
        assertThat(doc.get("services")).extracting(s -> s.get("name").asText()).containsExactlyInAnyOrder(
                "provisioner", "seeder", "tester", "profiler", "reporter", "gateway", "promoter");
        doc.get("services").forEach(s -> assertThat(s.get("ready").asBoolean()).as(s.toString()).isTrue());
        assertThat(doc.get("components")).extracting(c -> c.get("name").asText()).containsExactlyInAnyOrder(
                "history-db", "artifacts");
        doc.get("components").forEach(c -> assertThat(c.get("running").asBoolean()).as(c.toString()).isTrue());
        assertThat(doc.get("gateway_url").asText()).isEqualTo(resident.gatewayUrl());
        assertThat(doc.get("promoter_url").asText()).isEqualTo(resident.promoterUrl());
        assertThat(doc.get("runs_in_flight").isArray()).isTrue();

        // up again: says where it is, starts nothing
        ResidentCli.Result again = cli.inttest(Duration.ofSeconds(60), "up");
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("already up (daemon pid " + resident.pid(),
                resident.reporterUrl());

        // a push signed with the generated secret: the gateway requests a run on this stack
        HttpResponse<String> push = pushDelivery(resident.gatewayUrl(), Files.readString(secretFile).strip());
        assertThat(push.statusCode()).as(push.body()).isEqualTo(202);
        String webhookRun = Json.MAPPER.readTree(push.body()).get("run_id").asText();

        // meanwhile a run attaches: no stack of its own, the same results file as a one-shot run
        String namespace = "stonks-inttest-rsit-" + ResidentCli.random();
        Path results = tmp.resolve("r.json");
        ResidentCli.Result run = cli.inttest(Duration.ofMinutes(6), "run", "--namespace", namespace, "--results-file",
                results.toString());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("stack: attached to the resident stack (pid " + resident.pid() + ", kafka "
                + resident.bootstrapServers() + ")");
        assertThat(run.output()).doesNotContain("kafka ready on", "services ready");
        assertThat(HOME.resolve(".inttest/stacks").resolve(namespace)).doesNotExist();
        JsonNode r = Json.MAPPER.readTree(Files.readString(results));
        assertThat(r.get("run_id").asText()).isEqualTo(namespace);
        assertThat(r.get("exit_code").asInt()).isZero();
        assertThat(RunCommand.pageFor(results)).isRegularFile();

        // the webhook's run got its verdict, the reporter has it, and the promoter recorded it (nothing deployed)
        JsonNode verdict = awaitEvent(resident.bootstrapServers(), webhookRun, "run.verdict");
        assertThat(verdict.path("exit_code").asInt()).as(verdict.toString()).isZero();
        assertThat(verdict.path("results").path("image_tag").asText()).isEqualTo(SHA);
        assertThat(get(resident.reporterUrl() + "/api/runs/" + webhookRun).statusCode()).isEqualTo(200);
        // its JUnit XML went through the stack's artifact store (the tester's upload, the reporter serves it)
        String junitUrl = resident.reporterUrl() + "/api/runs/" + webhookRun + "/artifacts/junit.xml";
        assertThat(verdict.path("results").path("artifacts").findValuesAsText("url")).contains(junitUrl);
        assertThat(get(junitUrl).body()).contains("<testsuite");
        JsonNode decided = awaitEvent(resident.bootstrapServers(), webhookRun, "promotion.decided");
        assertThat(decided.path("backend").asText()).isEqualTo("local");

        // down: the daemon and every process of stack.json (services, kafka, history-db, artifacts, guard) are gone;
        // every data directory stays
        StackRecord stack = StackFile.read(ResidentStack.stackDir(residentDir)).orElseThrow();
        List<ProcessIdentity> processes = new ArrayList<>(stack.processes().values());
        assertThat(stack.processes()).containsKeys("gateway", "promoter", "history-db", "artifacts", "kafka",
                "guard");
        processes.add(new ProcessIdentity(resident.pid(), null, resident.startTicks()));
        ResidentCli.Result down = cli.inttest(Duration.ofMinutes(3), "down");
        assertThat(down.exit()).as(down.output()).isZero();
        assertThat(down.output()).contains("resident stack: down in", "no process of it is left");
        assertThat(processes).as("processes of the stack still running").noneMatch(ProcessIdentity::isRunning);
        assertThat(ResidentStack.kafkaDir(residentDir).resolve("data")).isDirectory();
        Path pgVersion = residentDir.resolve("history-db/data/PG_VERSION");
        assertThat(pgVersion).isRegularFile();
        assertThat(residentDir.resolve("artifacts/data")).isDirectory();
        assertThat(residentDir.resolve("promoter/environments.json")).content().contains(webhookRun);
        FileTime pgCreated = Files.getLastModifiedTime(pgVersion);
        ResidentCli.Result after = cli.inttest(Duration.ofSeconds(60), "status");
        assertThat(after.exit()).as(after.output()).isEqualTo(ResidentCommands.NOT_UP);
        assertThat(after.output()).contains("resident stack: not up");

        // up again: the first run's verdict is still on the topic
        ResidentCli.Result up2 = cli.inttest(Duration.ofMinutes(4), "up");
        assertThat(up2.exit()).as(up2.output()).isZero();
        ResidentStack.Resident second = ResidentStack.read(residentDir).orElseThrow();
        assertThat(second.pid()).isNotEqualTo(resident.pid());
        assertThat(TopicReader.readAll(second.bootstrapServers(), Topics.VERDICTS, Duration.ofSeconds(30)))
                .anyMatch(record -> namespace.equals(record.key()));
        // the same history database (not a new cluster), and the webhook at the same URL
        assertThat(Files.getLastModifiedTime(pgVersion)).isEqualTo(pgCreated);
        assertThat(get(second.reporterUrl() + "/api/runs/" + webhookRun).statusCode()).isEqualTo(200);
        assertThat(get(second.reporterUrl() + "/api/runs/" + webhookRun + "/artifacts/junit.xml").body())
                .as("the artifact store's data kept").contains("<testsuite");
        assertThat(second.gatewayUrl()).isEqualTo(resident.gatewayUrl());

        ResidentCli.Result down2 = cli.inttest(Duration.ofMinutes(3), "down");
        assertThat(down2.exit()).as(down2.output()).isZero();
        ResidentCli.Result downAgain = cli.inttest(Duration.ofSeconds(60), "down");
        assertThat(downAgain.exit()).isZero();
        assertThat(downAgain.output()).contains("resident stack: not up");
    }


    /** A GitHub push of {@link #SHA} to main, signed as GitHub signs it (HMAC-SHA256 of the raw body). */
    private static HttpResponse<String> pushDelivery(String gatewayUrl, String secret) throws Exception {
        byte[] body = ("{\"ref\": \"refs/heads/main\", \"after\": \"" + SHA + "\", \"deleted\": false, "
                + "\"repository\": {\"full_name\": \"stonks/stonks\"}, \"sender\": {\"login\": \"octocat\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/webhooks/github"))
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", java.util.UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first event of {@code run} on inttest.verdicts whose CloudEvent type contains {@code type}. */
    private static JsonNode awaitEvent(String bootstrap, String run, String type) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            for (var record : TopicReader.readAll(bootstrap, Topics.VERDICTS, Duration.ofSeconds(10))) {
                var header = record.headers().lastHeader("ce_type");
                if (run.equals(record.key()) && header != null && new String(header.value(),
                        StandardCharsets.UTF_8).contains(type)) {
                    return Json.MAPPER.readTree(record.value());
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no " + type + " of " + run + " within 3 min");
    }

}
