package dev.stonks.inttest.promoter.chain;

import static dev.stonks.inttest.promoter.testing.Verdicts.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.PromotionDecided;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.promoter.breakglass.BreakGlass;
import dev.stonks.inttest.promoter.breakglass.BreakGlassException;
import dev.stonks.inttest.promoter.breakglass.BreakGlassStore;
import dev.stonks.inttest.events.BreakGlassRecorded;
import dev.stonks.inttest.promoter.config.ChainSettings;
import dev.stonks.inttest.promoter.kargo.KargoPromotions;
import dev.stonks.inttest.promoter.kargo.PromotionNames;
import dev.stonks.inttest.promoter.market.MarketHours;
import dev.stonks.inttest.promoter.state.StateConfigMap;
import dev.stonks.inttest.promoter.testing.MutableClock;
import dev.stonks.inttest.promoter.testing.TestKargo;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promotion chain against fabric8's mock API server in CRUD mode, with {@link TestKargo} holding the project's
 * real Stages (k8s/074-076) and finishing Promotions as each test says, and a clock the test moves.
 */
@EnableKubernetesMockClient(crud = true)
class PromotionChainIT {
    /** Tuesday 2026-11-24, 17:30 America/New_York: after the close. */
    private static final Instant AFTER_CLOSE = Instant.parse("2026-11-24T22:30:00Z");
    /** Tuesday 2026-11-24, 10:00 America/New_York (EST): in session. */
    private static final Instant IN_SESSION = Instant.parse("2026-11-24T15:00:00Z");
    /** Tuesday 2026-11-24, 16:00 America/New_York: the close. */
    private static final Instant CLOSE = Instant.parse("2026-11-24T21:00:00Z");
    private static final AtomicInteger RUNS = new AtomicInteger();

    static KubernetesClient client;
    static KubernetesMockServer server;

    private final MutableClock clock = new MutableClock(AFTER_CLOSE);
    private final List<PromotionDecided> published = new ArrayList<>();
    private TestKargo kargo;
    private StateConfigMap state;
    private BreakGlassStore breakGlass;
    private final List<BreakGlassRecorded> steps = new ArrayList<>();
    private String run;
    private String tag;

    @BeforeEach
    void setUp() {
        TestKargo.crds().forEach(server::expectCustomResource);
        kargo = new TestKargo(client).withProjectStages();
        int n = RUNS.incrementAndGet();
        run = "stonks-inttest-chain-" + n;
        tag = "c0ffee" + n;
        state = new StateConfigMap(client, "inttest-system", "promoter-state-" + n);
        steps.clear();
        breakGlass = new BreakGlassStore(state, steps::add);
    }

    private PromotionChain chain(ChainSettings settings) {
        return new PromotionChain(new KargoPromotions(client, TestKargo.NAMESPACE, Optional.of(TestKargo.IMAGE)),
                new ChainStore(state), breakGlass, MarketHours.nyse(), settings, published::add, clock);
    }

    /** A passing verdict for {@code tag} (as Freight {@code freight}) whose beta and paper Promotions succeeded. */
    private PromotionChain passedWithBetaAndPaperSucceeded(String freight) {
        kargo.freight(freight, tag);
        PromotionChain chain = chain();
        chain.onVerdict(verdict(run, tag, 0));
        kargo.succeed(promotion("beta"));
        chain.tick();
        kargo.succeed(promotion("paper"));
        return chain;
    }

    private PromotionChain chain() {
        return chain(settings(Set.of()));
    }

    private static ChainSettings settings(Set<String> switchedOff) {
        return new ChainSettings(List.of("beta", "paper", "live"), switchedOff, Set.of("live"), Duration.ofMinutes(15),
                Duration.ofHours(1), true, 100);
    }

    private List<String> stagesPromoted(String runId) {
        return kargo.promotionsOf(runId).stream().map(TestKargo::stageOf).toList();
    }

    private String promotion(String stage) {
        return PromotionNames.of(stage, tag, run);
    }

    private List<PromotionDecided> decisions(String runId) {
        return published.stream().filter(d -> d.runId().equals(runId)).toList();
    }

