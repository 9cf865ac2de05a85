package dev.stonks.inttest.promoter.local;

import static dev.stonks.inttest.promoter.testing.Verdicts.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.BreakGlassRecorded;
import dev.stonks.inttest.promoter.testing.TestTokens;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.PromotionDecided;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.promoter.state.StateFile;
import dev.stonks.inttest.promoter.testing.Bus;
import dev.stonks.inttest.promoter.testing.KafkaLocalBackendResource;
import dev.stonks.inttest.promoter.testing.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The promoter without a cluster ({@code promoter.backend=local}) as it runs on the resident stack: verdicts in through
 * a real broker, decisions out on inttest.verdicts naming the local backend, the environments and the state in files.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaLocalBackendResource.class, restrictToAnnotatedClass = true)
class LocalPromoterKafkaIT {
    /** Tuesday 2026-11-24 10:00 America/New_York: in session. */
    private static final Instant IN_SESSION = Instant.parse("2026-11-24T15:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Bus bus;
    private static Path dir;

    @Inject
    MutableClock clock;

    @TestHTTPResource("/api")
    URL api;

    @BeforeAll
    static void connect() {
        bus = new Bus(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                List.of(Topics.VERDICTS));
        dir = Path.of(ConfigProvider.getConfig().getValue(KafkaLocalBackendResource.DIR_PROPERTY, String.class));
    }

    @AfterAll
    static void disconnect() {
        bus.close();
    }

    @Test
    void aPassIsRecordedInBetaPaperAndLiveAndAFailPromotesNothing() throws Exception {
        // Given: a Saturday
        clock.set(MutableClock.SATURDAY);

        // When
        bus.publish(verdict("stonks-inttest-local-pass", "a1b2c3d4", 0));
        bus.publish(verdict("stonks-inttest-local-fail", "deadbeef", 1));

        // Then: three promoted decisions in order, each naming the local backend and that nothing was deployed
        for (String stage : List.of("beta", "paper", "live")) {
            ConsumerRecord<String, byte[]> record = bus.await(decision("stonks-inttest-local-pass"));
            PromotionDecided d = decided(record);
            assertThat(d.stage()).isEqualTo(stage);
            assertThat(d.decision()).isEqualTo(PromotionDecided.PROMOTED);
            assertThat(d.backend()).isEqualTo(PromotionDecided.BACKEND_LOCAL);
            assertThat(d.reason()).contains("nothing was deployed");
            assertThat(Json.MAPPER.readTree(record.value()).path("backend").asText()).isEqualTo("local");
        }
        PromotionDecided skipped = decided(bus.await(decision("stonks-inttest-local-fail")));
        assertThat(skipped.decision()).isEqualTo(PromotionDecided.SKIPPED);

        // And the record of the environments says where the build is, on disk and through the API
        JsonNode record = Json.MAPPER.readTree(Files.readString(dir.resolve(LocalEnvironments.FILE)));
        assertThat(record.path("environments").path("live").path("image_tag").asText()).isEqualTo("a1b2c3d4");
        assertThat(record.path("promotions")).extracting(p -> p.path("image_tag").asText()).doesNotContain("deadbeef");
        JsonNode fromApi = Json.MAPPER.readTree(get("/environments").body());
        assertThat(fromApi.path("environments").path("paper").path("run_id").asText())
                .isEqualTo("stonks-inttest-local-pass");
        assertThat(fromApi.path("note").asText()).contains("nothing is deployed");
        // the chains are in the state file (what a restart reads)
        assertThat(Files.readString(dir.resolve(StateFile.FILE))).contains("stonks-inttest-local-pass",
                "stonks-inttest-local-fail");
    }

    @Test
    void liveWaitsDuringTheSessionAndABreakGlassLetsItThrough() throws Exception {
        // Given: in session
        clock.set(IN_SESSION);

        // When
        bus.publish(verdict("stonks-inttest-local-window", "feed0001", 0));

        // Then: beta, paper, then live waiting
        assertThat(decided(bus.await(decision("stonks-inttest-local-window"))).stage()).isEqualTo("beta");
        assertThat(decided(bus.await(decision("stonks-inttest-local-window"))).stage()).isEqualTo("paper");
        PromotionDecided waiting = decided(bus.await(decision("stonks-inttest-local-window")));
        assertThat(waiting.stage()).isEqualTo("live");
        assertThat(waiting.decision()).isEqualTo(PromotionDecided.WAITING);
        assertThat(bus.drain(Duration.ofSeconds(2), decision("stonks-inttest-local-window"))).isEmpty();

        // When: alice opens a break-glass; this promoter needs two people (promoter.break-glass.approvals=2)
        HttpResponse<String> opened = send("POST", "/break-glass",
                "{\"reason\": \"hotfix INC-9\", \"duration\": \"PT1H\"}", TestTokens.ALICE);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String id = Json.MAPPER.readTree(opened.body()).path("id").asText();

        // Then: it awaits approval, and live still waits
        assertThat(Json.MAPPER.readTree(opened.body()).path("state").asText()).isEqualTo("awaiting-approval");
        assertThat(bus.drain(Duration.ofSeconds(3), decision("stonks-inttest-local-window"))).isEmpty();

        // When: alice approves her own, carol (no role) approves, bob approves with a body naming someone else
        HttpResponse<String> self = send("POST", "/break-glass/" + id + "/approve", null, TestTokens.ALICE);
        HttpResponse<String> carol = send("POST", "/break-glass/" + id + "/approve", null, TestTokens.CAROL);
        HttpResponse<String> named = send("POST", "/break-glass/" + id + "/approve", "{\"approved_by\": \"dave\"}",
                TestTokens.BOB);

        // Then: refused (403 two-person rule, 403 role, 400), and only the opening is on the bus
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(self.body()).path("detail").asText()).contains("second, different person");
        assertThat(carol.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(carol.body()).path("detail").asText()).contains("promotions:approve");
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(bus.drain(Duration.ofSeconds(1), breakGlassStep())).extracting(r -> step(r).action())
                .containsExactly("opened");

        // When: bob approves
        HttpResponse<String> approved = send("POST", "/break-glass/" + id + "/approve", null, TestTokens.BOB);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(approved.body()).path("state").asText()).isEqualTo("active");

