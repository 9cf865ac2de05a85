package dev.stonks.inttest.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunEvent;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.gateway.testing.KafkaBrokerResource;
import dev.stonks.inttest.gateway.testing.PushPayloads;
import dev.stonks.inttest.gateway.testing.RunsTopic;
import dev.stonks.inttest.gateway.testing.TestTokens;
import dev.stonks.inttest.gateway.webhook.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input, generated (jqwik's arbitraries, sampled here because the jqwik engine does not start Quarkus), sent
 * over HTTP to the gateway on a real broker. For every surface: never a 5xx; a request is accepted exactly when the
 * generator built a valid one; and what reached {@code inttest.runs} is exactly one event per accepted request
 * (refusals emit nothing). The case counts are printed and written to target/property-counts/gateway.txt.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class GatewayHostileInputIT {
    static final int CASES = 250;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final WebhookSignature SIGNATURE = new WebhookSignature(KafkaBrokerResource.WEBHOOK_SECRET);
    private static final Map<String, Integer> COUNTS = new TreeMap<>();

    @TestHTTPResource("/")
    URI base;

    private RunsTopic runs;
    private Map<TopicPartition, Long> mark;

    @BeforeEach
    void markTheTopic() {
        runs = new RunsTopic(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        mark = runs.mark();
    }

    @AfterEach
    void close() {
        runs.close();
    }

    @AfterAll
    static void recordCounts() throws IOException {
        StringBuilder lines = new StringBuilder();
        COUNTS.forEach((surface, n) -> lines.append(surface).append(' ').append(n).append('\n'));
        System.out.print("generated cases per surface (gateway):\n" + lines);
        Path dir = Files.createDirectories(Path.of("target", "property-counts"));
        Files.writeString(dir.resolve("gateway.txt"), lines);
    }

    /** Authorization headers: only the ci token passes; everything else is 401 and emits nothing. */
    @Test
    void hostileAuthorizationHeaders() throws Exception {
        Arbitrary<String> headers = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().ascii().ofMaxLength(300).map(s -> "Bearer " + s),
                Arbitraries.integers().between(0, TestTokens.CI.length() - 1).map(n -> "Bearer "
                        + TestTokens.CI.substring(0, n)),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4).map(s -> "Bearer " + TestTokens.CI + s),
                Arbitraries.of("Basic ", "Token ", "Bearer:", "Bearer\t", "Bearer=").map(s -> s + TestTokens.CI),
                Arbitraries.just("Bearer " + dev.stonks.inttest.support.auth.TokenHash.of(TestTokens.CI)));
        int accepted = 0;
        List<String> cases = headers.sampleStream().limit(CASES).toList();
        for (String header : cases) {
            Map<String, String> h = new HashMap<>(Map.of("Content-Type", "application/json"));
            if (header != null && header.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\t')) {
                h.put("Authorization", header);
            }
            HttpResponse<String> response = post("api/runs", "{\"image_tag\": \"v1\"}".getBytes(StandardCharsets.UTF_8),
                    h);
            assertNo5xx(response);
            boolean valid = header != null && h.containsKey("Authorization")
                    && header.strip().matches("(?i:bearer) +" + java.util.regex.Pattern.quote(TestTokens.CI));
            assertThat(response.statusCode()).as(header).isEqualTo(valid ? 202 : 401);
            accepted += valid ? 1 : 0;
        }
        assertThat(runs.since(mark)).hasSize(accepted);
        COUNTS.put("authorization-header", cases.size());
    }

    /** Run request bodies built from pools of valid and invalid field values, and garbage. */
    @Test
    void hostileRunRequestBodies() throws Exception {
        Arbitrary<Field> imageTag = field("image_tag", Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(40).map(Valid::of),
                Arbitraries.of("", " ", "a b", "-x", "v1/evil", "x".repeat(129), "tag\n", "ü").map(Invalid::of),
                Arbitraries.of(1, true, List.of()).map(Invalid::of)));
        Arbitrary<Field> namespace = field("namespace", Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20)
                        .map(s -> Valid.of("stonks-inttest-" + s)),
                Arbitraries.of("default", "kube-system", "stonks-inttest-", "stonks-inttest-UP", "stonks-inttest-"
                        + "x".repeat(60), "../etc").map(Invalid::of),
                Arbitraries.of(7, false).map(Invalid::of)));
        Arbitrary<Field> scale = field("scale", Arbitraries.oneOf(
                Arbitraries.integers().between(1, 1000).map(Valid::of),
                Arbitraries.oneOf(Arbitraries.integers().between(-5, 0), Arbitraries.integers().between(1001, 99999))
                        .map(Invalid::of),
                Arbitraries.of("2", 1.5, Long.MAX_VALUE).map(Invalid::of)));
        Arbitrary<Field> backend = field("backend", Arbitraries.oneOf(
                Arbitraries.of("local", "kubernetes").map(Valid::of),
                Arbitraries.of("docker", "LOCAL", "", 3).map(Invalid::of)));
        Arbitrary<Field> skip = field("skip_teardown", Arbitraries.oneOf(
                Arbitraries.of(true, false).map(Valid::of), Arbitraries.of("yes", 1).map(Invalid::of)));
        Arbitrary<Field> who = field("requested_by", Arbitraries.strings().alpha().ofMaxLength(20)
                .map(Invalid::of)); // who asks is the token's: any requested_by is refused
        Arbitrary<Field> unknown = field("scael", Arbitraries.just(Invalid.of(2)));
        Arbitrary<GeneratedBody> structured = Combinators.combine(imageTag.injectNull(0.1), namespace.injectNull(0.5),
                scale.injectNull(0.5), backend.injectNull(0.5), skip.injectNull(0.5), who.injectNull(0.9),
                unknown.injectNull(0.95)).as(GeneratedBody::of);
        Arbitrary<GeneratedBody> garbage = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("null", "[]", "\"x\"", "{\"image_tag\": \"v1\"} {}", "{\"image_tag\": \"v1\"",
                        "{\"image_tag\": \"v1\", \"image_tag\": \"a b\"}"))
                .map(s -> new GeneratedBody(s, false));
        List<GeneratedBody> cases = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, structured),
                net.jqwik.api.Tuple.of(1, garbage)).sampleStream().limit(CASES).toList();
        List<String> acceptedRunIds = new ArrayList<>();
        for (GeneratedBody body : cases) {
            HttpResponse<String> response = api("api/runs", body.json());
            assertNo5xx(response);
            assertThat(response.statusCode()).as(body.json() + " -> " + response.body())
                    .isEqualTo(body.valid() ? 202 : 400);
            if (response.statusCode() == 202) {
                acceptedRunIds.add(json(response).path("run_id").asText());
            } else {
                assertThat(response.headers().firstValue("Content-Type")).get().asString()
                        .startsWith("application/problem+json");
            }
        }
        List<RunEvent> emitted = events();
        assertThat(emitted).allSatisfy(e -> {
            assertThat(e).isInstanceOf(RunRequested.class);
            assertThat(((RunRequested) e).requestedBy()).isEqualTo("ci");
            Names.requireImageTag(((RunRequested) e).imageTag());
        });
        assertThat(emitted.stream().map(RunEvent::runId).sorted().toList())
                .isEqualTo(acceptedRunIds.stream().sorted().toList());
        COUNTS.put("run-request-body", cases.size());
    }

    /** Cancel: generated run ids in the path and reasons in the body. */
    @Test
    void hostileCancelRequests() throws Exception {
        Arbitrary<Object[]> runId = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(40)
                        .map(s -> new Object[] {"stonks-inttest-" + s, true}),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(80)
                        .map(s -> new Object[] {s, Names.isDnsLabel(s)}));
        Arbitrary<Object[]> reason = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars(' ', '.', '\n').ofMaxLength(200)
                        .map(s -> new Object[] {Json.MAPPER.createObjectNode().put("reason", s).toString(), true}),
                Arbitraries.just(new Object[] {"", true}),
                Arbitraries.strings().withChars('\u0000', '\u0007', '\u001b').ofMinLength(1).ofMaxLength(5)
                        .map(s -> new Object[] {Json.MAPPER.createObjectNode().put("reason", "x" + s).toString(),
                                false}),
                Arbitraries.just(new Object[] {"{\"reason\": \"" + "r".repeat(1001) + "\"}", false}),
                Arbitraries.of("{\"reason\": 5}", "{\"why\": \"x\"}", "[", "{\"requested_by\": \"mallory\"}")
                        .map(s -> new Object[] {s, false}));
        List<Object[][]> cases = Combinators.combine(runId, reason).as((r, b) -> new Object[][] {r, b})
                .sampleStream().limit(CASES).toList();
        List<String> accepted = new ArrayList<>();
        for (Object[][] c : cases) {
            String id = (String) c[0][0];
            String path = "api/runs/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")
                    + "/cancel";
            HttpResponse<String> response = api(path, (String) c[1][0]);
            assertNo5xx(response);
            boolean valid = (boolean) c[0][1] && (boolean) c[1][1];
            if (valid) {
                assertThat(response.statusCode()).as(id + " " + c[1][0] + " -> " + response.body()).isEqualTo(202);
                accepted.add(id);
            } else {
                assertThat(response.statusCode()).as(id + " " + c[1][0] + " -> " + response.body())
                        .isBetween(400, 499);
            }
        }
        List<RunEvent> emitted = events();
        assertThat(emitted).allSatisfy(e -> assertThat(((RunCancelRequested) e).requestedBy()).isEqualTo("ci"));
        assertThat(emitted.stream().map(RunEvent::runId).sorted().toList()).isEqualTo(accepted.stream().sorted()
                .toList());
        COUNTS.put("cancel-request", cases.size());
    }

    /**
     * Replay: generated run ids in the path and replay bodies (from_stage, image_tag, fields the door does not take,
     * garbage). Without a reporter (no REPLAY_REPORTER_URL here) a valid request is 503 replay-not-configured, an
     * invalid one 400 with a problem body; either way nothing reaches inttest.runs.
     */
    @Test
    void hostileReplayRequests() throws Exception {
        // valid values weighted up, so that a fair share of whole requests is valid
        Arbitrary<Object[]> runId = Arbitraries.frequencyOf(Tuple.of(3,
                Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(40)
                        .map(s -> new Object[] {"stonks-inttest-" + s, true})), Tuple.of(1,
                // prefixed so that no id is "." or ".." (a path, not an id); '/' stays out for the same reason
                Arbitraries.strings().withChars("aZ09_.-: \u00fc%").ofMinLength(1).ofMaxLength(70)
                        .map(s -> "r" + s).map(s -> new Object[] {s, isRunId(s)})));
        Arbitrary<Field> fromStage = field("from_stage", Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(Stage.values()).map(st -> Valid.of(st.id()))),
                Tuple.of(1, Arbitraries.of("", " ", "INTEGRATION_TESTS", "integration-tests", "integration_tests ",
                        "deploy", "teardown\n", "x".repeat(300)).map(Invalid::of)),
                Tuple.of(1, Arbitraries.of(1, true, List.of("seed_data"), Map.of("id", "seed_data"))
                        .map(Invalid::of))));
        Arbitrary<Field> imageTag = field("image_tag", Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(40)
                        .map(Valid::of)),
                Tuple.of(1, Arbitraries.of("", " ", "a b", "-x", "v1/evil", "x".repeat(129), "tag\n", "\u00fc")
                        .map(Invalid::of)),
                Tuple.of(1, Arbitraries.of(1, false, List.of()).map(Invalid::of))));
        Arbitrary<Field> who = field("requested_by", Arbitraries.strings().alpha().ofMaxLength(20)
                .map(Invalid::of)); // who asks is the token's
        Arbitrary<Field> unknown = field("attempt", Arbitraries.integers().between(-2, 5).map(Invalid::of));
        Arbitrary<GeneratedBody> structured = Combinators.combine(fromStage.injectNull(0.1), imageTag.injectNull(0.6),
                who.injectNull(0.9), unknown.injectNull(0.9)).as((f, t, w, u) -> GeneratedBody.of("from_stage",
                        f, t, w, u));
        Arbitrary<GeneratedBody> garbage = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("", "null", "[]", "\"seed_data\"", "{\"from_stage\": \"seed_data\"} {}",
                        "{\"from_stage\": \"seed_data\"", "{\"from_stage\": null}",
                        "{\"from_stage\": \"seed_data\", \"from_stage\": \"nope\"}"))
                .map(s -> new GeneratedBody(s, false));
        Arbitrary<GeneratedBody> bodies = Arbitraries.frequencyOf(Tuple.of(4, structured), Tuple.of(1, garbage));
        List<Object[]> cases = Combinators.combine(runId, bodies).as((r, b) -> new Object[] {r, b}).sampleStream()
                .limit(CASES).toList();
        int valid = 0;
        for (Object[] c : cases) {
            Object[] id = (Object[]) c[0];
            GeneratedBody body = (GeneratedBody) c[1];
            String path = "api/runs/" + URLEncoder.encode((String) id[0], StandardCharsets.UTF_8).replace("+", "%20")
                    + "/replay";
            HttpResponse<String> response = api(path, body.json());
            assertNo5xxBut503(response);
            boolean ok = (boolean) id[1] && body.valid();
            assertThat(response.statusCode()).as(id[0] + " " + body.json() + " -> " + response.body())
                    .isEqualTo(ok ? 503 : 400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            if (ok) {
                assertThat(json(response).path("type").asText()).isEqualTo("urn:inttest:problem:replay-not-configured");
                valid++;
            }
        }
        assertThat(valid).as("valid cases generated").isGreaterThan(CASES / 10);
        assertThat(runs.since(mark)).isEmpty();
        COUNTS.put("replay-request", cases.size());
    }

    private static boolean isRunId(String s) {
        try {
            Names.requireRunId(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Nothing may fail inside the gateway; the one 503 expected is the replay door's "not configured". */
    private static void assertNo5xxBut503(HttpResponse<String> response) {
        if (response.statusCode() == 503) {
            assertThat(response.body()).contains("replay-not-configured");
        } else {
            assertNo5xx(response);
        }
    }

    /**
     * Webhook deliveries: bodies from garbage to near-valid pushes, signed right, wrong or not at all, with generated
     * event and delivery headers. Only a correctly signed push to main or release with a fresh delivery id emits.
     */
    @Test
    void hostileWebhookDeliveries() throws Exception {
        Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of("refs/heads/main", "refs/heads/release", "refs/heads/x", "refs/tags/v1", "main", "")
                        .map(ref -> PushPayloads.push(ref, PushPayloads.SHA)),
                Arbitraries.strings().withCharRange('a', 'f').numeric().ofMinLength(0).ofMaxLength(45)
                        .map(sha -> PushPayloads.push("refs/heads/main", sha)),
                Arbitraries.of("{}", "[]", "null", "{\"ref\": 1}", "{\"ref\": \"refs/heads/main\", \"after\": null}")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> event = Arbitraries.oneOf(Arbitraries.of("push", "ping", "issues", "", "PUSH"),
                Arbitraries.strings().alpha().ofMaxLength(30));
        Arbitrary<String> delivery = Arbitraries.oneOf(Arbitraries.create(() -> java.util.UUID.randomUUID()
                .toString()), Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300));
        Arbitrary<Integer> signing = Arbitraries.integers().between(0, 3); // 0 right, 1 none, 2 other secret, 3 junk
        List<Object[]> cases = Combinators.combine(bodies, event, delivery, signing)
                .as((b, e, d, s) -> new Object[] {b, e, d, s}).sampleStream().limit(CASES).toList();
        int requested = 0;
        for (Object[] c : cases) {
            byte[] body = (byte[]) c[0];
            Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
            if (!((String) c[1]).isEmpty()) {
                headers.put("X-GitHub-Event", (String) c[1]);
            }
            if (!((String) c[2]).isBlank()) {
                headers.put("X-GitHub-Delivery", (String) c[2]);
            }
            int s = (int) c[3];
            if (s == 0) {
                headers.put("X-Hub-Signature-256", SIGNATURE.sign(body));
            } else if (s == 2) {
                headers.put("X-Hub-Signature-256", new WebhookSignature("wrong").sign(body));
            } else if (s == 3) {
                headers.put("X-Hub-Signature-256", "sha256=" + "0".repeat(64));
            }
            HttpResponse<String> response = post("webhooks/github", body, headers);
            assertNo5xx(response);
            if (s != 0) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
                continue;
            }
            assertThat(response.statusCode()).as(response.body()).isIn(200, 202, 400);
            if (response.statusCode() == 202 && json(response).has("run_id")
                    && !json(response).path("duplicate").asBoolean()) {
                assertThat(c[1]).isEqualTo("push");
                requested++;
            }
        }
        List<RunEvent> emitted = events();
        assertThat(emitted).hasSize(requested).allSatisfy(e -> assertThat(((RunRequested) e).git().ref())
                .isIn("refs/heads/main", "refs/heads/release"));
        COUNTS.put("webhook-delivery", cases.size());
    }

    private List<RunEvent> events() {
        List<RunEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : runs.since(mark)) {
            events.add((RunEvent) KafkaEventRecords.decode(r).event());
        }
        return events;
    }

    private static void assertNo5xx(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    }

    private HttpResponse<String> api(String path, String body) throws IOException, InterruptedException {
        return post(path, body.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + TestTokens.CI));
    }

    private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static Arbitrary<Field> field(String name, Arbitrary<Value> values) {
        return values.map(v -> new Field(name, v));
    }

    /** A generated field value, and whether the gateway must accept it. */
    sealed interface Value permits Valid, Invalid {
        Object value();

        boolean valid();
    }

    record Valid(Object value) implements Value {
        static Value of(Object value) {
            return new Valid(value);
        }

        @Override
        public boolean valid() {
            return true;
        }
    }

    record Invalid(Object value) implements Value {
        static Value of(Object value) {
            return new Invalid(value);
        }

        @Override
        public boolean valid() {
            return false;
        }
    }

    record Field(String name, Value value) {
    }

    record GeneratedBody(String json, boolean valid) {
        static GeneratedBody of(Field... fields) {
            return of("image_tag", fields);
        }

        /** A JSON object of {@code fields} (null ones left out); valid when all are and {@code required} is there. */
        static GeneratedBody of(String required, Field... fields) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            boolean valid = true;
            boolean hasRequired = false;
            for (Field f : fields) {
                if (f == null) {
                    continue;
                }
                node.set(f.name(), Json.MAPPER.valueToTree(f.value().value()));
                valid &= f.value().valid();
                hasRequired |= f.name().equals(required);
            }
            return new GeneratedBody(node.toString(), valid && hasRequired);
        }
    }
}
