package dev.stonks.inttest.promoter.local;

import static dev.stonks.inttest.promoter.testing.Verdicts.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
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

        // When: a break-glass
        HttpResponse<String> opened = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/break-glass"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"who\": \"bob\", \"why\": \"hotfix INC-9\", \"duration\": \"PT1H\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(201);

        // Then: live is recorded under it on the next check
        PromotionDecided live = decided(bus.await(decision("stonks-inttest-local-window")));
        assertThat(live.stage()).isEqualTo("live");
        assertThat(live.decision()).isEqualTo(PromotionDecided.PROMOTED);
        assertThat(live.breakGlass().who()).isEqualTo("bob");
        assertThat(live.backend()).isEqualTo("local");
        assertThat(Files.readString(dir.resolve(StateFile.FILE))).contains("bob");
        HTTP.send(HttpRequest.newBuilder(URI.create(api + "/break-glass")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
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