        // Then: live is recorded under it on the next check, naming both people; the steps are on the bus
        PromotionDecided live = decided(bus.await(decision("stonks-inttest-local-window")));
        assertThat(live.stage()).isEqualTo("live");
        assertThat(live.decision()).isEqualTo(PromotionDecided.PROMOTED);
        assertThat(live.breakGlass().who()).isEqualTo("alice, approved by bob");
        assertThat(live.backend()).isEqualTo("local");
        assertThat(Files.readString(dir.resolve(StateFile.FILE))).contains(id);
        BreakGlassRecorded approval = step(bus.await(breakGlassStep()));
        assertThat(approval.action() + " " + approval.by()).isEqualTo("approved bob");
        BreakGlassRecorded used = step(bus.await(breakGlassStep()));
        assertThat(used.action()).isEqualTo("used");
        assertThat(used.approvedBy()).containsExactly("bob");
        assertThat(send("DELETE", "/break-glass/" + id, null, TestTokens.ALICE).statusCode()).isEqualTo(200);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> breakGlassStep() {
        return r -> r.topic().equals(Topics.VERDICTS)
                && Bus.header(r, "ce_type").equals("dev.stonks.inttest.promotion.break-glass.v1");
    }

    private static BreakGlassRecorded step(ConsumerRecord<String, byte[]> record) {
        return (BreakGlassRecorded) KafkaEventRecords.decode(record).event();
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Predicate<ConsumerRecord<String, byte[]>> decision(String run) {
        return r -> r.topic().equals(Topics.VERDICTS) && run.equals(r.key())
                && Bus.header(r, "ce_type").equals("dev.stonks.inttest.promotion.decided.v1");
    }

    private static PromotionDecided decided(ConsumerRecord<String, byte[]> record) {
        return (PromotionDecided) KafkaEventRecords.decode(record).event();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