    @Test
    void aPassOutsideMarketHoursPromotesBetaPaperAndLiveInOrderEachOnlyAfterThePreviousSucceeded() {
        // Given: the build's Freight, after the close
        kargo.freight("freight-pass", tag);
        PromotionChain chain = chain();

        // When
        chain.onVerdict(verdict(run, tag, 0));

        // Then: beta only, built from the Stage's promotion template
        assertThat(stagesPromoted(run)).containsExactly("beta");
        GenericKubernetesResource beta = kargo.promotionsOf(run).get(0);
        assertThat(beta.getMetadata().getName()).isEqualTo(promotion("beta"));
        assertThat(beta.<String>get("spec", "freight")).isEqualTo("freight-pass");
        assertThat(beta.<List<Map<String, Object>>>get("spec", "steps")).extracting(s -> s.get("uses"))
                .containsExactly("git-clone", "kustomize-set-image", "git-commit", "git-push", "argocd-update");
        assertThat(beta.<List<Map<String, Object>>>get("spec", "vars")).extracting(v -> v.get("name"))
                .containsExactly("repoURL", "image");
        assertThat(beta.getMetadata().getLabels()).containsEntry(KargoPromotions.LABEL_RUN_ID, run);
        assertThat(decisions(run)).extracting(PromotionDecided::stage, PromotionDecided::decision,
                PromotionDecided::promotionName).containsExactly(tuple("beta", "promoted", promotion("beta")));

        // When: checked again while beta still runs
        chain.tick();

        // Then: nothing moves
        assertThat(stagesPromoted(run)).containsExactly("beta");

        // When: beta succeeded
        kargo.succeed(promotion("beta"));
        chain.tick();

        // Then: paper, and only paper
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper");
        assertThat(kargo.promotionsOf(run).get(1).<String>get("spec", "freight")).isEqualTo("freight-pass");

        // When: paper succeeded
        kargo.succeed(promotion("paper"));
        chain.tick();

        // Then: live
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper", "live");

        // When: live succeeded
        kargo.succeed(promotion("live"));
        chain.tick();
        chain.tick();

        // Then: three promoted decisions, none other, no break-glass; the chain is done and saved so
        assertThat(decisions(run)).extracting(PromotionDecided::stage, PromotionDecided::decision,
                PromotionDecided::promotionName).containsExactly(
                        tuple("beta", "promoted", promotion("beta")),
                        tuple("paper", "promoted", promotion("paper")),
                        tuple("live", "promoted", promotion("live")));
        assertThat(decisions(run)).allSatisfy(d -> {
            assertThat(d.breakGlass()).isNull();
            assertThat(d.imageTag()).isEqualTo(tag);
            assertThat(d.reason()).contains("freight-pass");
        });
        assertThat(new ChainStore(state).load()).singleElement().satisfies(c -> {
            assertThat(c.step()).isEqualTo(Step.DONE);
            assertThat(c.published()).isEqualTo(3);
        });
    }

    @Test
    void theNextStageWaitsUntilTheFreightIsVerifiedInTheStageBefore() {
        // Given: beta's Promotion succeeded, but Kargo's verification has not passed yet
        kargo.freight("freight-verify", tag);
        PromotionChain chain = chain();
        chain.onVerdict(verdict(run, tag, 0));
        kargo.finish(promotion("beta"), "Succeeded", null);

        // When
        chain.tick();

        // Then: paper waits (Kargo would not let paper take unverified Freight)
        assertThat(stagesPromoted(run)).containsExactly("beta");

        // When: verified in beta
        kargo.verify("freight-verify", "beta");
        chain.tick();

        // Then
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper");
    }

    @Test
    void freightVerifiedInTheStageEarlierDoesNotLetTheNextStageGoBeforeThisPromotionSucceeded() {
        // Given: the Freight was verified in beta before (an earlier promotion of the same build)
        kargo.freight("freight-verified-before", tag);
        kargo.verify("freight-verified-before", "beta");
        PromotionChain chain = chain();
        chain.onVerdict(verdict(run, tag, 0));

        // When: checked while this beta Promotion is still running
        kargo.finish(promotion("beta"), "Running", null);
        chain.tick();

        // Then
        assertThat(stagesPromoted(run)).containsExactly("beta");

        // When
        kargo.finish(promotion("beta"), "Succeeded", null);
        chain.tick();

        // Then
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper");
    }

