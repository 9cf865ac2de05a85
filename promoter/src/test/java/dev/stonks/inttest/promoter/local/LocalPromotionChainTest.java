package dev.stonks.inttest.promoter.local;

import static dev.stonks.inttest.promoter.testing.Verdicts.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.PromotionDecided;
import dev.stonks.inttest.promoter.breakglass.BreakGlassStore;
import dev.stonks.inttest.promoter.chain.ChainStore;
import dev.stonks.inttest.promoter.chain.PromotionChain;
import dev.stonks.inttest.promoter.config.ChainSettings;
import dev.stonks.inttest.promoter.kargo.PromotionNames;
import dev.stonks.inttest.promoter.market.MarketHours;
import dev.stonks.inttest.promoter.state.StateFile;
import dev.stonks.inttest.promoter.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain on the local backend, with its record and state in real files: the same decisions as with Kargo, each
 * naming the local backend and saying that nothing was deployed; a "restart" is a new chain over the same directory.
 */
class LocalPromotionChainTest {
    /** Tuesday 2026-11-24 10:00 America/New_York: in session. */
    private static final Instant IN_SESSION = Instant.parse("2026-11-24T15:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(MutableClock.SATURDAY);
    private final List<PromotionDecided> published = new ArrayList<>();

    /** A promoter as it starts: everything read from {@code dir}. */
    private PromotionChain start() {
        StateFile state = new StateFile(dir);
        return new PromotionChain(new LocalEnvironments(dir, clock), new ChainStore(state), new BreakGlassStore(state, s -> { }),
                MarketHours.nyse(), new ChainSettings(List.of("beta", "paper", "live"), Set.of(), Set.of("live"),
                        Duration.ofMinutes(15), Duration.ofHours(1), true, 100), published::add, clock);
    }

    private List<PromotionDecided> decisions(String run) {
        return published.stream().filter(d -> d.runId().equals(run)).toList();
    }

    private JsonNode environments() throws Exception {
        return Json.MAPPER.readTree(Files.readString(dir.resolve(LocalEnvironments.FILE)));
    }

    @Test
    void aPassIsRecordedInBetaPaperAndLiveAndEachDecisionSaysNothingWasDeployed() throws Exception {
        // Given: a Saturday
        PromotionChain chain = start();

        // When
        chain.onVerdict(verdict("stonks-inttest-l1", "a1b2c3", 0));

        // Then
        assertThat(decisions("stonks-inttest-l1")).extracting(PromotionDecided::stage)
                .containsExactly("beta", "paper", "live");
        assertThat(decisions("stonks-inttest-l1")).allSatisfy(d -> {
            assertThat(d.decision()).isEqualTo(PromotionDecided.PROMOTED);
            assertThat(d.backend()).isEqualTo(PromotionDecided.BACKEND_LOCAL);
            assertThat(d.reason()).contains("recorded image a1b2c3 in environment " + d.stage(),
                    "nothing was deployed");
            assertThat(d.promotionName()).isEqualTo(PromotionNames.of(d.stage(), "a1b2c3", "stonks-inttest-l1"));
        });
        JsonNode record = environments();
        assertThat(record.path("backend").asText()).isEqualTo("local");
        for (String stage : List.of("beta", "paper", "live")) {
            assertThat(record.path("environments").path(stage).path("image_tag").asText()).isEqualTo("a1b2c3");
        }
        assertThat(record.path("promotions")).hasSize(3);

        // When: the verdict again (a redelivery)
        chain.onVerdict(verdict("stonks-inttest-l1", "a1b2c3", 0));

        // Then: nothing more
        assertThat(decisions("stonks-inttest-l1")).hasSize(3);
        assertThat(environments().path("promotions")).hasSize(3);
    }

    @Test
    void aFailingVerdictPromotesNothing() throws Exception {
        PromotionChain chain = start();

        chain.onVerdict(verdict("stonks-inttest-l2", "badbad", 1));

        assertThat(decisions("stonks-inttest-l2")).singleElement().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(PromotionDecided.SKIPPED);
            assertThat(d.reason()).contains("exit code 1");
            assertThat(d.backend()).isEqualTo("local");
        });
        assertThat(dir.resolve(LocalEnvironments.FILE)).doesNotExist();
    }

    @Test
    void liveWaitsInMarketHoursAcrossARestartAndGoesUnderABreakGlass() throws Exception {
        // Given: in session
        clock.set(IN_SESSION);
        PromotionChain chain = start();

        // When
        chain.onVerdict(verdict("stonks-inttest-l3", "feed01", 0));

        // Then: beta and paper recorded, live waits
        assertThat(decisions("stonks-inttest-l3")).extracting(PromotionDecided::decision)
                .containsExactly("promoted", "promoted", "waiting");
        assertThat(environments().path("environments").has("live")).isFalse();

        // When: the promoter restarts (a new chain over the same files) and ticks, still in session
        published.clear();
        PromotionChain restarted = start();
        restarted.tick();

        // Then: it knows the chain, still waiting, and decides nothing new
        assertThat(restarted.chains(java.util.Optional.of("feed01"))).singleElement()
                .satisfies(c -> assertThat(c.stage()).isEqualTo("live"));
        assertThat(published).isEmpty();

        // When: a break-glass is opened (kept in the state file) and the promoter restarts again
        new BreakGlassStore(new StateFile(dir), s -> { }).open("alice", "hotfix INC-7", IN_SESSION,
                IN_SESSION.plus(Duration.ofHours(2)), 1);
        PromotionChain again = start();
        again.tick();

        // Then: live is recorded under the break-glass
        assertThat(published).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("live");
            assertThat(d.decision()).isEqualTo(PromotionDecided.PROMOTED);
            assertThat(d.breakGlass().who()).isEqualTo("alice");
            assertThat(d.reason()).contains("nothing was deployed", "of alice (hotfix INC-7)");
        });
        assertThat(environments().path("environments").path("live").path("image_tag").asText()).isEqualTo("feed01");
    }

    @Test
    void aFailingAttempt2StopsTheWaitingLiveOfAttempt1AndARedeliveredAttempt1ChangesNothing() throws Exception {
        // Given: in session, attempt 1 passed: beta and paper recorded, live waits for the close
        clock.set(IN_SESSION);
        PromotionChain chain = start();
        chain.onVerdict(verdict("stonks-inttest-l4", "feed04", 0, 1));
        assertThat(decisions("stonks-inttest-l4")).extracting(PromotionDecided::decision)
                .containsExactly("promoted", "promoted", "waiting");

        // When: the replay's verdict, attempt 2, fails
        chain.onVerdict(verdict("stonks-inttest-l4", "feed04", 1, 2));

        // Then: attempt 1's waiting live ends superseded, attempt 2 promotes nothing
        assertThat(decisions("stonks-inttest-l4").subList(3, 5)).satisfiesExactly(d -> {
            assertThat(d.stage()).isEqualTo("live");
            assertThat(d.decision()).isEqualTo(PromotionDecided.SKIPPED);
            assertThat(d.reason()).contains("superseded by attempt 2", "nothing more is promoted for attempt 1");
        }, d -> {
            assertThat(d.stage()).isEqualTo("beta");
            assertThat(d.decision()).isEqualTo(PromotionDecided.SKIPPED);
            assertThat(d.reason()).contains("(attempt 2)", "exit code 1");
        });

        // When: the market closes, and attempt 1's verdict is delivered again, also to a restarted promoter
        clock.set(Instant.parse("2026-11-24T21:00:00Z"));
        chain.tick();
        chain.onVerdict(verdict("stonks-inttest-l4", "feed04", 0, 1));
        PromotionChain restarted = start();
        restarted.onVerdict(verdict("stonks-inttest-l4", "feed04", 0, 1));
        restarted.onVerdict(verdict("stonks-inttest-l4", "feed04", 1, 2));
        restarted.tick();

        // Then: live never got attempt 1's build, and nothing more was decided
        assertThat(environments().path("environments").has("live")).isFalse();
        assertThat(environments().path("promotions")).hasSize(2);
        assertThat(decisions("stonks-inttest-l4")).hasSize(5);
    }

    @Test
    void aPassingAttempt2AtAnotherImageTagIsRecordedUnderItsOwnNames() throws Exception {
        // Given: attempt 1 passed at feed05, recorded everywhere (a Saturday)
        PromotionChain chain = start();
        chain.onVerdict(verdict("stonks-inttest-l5", "feed05", 0, 1));

        // When: a replay redeployed another build and passed
        chain.onVerdict(verdict("stonks-inttest-l5", "beef05", 0, 2));

        // Then: that build is in every environment, under names of attempt 2
        List<PromotionDecided> attempt2 = decisions("stonks-inttest-l5").subList(3, 6);
        assertThat(attempt2).allSatisfy(d -> {
            assertThat(d.decision()).isEqualTo(PromotionDecided.PROMOTED);
            assertThat(d.imageTag()).isEqualTo("beef05");
            assertThat(d.promotionName()).isEqualTo(PromotionNames.of(d.stage(), "beef05", "stonks-inttest-l5", 2))
                    .endsWith("-a2");
        });
        for (String stage : List.of("beta", "paper", "live")) {
            assertThat(environments().path("environments").path(stage).path("image_tag").asText())
                    .isEqualTo("beef05");
        }

        // When: attempt 1 and attempt 2 are delivered again
        chain.onVerdict(verdict("stonks-inttest-l5", "feed05", 0, 1));
        chain.onVerdict(verdict("stonks-inttest-l5", "beef05", 0, 2));

        // Then: nothing changes
        assertThat(decisions("stonks-inttest-l5")).hasSize(6);
        assertThat(environments().path("promotions")).hasSize(6);
        assertThat(environments().path("environments").path("live").path("image_tag").asText()).isEqualTo("beef05");
        assertThat(chain.chains(java.util.Optional.empty())).extracting(c -> c.attempt()).containsExactly(1, 2);
    }
}
