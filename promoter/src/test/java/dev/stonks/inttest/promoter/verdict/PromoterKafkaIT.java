package dev.stonks.inttest.promoter.verdict;

import static dev.stonks.inttest.promoter.testing.Verdicts.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.EventCodec;
import dev.stonks.inttest.events.EventEnvelope;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.PromotionDecided;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.promoter.breakglass.BreakGlassStore;
import dev.stonks.inttest.promoter.kargo.PromotionNames;
import dev.stonks.inttest.promoter.testing.Bus;
import dev.stonks.inttest.promoter.testing.TestTokens;
import dev.stonks.inttest.events.BreakGlassRecorded;
import dev.stonks.inttest.promoter.testing.KafkaAndKargoResource;
import dev.stonks.inttest.promoter.testing.MutableClock;
import dev.stonks.inttest.promoter.testing.TestKargo;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promoter as it runs: verdicts in through a real broker, Promotions into the mock API server (with
 * {@link TestKargo} finishing them on its own), decisions out on inttest.verdicts, the scheduler on a test clock, and
 * the HTTP API.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndKargoResource.class, restrictToAnnotatedClass = true)
class PromoterKafkaIT {
    /** Tuesday 2026-11-24 10:00 America/New_York: in session. */
    private static final Instant IN_SESSION = Instant.parse("2026-11-24T15:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Bus bus;
    private static TestKargo kargo;

    @Inject
    KubernetesClient client;

    @Inject
    MutableClock clock;

    @TestHTTPResource("/api")
    URL api;

    @BeforeAll
    static void connect() {
        bus = new Bus(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                List.of(Topics.VERDICTS, Topics.DLQ));
    }

    @AfterAll
    static void disconnect() {
        bus.close();
        kargo.close();
    }

    @BeforeEach
    void kargo() {
        if (kargo == null) {
            kargo = new TestKargo(client).withProjectStages().start();
        }
    }

    @Test
    void aPassingVerdictIsPromotedThroughBetaPaperAndLiveAndEachDecisionIsOnTheBus() {
        // Given: a Saturday, the build's Freight
        clock.set(MutableClock.SATURDAY);
        String run = "stonks-inttest-kafka-pass";
        String tag = "a1b2c3d4e5f6a7b8";
        kargo.freight("freight-kafka-pass", tag);

        // When
        bus.publish(verdict(run, tag, 0));

        // Then: promoted to beta, paper and live, in that order, each naming its Promotion
        for (String stage : List.of("beta", "paper", "live")) {
            PromotionDecided d = decided(bus.await(decision(run)));
            assertThat(d.stage()).isEqualTo(stage);
            assertThat(d.decision()).isEqualTo(PromotionDecided.PROMOTED);
            assertThat(d.promotionName()).isEqualTo(PromotionNames.of(stage, tag, run));
            assertThat(d.breakGlass()).isNull();
        }
        assertThat(kargo.promotionsOf(run)).extracting(TestKargo::stageOf).containsExactly("beta", "paper", "live");

        // When: the verdict is delivered again (a replayed record)
        bus.publish(verdict(run, tag, 0));

        // Then: no second Promotion and no new decision; the promoter's own events were not dead-lettered
        assertThat(bus.drain(Duration.ofSeconds(2), decision(run).or(r -> r.topic().equals(Topics.DLQ)
                && run.equals(r.key())))).isEmpty();
        assertThat(kargo.promotionsOf(run)).hasSize(3);
    }

    @Test
    void aFailingVerdictIsSkippedAndAPoisonRecordIsDeadLettered() {
        // Given: a record that is not JSON ahead of a verdict with exit code 1
        String run = "stonks-inttest-kafka-fail";
        EventEnvelope good = EventCodec.encode(verdict(run, "badc0de", 1), "test");
        RecordHeaders headers = new RecordHeaders();
        good.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        bus.send(new ProducerRecord<>(Topics.VERDICTS, null, run, "not json {".getBytes(StandardCharsets.UTF_8),
                headers));
        bus.send(KafkaEventRecords.toProducerRecord(good));

        // Then
        ConsumerRecord<String, byte[]> dead = bus.await(r -> r.topic().equals(Topics.DLQ) && run.equals(r.key()));
        assertThat(Bus.header(dead, "dead-letter-reason")).contains("not-json");
        PromotionDecided skipped = decided(bus.await(decision(run)));
        assertThat(skipped.decision()).isEqualTo(PromotionDecided.SKIPPED);
        assertThat(skipped.reason()).contains("exit code 1");
        assertThat(kargo.promotionsOf(run)).isEmpty();
    }

    @Test
    void liveDuringTheSessionWaitsAndTheSchedulerCarriesItOutWhenTheMarketCloses() {
        // Given
        clock.set(IN_SESSION);
        String run = "stonks-inttest-kafka-window";
        String tag = "feedface01";
        kargo.freight("freight-kafka-window", tag);

        // When
        bus.publish(verdict(run, tag, 0));

        // Then: beta and paper promoted, live waiting
        assertThat(decided(bus.await(decision(run))).stage()).isEqualTo("beta");
        assertThat(decided(bus.await(decision(run))).stage()).isEqualTo("paper");
        PromotionDecided waiting = decided(bus.await(decision(run)));
        assertThat(waiting.stage()).isEqualTo("live");
        assertThat(waiting.decision()).isEqualTo(PromotionDecided.WAITING);
        assertThat(bus.drain(Duration.ofSeconds(1), decision(run))).isEmpty();

        // When: the test clock passes 16:00 New York
        clock.set(Instant.parse("2026-11-24T21:00:01Z"));

        // Then
        PromotionDecided live = decided(bus.await(decision(run)));
        assertThat(live.stage()).isEqualTo("live");
        assertThat(live.decision()).isEqualTo(PromotionDecided.PROMOTED);
        assertThat(kargo.promotionsOf(run)).extracting(TestKargo::stageOf).containsExactly("beta", "paper", "live");
    }

    @Test
    void aBreakGlassFromTheApiLetsLiveThroughDuringTheSessionAndIsAnAuditedRecord() throws Exception {
        // Given: in session, no break-glass open
        clock.set(IN_SESSION);
        call("DELETE", "/break-glass", null, TestTokens.ALICE);
        bus.drain(Duration.ofSeconds(1), breakGlassStep());
        String before = stateKey(BreakGlassStore.KEY);

        // When: no credential, a credential without the role, a body naming who opens, invalid input
        String body = "{\"reason\": \"hotfix INC-42\", \"duration\": \"PT2H\"}";
        HttpResponse<String> anonymous = call("POST", "/break-glass", body, null);
        HttpResponse<String> carol = call("POST", "/break-glass", body, TestTokens.CAROL);
        HttpResponse<String> bob = call("POST", "/break-glass", body, TestTokens.BOB);
        HttpResponse<String> who = call("POST", "/break-glass",
                "{\"who\": \"mallory\", \"reason\": \"x\", \"duration\": \"PT1H\"}", TestTokens.ALICE);
        HttpResponse<String> bad = call("POST", "/break-glass", "{\"duration\": \"48h\"}", TestTokens.ALICE);

        // Then: 401 / 403 naming the role / 400 naming each error; nothing stored, nothing emitted
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("www-authenticate")).get().asString().startsWith("Bearer");
        assertThat(Json.MAPPER.readTree(anonymous.body()).path("type").asText())
                .isEqualTo("urn:inttest:problem:unauthorized");
        assertThat(carol.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(carol.body()).path("detail").asText()).contains("promotions:break-glass");
        assertThat(bob.statusCode()).isEqualTo(403);
        assertThat(who.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(who.body()).path("errors")).extracting(JsonNode::asText)
                .anySatisfy(e -> assertThat(e).contains("'who' is not accepted"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("content-type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = Json.MAPPER.readTree(bad.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors")).extracting(JsonNode::asText).containsExactly("reason is required",
                "the expiry 2026-11-26T15:00:00Z is more than 24 h away; a break-glass lasts at most 24 h");
        assertThat(stateKey(BreakGlassStore.KEY)).isEqualTo(before);
        assertThat(bus.drain(Duration.ofSeconds(2), breakGlassStep())).isEmpty();

        try {
            openUseAndClose(body);
        } finally {
            call("DELETE", "/break-glass", null, TestTokens.ALICE);
        }
    }

    private void openUseAndClose(String body) throws Exception {
        // When: alice opens one
        HttpResponse<String> opened = call("POST", "/break-glass", body, TestTokens.ALICE);

        // Then: 201, listed as the active one, kept, and its opening is on the bus with alice as the principal
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String id = Json.MAPPER.readTree(opened.body()).path("id").asText();
        JsonNode listed = Json.MAPPER.readTree(call("GET", "/break-glass", null, null).body());
        assertThat(listed.path("active").asText()).isEqualTo(id);
        assertThat(listed.path("break_glasses").get(0).path("expires_at").asText()).isEqualTo("2026-11-24T17:00:00Z");
        assertThat(listed.path("break_glasses").get(0).path("opened_by").asText()).isEqualTo("alice");
        assertThat(stateKey(BreakGlassStore.KEY)).contains(id);
        BreakGlassRecorded openStep = step(bus.await(breakGlassStep()));
        assertThat(openStep.action()).isEqualTo("opened");
        assertThat(openStep.by()).isEqualTo("alice");
        assertThat(openStep.breakGlassId()).isEqualTo(id);

        // When: a passing build during the session
        String run = "stonks-inttest-kafka-glass";
        String tag = "0ddba11";
        kargo.freight("freight-kafka-glass", tag);
        bus.publish(verdict(run, tag, 0));

        // Then: live promoted under the break-glass, which the event carries, and its use is recorded
        decided(bus.await(decision(run)));
        decided(bus.await(decision(run)));
        ConsumerRecord<String, byte[]> liveRecord = bus.await(decision(run));
        PromotionDecided live = decided(liveRecord);
        assertThat(live.stage()).isEqualTo("live");
        assertThat(live.decision()).isEqualTo(PromotionDecided.PROMOTED);
        assertThat(live.breakGlass()).isEqualTo(new PromotionDecided.BreakGlass("alice", "hotfix INC-42",
                Instant.parse("2026-11-24T17:00:00Z")));
        BreakGlassRecorded used = step(bus.await(breakGlassStep()));
        assertThat(used.action()).isEqualTo("used");
        assertThat(used.run()).isEqualTo(run);
        assertThat(used.stage()).isEqualTo("live");

        // And the API lists the chain with its decisions
        JsonNode chains = Json.MAPPER.readTree(call("GET", "/promotions?image_tag=" + tag, null, null).body());
        assertThat(chains).singleElement().satisfies(c -> {
            assertThat(c.path("run_id").asText()).isEqualTo(run);
            assertThat(c.path("decisions")).extracting(d -> d.path("decision").asText())
                    .containsExactly("promoted", "promoted", "promoted");
        });
        assertThat(call("GET", "/promotions?image_tag=no:such", null, null).statusCode()).isEqualTo(400);

        // When: closed by alice (bob may not), then a new one opened
        assertThat(call("DELETE", "/break-glass/" + id, null, TestTokens.BOB).statusCode()).isEqualTo(403);
        HttpResponse<String> closed = call("DELETE", "/break-glass/" + id, null, TestTokens.ALICE);
        HttpResponse<String> second = call("POST", "/break-glass", body, TestTokens.ALICE);

        // Then: the first is kept, marked closed; both are listed; closing is on the bus
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(closed.body()).path("state").asText()).isEqualTo("closed");
        assertThat(second.statusCode()).isEqualTo(201);
        JsonNode all = Json.MAPPER.readTree(call("GET", "/break-glass", null, null).body()).path("break_glasses");
        assertThat(all).extracting(b -> b.path("state").asText()).containsExactly("active", "closed");
        assertThat(all.get(1).path("closed_by").asText()).isEqualTo("alice");
        BreakGlassRecorded closeStep = step(bus.await(breakGlassStep()));
        assertThat(closeStep.action() + " " + closeStep.by()).isEqualTo("closed alice");
        assertThat(call("DELETE", "/break-glass", null, TestTokens.ALICE).statusCode()).isEqualTo(200);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> breakGlassStep() {
        return r -> r.topic().equals(Topics.VERDICTS)
                && Bus.header(r, "ce_type").equals("dev.stonks.inttest.promotion.break-glass.v1");
    }

    private static BreakGlassRecorded step(ConsumerRecord<String, byte[]> record) {
        return (BreakGlassRecorded) KafkaEventRecords.decode(record).event();
    }

    private static Predicate<ConsumerRecord<String, byte[]>> decision(String run) {
        return r -> r.topic().equals(Topics.VERDICTS) && run.equals(r.key())
                && Bus.header(r, "ce_type").equals("dev.stonks.inttest.promotion.decided.v1");
    }

    private static PromotionDecided decided(ConsumerRecord<String, byte[]> record) {
        assertThat(Bus.header(record, "ce_source")).isEqualTo("/inttest/promoter");
        return (PromotionDecided) KafkaEventRecords.decode(record).event();
    }

    private String stateKey(String key) {
        ConfigMap cm = client.configMaps().inNamespace(KafkaAndKargoResource.STATE_NAMESPACE)
                .withName("inttest-promoter-state").get();
        return cm == null || cm.getData() == null ? null : cm.getData().get(key);
    }

    private HttpResponse<String> call(String method, String path, String body, String token) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("content-type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