    @Test
    void aRedeliveredVerdictCreatesNoSecondPromotionNotEvenAfterARestartOrWithTheStateLost() {
        // Given
        kargo.freight("freight-redeliver", tag);
        chain().onVerdict(verdict(run, tag, 0));

        // When: the same verdict again, to the same promoter and to a restarted one
        PromotionChain restarted = chain();
        restarted.onVerdict(verdict(run, tag, 0));
        restarted.tick();

        // Then
        assertThat(stagesPromoted(run)).containsExactly("beta");
        assertThat(decisions(run)).hasSize(1);

        // When: a promoter that lost its state sees it
        state = new StateConfigMap(client, "inttest-system", "promoter-state-lost-" + run);
        chain().onVerdict(verdict(run, tag, 0));

        // Then: the deterministic name finds the existing Promotion, which is followed and not duplicated
        assertThat(stagesPromoted(run)).containsExactly("beta");
        assertThat(decisions(run)).last().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(PromotionDecided.PROMOTED);
            assertThat(d.promotionName()).isEqualTo(promotion("beta"));
            assertThat(d.reason()).contains("already existed");
        });
    }

    @Test
    void aFailingVerdictIsOneSkippedDecisionNamingTheExitCodeAndNothingIsPromoted() {
        // Given
        kargo.freight("freight-exit1", tag);
        PromotionChain chain = chain();

        // When
        chain.onVerdict(verdict(run, tag, 1));
        chain.tick();

        // Then
        assertThat(kargo.promotionsOf(run)).isEmpty();
        assertThat(decisions(run)).singleElement().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(PromotionDecided.SKIPPED);
            assertThat(d.stage()).isEqualTo("beta");
            assertThat(d.reason()).contains("exit code 1", "test failures", "nothing is promoted");
            assertThat(d.promotionName()).isNull();
        });

        // When: exit code 2 for another run
        String other = run + "-setup";
        chain.onVerdict(verdict(other, tag, 2));

        // Then
        assertThat(kargo.promotionsOf(other)).isEmpty();
        assertThat(decisions(other)).singleElement().extracting(PromotionDecided::reason).asString()
                .contains("exit code 2", "infrastructure");

        // When: the first run's verdict again, now passing but of the same attempt (not a replay)
        chain.onVerdict(verdict(run, tag, 0, 1));

        // Then: a redelivery of attempt 1, ignored
        assertThat(kargo.promotionsOf(run)).isEmpty();

        // When: the first run is replayed and its attempt 2 passes
        chain.onVerdict(verdict(run, tag, 0, 2));

        // Then: now it is promoted, under attempt 2's name
        assertThat(stagesPromoted(run)).containsExactly("beta");
        assertThat(decisions(run)).last().extracting(PromotionDecided::promotionName)
                .isEqualTo(PromotionNames.of("beta", tag, run, 2));
    }

    @Test
    void aFailingAttempt2StopsTheWaitingLivePromotionOfAttempt1() {
        // Given: in session, attempt 1 passed: beta and paper done, live waits for the close
        clock.set(IN_SESSION);
        PromotionChain chain = passedWithBetaAndPaperSucceeded("freight-attempt1-waits");
        chain.tick();
        assertThat(decisions(run)).last().extracting(PromotionDecided::decision).isEqualTo(PromotionDecided.WAITING);

        // When: the replay's verdict, attempt 2, fails
        chain.onVerdict(verdict(run, tag, 1, 2));

        // Then: attempt 1's live ends superseded; attempt 2 promotes nothing
        assertThat(decisions(run).subList(3, 5)).satisfiesExactly(d -> {
            assertThat(d.stage()).isEqualTo("live");
            assertThat(d.decision()).isEqualTo(PromotionDecided.SKIPPED);
            assertThat(d.reason()).contains("superseded by attempt 2", "nothing more is promoted for attempt 1");
        }, d -> {
            assertThat(d.decision()).isEqualTo(PromotionDecided.SKIPPED);
            assertThat(d.reason()).contains("(attempt 2)", "exit code 1", "nothing is promoted");
        });

        // When: the market closes, after a restart too
        clock.set(CLOSE);
        chain.tick();
        chain().tick();

        // Then: live is never promoted, nothing more decided
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper");
        assertThat(decisions(run)).hasSize(5);
    }

    @Test
    void aPassingAttempt2AtAnotherImageTagPromotesThatTagAndARedeliveredAttempt1ChangesNothing() {
        // Given: attempt 1 at tag promoted to beta, its Promotion still running (after the close)
        kargo.freight("freight-attempt1", tag);
        PromotionChain chain = chain();
        chain.onVerdict(verdict(run, tag, 0, 1));
        assertThat(stagesPromoted(run)).containsExactly("beta");

        // When: a replay from service_deploy at another build passes
        String other = "beefed" + tag;
        kargo.freight("freight-attempt2", other);
        chain.onVerdict(verdict(run, other, 0, 2));

        // Then: attempt 1 is superseded (its Promotion no longer followed), attempt 2's build goes to beta
        assertThat(decisions(run)).extracting(PromotionDecided::decision)
                .containsExactly("promoted", "skipped", "promoted");
        assertThat(decisions(run).get(1).reason()).contains("superseded by attempt 2",
                promotion("beta") + ", already created, is not followed any more");
        String beta2 = PromotionNames.of("beta", other, run, 2);
        assertThat(decisions(run).get(2)).satisfies(d -> {
            assertThat(d.imageTag()).isEqualTo(other);
            assertThat(d.promotionName()).isEqualTo(beta2);
        });

        // When: both beta Promotions succeed, then attempt 1 is delivered again, also to a restarted promoter
        kargo.succeed(promotion("beta"));
        kargo.succeed(beta2);
        kargo.verify("freight-attempt2", "beta");
        chain.tick();
        chain.onVerdict(verdict(run, tag, 0, 1));
        PromotionChain restarted = chain();
        restarted.onVerdict(verdict(run, tag, 0, 1));
        restarted.onVerdict(verdict(run, other, 0, 2));
        restarted.tick();

        // Then: only attempt 2's build went on, once per stage; attempt 1 promoted nothing more
        assertThat(kargo.promotionsOf(run)).extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrder(promotion("beta"), beta2, PromotionNames.of("paper", other, run, 2));
        assertThat(decisions(run)).hasSize(4);
    }

    @Test
    void liveDuringMarketHoursWaitsAndIsCarriedOutWhenTheMarketClosesEvenAfterARestart() {
        // Given: in session, beta and paper done
        clock.set(IN_SESSION);
        PromotionChain chain = passedWithBetaAndPaperSucceeded("freight-window");

        // When
        chain.tick();

        // Then: live waits, saying until when
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper");
        assertThat(decisions(run)).last().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("live");
            assertThat(d.decision()).isEqualTo(PromotionDecided.WAITING);
            assertThat(d.reason()).contains("2026-11-24 16:00 America/New_York", "2026-11-24T21:00:00Z");
        });

        // When: a second before the close
        clock.set(CLOSE.minusSeconds(1));
        chain.tick();

        // Then: still waiting, nothing new decided
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper");
        assertThat(decisions(run)).hasSize(3);

        // When: the promoter restarts and the market closes
        PromotionChain restarted = chain();
        clock.set(CLOSE);
        restarted.tick();

        // Then: live is promoted, without a break-glass
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper", "live");
        assertThat(decisions(run)).last().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(PromotionDecided.PROMOTED);
            assertThat(d.promotionName()).isEqualTo(promotion("live"));
            assertThat(d.breakGlass()).isNull();
        });
    }

    @Test
    void anActiveBreakGlassLetsLiveThroughDuringMarketHoursAndTheDecisionNamesIt() {
        // Given: in session, a break-glass for two hours
        clock.set(IN_SESSION);
        breakGlass.open("alice", "hotfix INC-42", IN_SESSION, IN_SESSION.plus(Duration.ofHours(2)), 1);
        PromotionChain chain = passedWithBetaAndPaperSucceeded("freight-glass");

        // When
        chain.tick();

        // Then
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper", "live");
        PromotionDecided live = decisions(run).get(2);
        assertThat(live.decision()).isEqualTo(PromotionDecided.PROMOTED);
        assertThat(live.breakGlass()).isEqualTo(new PromotionDecided.BreakGlass("alice", "hotfix INC-42",
                IN_SESSION.plus(Duration.ofHours(2))));
        assertThat(live.reason()).contains("of alice (hotfix INC-42)");
        // beta and paper were never gated, so no break-glass on them
        assertThat(decisions(run).subList(0, 2)).allSatisfy(d -> assertThat(d.breakGlass()).isNull());
        // and the audit trail: opened, then used by this run's live promotion
        assertThat(steps).extracting(BreakGlassRecorded::action).containsExactly("opened", "used");
        assertThat(steps.get(1).run()).isEqualTo(run);
        assertThat(steps.get(1).stage()).isEqualTo("live");
        assertThat(steps.get(1).by()).isEqualTo("promoter");
    }

    @Test
    void withTheTwoPersonRuleABreakGlassCountsOnlyOnceASecondDifferentPersonApproved() {
        // Given: in session, live waiting; alice opens a break-glass that needs two people
        clock.set(IN_SESSION);
        PromotionChain chain = passedWithBetaAndPaperSucceeded("freight-two");
        chain.tick();
        BreakGlass opened = breakGlass.open("alice", "hotfix INC-43", IN_SESSION, IN_SESSION.plus(Duration.ofHours(1)),
                2);

        // When: checked before any approval; alice tries to approve her own
        chain.tick();

        // Then: live still waits, and alice cannot be her own second person
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper");
        assertThat(opened.stateAt(IN_SESSION)).isEqualTo(BreakGlass.AWAITING_APPROVAL);
        assertThatThrownBy(() -> breakGlass.approve(opened.id(), "alice", IN_SESSION))
                .isInstanceOfSatisfying(BreakGlassException.class, e -> assertThat(e.status()).isEqualTo(403));

        // When: bob approves
        clock.set(IN_SESSION.plusSeconds(30));
        breakGlass.approve(opened.id(), "bob", clock.instant());
        chain.tick();

        // Then: live goes, naming both; bob cannot approve twice
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper", "live");
        assertThat(decisions(run)).last().extracting(d -> d.breakGlass().who()).isEqualTo("alice, approved by bob");
        assertThatThrownBy(() -> breakGlass.approve(opened.id(), "bob", clock.instant()))
                .isInstanceOf(BreakGlassException.class);
        assertThat(steps).extracting(s -> s.action() + " " + s.by()).containsExactly("opened alice", "approved bob",
                "used promoter");

        // When: it expires, and a new one is opened
        clock.set(IN_SESSION.plus(Duration.ofHours(1)));
        chain.tick();
        BreakGlass second = breakGlass.open("carol", "another", clock.instant(), clock.instant().plusSeconds(60), 2);

        // Then: the expiry is recorded once; both are kept, newest first
        chain.tick();
        assertThat(steps).extracting(BreakGlassRecorded::action).containsExactly("opened", "approved", "used",
                "expired", "opened");
        assertThat(breakGlass.all()).extracting(BreakGlass::id).containsExactly(second.id(), opened.id());
        assertThat(new BreakGlassStore(state, s -> { }).all()).hasSize(2);
    }

    @Test
    void anExpiredBreakGlassDoesNotCount() {
        // Given: a break-glass that expired an hour ago
        clock.set(IN_SESSION);
        breakGlass.open("bob", "yesterday's fix", IN_SESSION.minus(Duration.ofHours(3)),
                IN_SESSION.minus(Duration.ofHours(1)), 1);
        PromotionChain chain = passedWithBetaAndPaperSucceeded("freight-expired");

        // When
        chain.tick();

        // Then
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper");
        assertThat(decisions(run)).last().extracting(PromotionDecided::decision)
                .isEqualTo(PromotionDecided.WAITING);
    }

    @Test
    void aBreakGlassOpenedWhileLiveWaitsReleasesItOnTheNextCheckAndOneThatExpiredMeanwhileDoesNot() {
        // Given: live waiting in session
        clock.set(IN_SESSION);
        PromotionChain chain = passedWithBetaAndPaperSucceeded("freight-late-glass");
        chain.tick();
        breakGlass.open("carol", "regulatory deadline", IN_SESSION, IN_SESSION.plusSeconds(600), 1);

        // When: checked after it expired
        clock.set(IN_SESSION.plusSeconds(601));
        chain.tick();

        // Then
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper");

        // When: a new one, checked while it holds
        breakGlass.open("carol", "regulatory deadline", clock.instant(), clock.instant().plusSeconds(600), 1);
        chain.tick();

        // Then
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper", "live");
        assertThat(decisions(run)).last().extracting(d -> d.breakGlass().who()).isEqualTo("carol");
    }

    @Test
    void aFailedPaperPromotionStopsTheChainWithFailed() {
        // Given
        kargo.freight("freight-fail", tag);
        PromotionChain chain = chain();
        chain.onVerdict(verdict(run, tag, 0));
        kargo.succeed(promotion("beta"));
        chain.tick();

        // When
        kargo.finish(promotion("paper"), "Failed", "step git-push failed: authentication required");
        chain.tick();
        chain.tick();

        // Then
        assertThat(stagesPromoted(run)).containsExactly("beta", "paper");
        assertThat(decisions(run)).extracting(PromotionDecided::stage, PromotionDecided::decision).containsExactly(
                tuple("beta", "promoted"), tuple("paper", "promoted"), tuple("paper", "failed"));
        assertThat(decisions(run).get(2).reason()).contains(promotion("paper"), "Failed",
                "authentication required", "live is not promoted");
        assertThat(decisions(run).get(2).promotionName()).isEqualTo(promotion("paper"));
    }

    @Test
    void aFailedVerificationStopsTheChainWithFailed() {
        // Given: beta's Promotion succeeded, then its verification failed
        kargo.freight("freight-unverified", tag);
        PromotionChain chain = chain();
        chain.onVerdict(verdict(run, tag, 0));
        kargo.finish(promotion("beta"), "Succeeded", null);
        kargo.verificationEnded("beta", "freight-unverified", "Failed", "metric inttest-exit-code assessed Failed");

        // When
        chain.tick();

        // Then
        assertThat(stagesPromoted(run)).containsExactly("beta");
        assertThat(decisions(run)).last().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(PromotionDecided.FAILED);
            assertThat(d.reason()).contains("verification", "inttest-exit-code", "paper and live are not promoted");
        });
    }

    @Test
    void aSwitchedOffStageIsSkippedAndTheChainStopsThere() {
        // Given: paper switched off
        kargo.freight("freight-off", tag);
        PromotionChain chain = chain(settings(Set.of("paper")));
        chain.onVerdict(verdict(run, tag, 0));

        // When
        kargo.succeed(promotion("beta"));
        chain.tick();
        chain.tick();

        // Then
        assertThat(stagesPromoted(run)).containsExactly("beta");
        assertThat(decisions(run)).extracting(PromotionDecided::stage, PromotionDecided::decision).containsExactly(
                tuple("beta", "promoted"), tuple("paper", "skipped"));
        assertThat(decisions(run).get(1).reason()).contains("switched off", "promoter.stages.paper.enabled=false",
                "live is not promoted");
    }

    @Test
    void aBuildWhoseFreightIsNotThereYetWaitsForItOnlyFreightOfTheStonksImageCounts() {
        // Given: only Freight of another image with that tag
        kargo.freight("freight-other-image", "ghcr.io/someone/else", tag);
        PromotionChain chain = chain();

        // When
        chain.onVerdict(verdict(run, tag, 0));
        chain.tick();

        // Then: one waiting decision, nothing promoted
        assertThat(kargo.promotionsOf(run)).isEmpty();
        assertThat(decisions(run)).singleElement().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(PromotionDecided.WAITING);
            assertThat(d.reason()).contains("no Freight with image tag " + tag);
        });

        // When: the Warehouse discovers the image
        clock.advance(Duration.ofMinutes(6));
        kargo.freight("freight-discovered", tag);
        chain.tick();

        // Then
        assertThat(kargo.promotionsOf(run)).singleElement()
                .satisfies(p -> assertThat(p.<String>get("spec", "freight")).isEqualTo("freight-discovered"));
    }

    @Test
    void aBuildWhoseFreightNeverAppearsFailsAfterTheFreightWait() {
        // Given
        PromotionChain chain = chain();
        chain.onVerdict(verdict(run, tag, 0));

        // When: a minute short, then past the wait
        clock.advance(Duration.ofMinutes(14));
        chain.tick();
        assertThat(decisions(run)).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        chain.tick();

        // Then
        assertThat(kargo.promotionsOf(run)).isEmpty();
        assertThat(decisions(run)).extracting(PromotionDecided::decision)
                .containsExactly(PromotionDecided.WAITING, PromotionDecided.FAILED);
        assertThat(decisions(run).get(1).reason()).contains("within 15 min");
    }

    @Test
    void onlyTheBuildThatReachedLiveLastWaitsForTheClose() {
        // Given: two builds reach live during the session, one after the other
        clock.set(IN_SESSION);
        String older = run + "-a";
        String newer = run + "-b";
        kargo.freight("freight-older", tag + "a").freight("freight-newer", tag + "b");
        PromotionChain chain = chain();
        for (String[] build : new String[][] {{older, tag + "a"}, {newer, tag + "b"}}) {
            chain.onVerdict(verdict(build[0], build[1], 0));
            kargo.succeed(PromotionNames.of("beta", build[1], build[0]));
            chain.tick();
            kargo.succeed(PromotionNames.of("paper", build[1], build[0]));
            chain.tick();
        }

        // When: the market closes
        clock.set(CLOSE);
        chain.tick();

        // Then: the older one was superseded, the newer one goes live
        assertThat(decisions(older)).last().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(PromotionDecided.SKIPPED);
            assertThat(d.reason()).contains("superseded", tag + "b");
        });
        assertThat(stagesPromoted(older)).containsExactly("beta", "paper");
        assertThat(stagesPromoted(newer)).containsExactly("beta", "paper", "live");
    }

    @Test
    void aPromotionKargoNeverFinishesFailsAfterTheStageTimeout() {
        // Given
        kargo.freight("freight-stuck", tag);
        PromotionChain chain = chain();
        chain.onVerdict(verdict(run, tag, 0));

        // When
        clock.advance(Duration.ofMinutes(59));
        chain.tick();
        assertThat(decisions(run)).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        chain.tick();

        // Then
        assertThat(decisions(run)).last().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(PromotionDecided.FAILED);
            assertThat(d.reason()).contains("not yet picked up by Kargo", "1 h", "promoter.stage-timeout");
        });
    }

    @Test
    void aStageKargoDoesNotHaveFailsTheChainAtOnce() {
        // Given: a stage order naming a Stage that does not exist
        kargo.freight("freight-nostage", tag);
        PromotionChain chain = chain(new ChainSettings(List.of("canary", "beta"), Set.of(), Set.of(),
                Duration.ofMinutes(15), Duration.ofHours(1), true, 100));

        // When
        chain.onVerdict(verdict(run, tag, 0));

        // Then
        assertThat(kargo.promotionsOf(run)).isEmpty();
        assertThat(decisions(run)).singleElement().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(PromotionDecided.FAILED);
            assertThat(d.stage()).isEqualTo("canary");
            assertThat(d.reason()).contains("no Stage canary", "beta is not promoted");
        });
    }

    @Test
    void aVerdictWithoutAnImageTagIsRefusedSoThatItIsDeadLettered() {
        // Given
        PromotionChain chain = chain();
        RunVerdict verdict = new RunVerdict(run, 0, Json.MAPPER.createObjectNode().put("run_id", run),
                Instant.now());

        // When / Then
        assertThatThrownBy(() -> chain.onVerdict(verdict))
                .hasMessageContaining("no results.image_tag");
        assertThat(decisions(run)).isEmpty();
        assertThat(chain.chains(Optional.empty())).isEmpty();
    }

    @Test
    void decisionsThatCouldNotBePublishedArePublishedOnTheNextCheck() {
        // Given: the bus is down when the verdict is handled
        kargo.freight("freight-bus-down", tag);
        List<PromotionDecided> delivered = new ArrayList<>();
        boolean[] busUp = {false};
        PromotionChain chain = new PromotionChain(new KargoPromotions(client, TestKargo.NAMESPACE,
                Optional.of(TestKargo.IMAGE)), new ChainStore(state), breakGlass, MarketHours.nyse(), settings(Set
                        .of()), d -> {
                            if (!busUp[0]) {
                                throw new IllegalStateException("broker unreachable");
                            }
                            delivered.add(d);
                        }, clock);
        chain.onVerdict(verdict(run, tag, 0));
        assertThat(delivered).isEmpty();
        assertThat(stagesPromoted(run)).containsExactly("beta");

        // When
        busUp[0] = true;
        chain.tick();
        chain.tick();

        // Then: once, in order
        assertThat(delivered).extracting(PromotionDecided::stage, PromotionDecided::decision)
                .containsExactly(tuple("beta", "promoted"));
    }
}
