package dev.stonks.inttest.promoter.chain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.events.PromotionDecided;
import dev.stonks.inttest.events.RunVerdict;
import dev.stonks.inttest.promoter.breakglass.BreakGlass;
import dev.stonks.inttest.promoter.breakglass.BreakGlassStore;
import dev.stonks.inttest.promoter.config.ChainSettings;
import dev.stonks.inttest.promoter.kargo.KargoException;
import dev.stonks.inttest.promoter.kargo.PromotionNames;
import dev.stonks.inttest.promoter.kargo.PromotionStatus;
import dev.stonks.inttest.promoter.kargo.Verification;
import dev.stonks.inttest.promoter.market.MarketHours;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The promotion controller's state machine. A verdict starts a chain; {@link #tick()} (the scheduler) moves every
 * chain on: find the Freight, then per stage in order: switched off? -> {@code skipped}, the chain stops; market-gated
 * and the market open without an active break-glass? -> {@code waiting} until it closes; else create the Promotion
 * -> {@code promoted}; it Succeeded (and the Freight is verified in the stage) -> the next stage; it failed, or did
 * not finish in time -> {@code failed}, the chain stops.
 *
 * <p>Promotions go to a {@link PromotionBackend}: Kargo in a cluster, or the local record of the environments; the
 * decisions are the same on both, and each names its backend.
 *
 * <p>Every change is saved (state ConfigMap, or its file locally) before its decisions are published; decisions not yet published (the
 * bus was down) are published on the next tick. All methods are serialised: one promoter replica owns the state.
 */
public class PromotionChain {
    private static final Logger LOG = Logger.getLogger(PromotionChain.class);

    private final PromotionBackend backend;
    private final ChainStore store;
    private final BreakGlassStore breakGlass;
    private final MarketHours market;
    private final ChainSettings settings;
    private final DecisionOutlet outlet;
    private final Clock clock;
    private final Map<String, Chain> chains = new LinkedHashMap<>();

    public PromotionChain(PromotionBackend backend, ChainStore store, BreakGlassStore breakGlass, MarketHours market,
            ChainSettings settings, DecisionOutlet outlet, Clock clock) {
        this.backend = backend;
        this.store = store;
        this.breakGlass = breakGlass;
        this.market = market;
        this.settings = settings;
        this.outlet = outlet;
        this.clock = clock;
        for (Chain chain : store.load()) {
            chains.put(chain.key(), chain);
        }
        long inFlight = chains.values().stream().filter(c -> !c.step().isFinished()).count();
        if (!chains.isEmpty()) {
            LOG.infof("loaded %d promotion chains (%d in flight)", chains.size(), inFlight);
        }
    }

    /**
     * Starts the chain of a verdict. A run has one chain per attempt and only its newest attempt is acted on: a
     * verdict of a later attempt (a replay) supersedes the run's older chain - a step of it still in flight ends
     * {@code skipped}, "superseded by attempt N", and nothing more is promoted for it - and is then handled like a
     * first verdict. A verdict of the same or an earlier attempt is a redelivery and is ignored.
     */
    public synchronized void onVerdict(RunVerdict verdict) {
        int attempt = attempt(verdict);
        Optional<Chain> newest = newestOf(verdict.runId());
        if (newest.isPresent() && attempt <= newest.get().attempt()) {
            LOG.infof("run %s: attempt %d already has a promotion chain (%s at %s); verdict of attempt %d ignored",
                    verdict.runId(), newest.get().attempt(), newest.get().step().id(), newest.get().stage(), attempt);
            return;
        }
        String imageTag = imageTag(verdict);
        Instant now = clock.instant();
        newest.ifPresent(older -> supersede(older, attempt, imageTag, verdict.exitCode()));
        Chain chain = Chain.start(verdict.runId(), attempt, imageTag, verdict.exitCode(), settings.stages().get(0),
                now);
        if (verdict.exitCode() != 0) {
            chain = decide(chain, PromotionDecided.SKIPPED, "run " + verdict.runId() + attemptNote(attempt)
                    + " ended with exit code " + verdict.exitCode() + " (" + meaning(verdict.exitCode())
                    + "): nothing is promoted", null, null).withStep(Step.STOPPED);
            LOG.infof("run %s: attempt %d, exit code %d, image %s is not promoted", verdict.runId(), attempt,
                    verdict.exitCode(), imageTag);
        } else {
            LOG.infof("run %s: attempt %d passed, promoting image %s through %s", verdict.runId(), attempt, imageTag,
                    settings.stages());
        }
        chains.put(chain.key(), chain);
        if (verdict.exitCode() == 0) {
            advance(chain.key(), now);
        }
        commit();
    }

    /** Ends what is still in flight of a run's older attempt: nothing more is promoted for it. */
    private void supersede(Chain older, int attempt, String imageTag, int exitCode) {
        if (older.step().isFinished()) {
            return;
        }
        chains.put(older.key(), decide(older, PromotionDecided.SKIPPED, "superseded by attempt " + attempt
                + " of run " + older.runId() + " (image " + imageTag + ", exit code " + exitCode + "): nothing more "
                + "is promoted for attempt " + older.attempt() + (older.step() == Step.PROMOTING
                        || older.step() == Step.AWAIT_VERIFICATION ? "; Promotion " + older.promotionName()
                                + ", already created, is not followed any more" : ""), null, null)
                .withStep(Step.STOPPED));
        LOG.infof("run %s: the chain of attempt %d (%s at %s) is superseded by attempt %d", older.runId(),
                older.attempt(), older.step().id(), older.stage(), attempt);
    }

    private Optional<Chain> newestOf(String runId) {
        return chains.values().stream().filter(c -> c.runId().equals(runId))
                .max(Comparator.comparingInt(Chain::attempt));
    }

    /** Moves every chain in flight on as far as it goes now, and publishes what is still unpublished. */
    public synchronized void tick() {
        Instant now = clock.instant();
        breakGlass.check(now);
        List<Chain> before = List.copyOf(chains.values());
        for (String key : List.copyOf(chains.keySet())) {
            if (!chains.get(key).step().isFinished()) {
                advance(key, now);
            }
        }
        if (!before.equals(List.copyOf(chains.values()))
                || chains.values().stream().anyMatch(c -> !c.unpublished().isEmpty())) {
            commit();
        }
    }

    /** The chains held (in flight and recently finished), oldest first; of one image tag when it is given. */
    public synchronized List<Chain> chains(Optional<String> imageTag) {
        return chains.values().stream().filter(c -> imageTag.map(c.imageTag()::equals).orElse(true))
                .sorted(Comparator.comparing(Chain::startedAt)).toList();
    }

    private void advance(String key, Instant now) {
        Chain chain = chains.get(key);
        String runId = chain.runId();
        while (true) {
            Chain next;
            try {
                next = step(chain, now);
            } catch (KargoException e) {
                if (e.isTransient()) {
                    LOG.warnf("run %s: %s; trying again on the next check", runId, e.getMessage());
                    next = chain;
                } else {
                    next = decide(chain, PromotionDecided.FAILED, e.getMessage() + stopsHere(chain), null, null)
                            .withStep(Step.STOPPED);
                }
            }
            chains.put(key, next);
            if (next.equals(chain) || next.step().isFinished()) {
                return;
            }
            chain = next;
        }
    }

    private Chain step(Chain chain, Instant now) {
        return switch (chain.step()) {
            case FIND_FREIGHT, AWAIT_FREIGHT -> findFreight(chain, now);
            case READY -> ready(chain, now);
            case AWAIT_WINDOW -> awaitWindow(chain, now);
            case PROMOTING -> promoting(chain, now);
            case AWAIT_VERIFICATION -> awaitVerification(chain, now);
            case DONE, STOPPED -> chain;
        };
    }

    private Chain findFreight(Chain chain, Instant now) {
        Optional<String> freight = backend.freightFor(chain.imageTag());
        if (freight.isPresent()) {
            LOG.infof("run %s: image %s is Freight %s", chain.runId(), chain.imageTag(), freight.get());
            return chain.withFreight(freight.get()).at(chain.stage(), Step.READY, now);
        }
        Instant deadline = chain.since().plus(settings.freightWait());
        if (chain.step() == Step.FIND_FREIGHT) {
            return decide(chain, PromotionDecided.WAITING, "no Freight with image tag " + chain.imageTag()
                    + " in project namespace " + backend.namespace() + " yet (the Warehouse discovers new images "
                    + "periodically); looking again until " + deadline, null, null).withStep(Step.AWAIT_FREIGHT);
        }
        if (!now.isBefore(deadline)) {
            return decide(chain, PromotionDecided.FAILED, "no Freight with image tag " + chain.imageTag()
                    + " appeared in project namespace " + backend.namespace() + " within " + human(settings
                            .freightWait()) + ": is the image pushed, and does the Warehouse subscribe to it?",
                    null, null).withStep(Step.STOPPED);
        }
        return chain;
    }

    private Chain ready(Chain chain, Instant now) {
        String stage = chain.stage();
        if (settings.isSwitchedOff(stage)) {
            List<String> later = later(stage);
            return decide(chain, PromotionDecided.SKIPPED, "stage " + stage + " is switched off (promoter.stages."
                    + stage + ".enabled=false); the chain stops here" + (later.isEmpty() ? ""
                            : ", " + String.join(" and ", later) + " " + (later.size() == 1 ? "is" : "are")
                                    + " not promoted"), null, null).withStep(Step.STOPPED);
        }
        if (settings.isMarketGated(stage) && market.isOpen(now)) {
            Optional<BreakGlass> glass = breakGlass.active(now);
            if (glass.isPresent()) {
                return promote(chain, glass.get(), now);
            }
            Instant opens = market.closesAfter(now);
            Chain waiting = decide(chain, PromotionDecided.WAITING, "stage " + stage + " is not promoted while the "
                    + "market is open (" + market.describe() + "); it is carried out when the market closes at "
                    + market.local(opens) + " (" + opens + "), or earlier under a break-glass", null, null)
                    .at(stage, Step.AWAIT_WINDOW, now);
            supersedeOthersWaitingFor(waiting);
            return waiting;
        }
        return promote(chain, null, now);
    }

    private Chain awaitWindow(Chain chain, Instant now) {
        if (!market.isOpen(now)) {
            return promote(chain, null, now);
        }
        Optional<BreakGlass> glass = breakGlass.active(now);
        return glass.map(g -> promote(chain, g, now)).orElse(chain);
    }

    /**
     * Only the build that reached a gated stage last waits for it: when the market closes that is the one that should
     * go out, not every build that passed during the session one after the other; and one promoted under a
     * break-glass must not be overtaken at the close by an older one that was waiting.
     */
    private void supersedeOthersWaitingFor(Chain newer) {
        for (Chain other : List.copyOf(chains.values())) {
            if (!other.key().equals(newer.key()) && other.step() == Step.AWAIT_WINDOW
                    && other.stage().equals(newer.stage())) {
                chains.put(other.key(), decide(other, PromotionDecided.SKIPPED, "superseded: image "
                        + newer.imageTag() + " (run " + newer.runId() + ") reached stage " + newer.stage()
                        + " later and " + (newer.step() == Step.AWAIT_WINDOW ? "waits for it instead"
                                : "was promoted to it"), null, null).withStep(Step.STOPPED));
                LOG.infof("run %s: waiting promotion to %s superseded by run %s", other.runId(), other.stage(),
                        newer.runId());
            }
        }
    }

    private Chain promote(Chain chain, BreakGlass glass, Instant now) {
        String stage = chain.stage();
        String name = PromotionNames.of(stage, chain.imageTag(), chain.runId(), chain.attempt());
        boolean created = backend.promote(name, stage, chain.freight(), chain.runId(), chain.imageTag());
        StringBuilder reason = new StringBuilder(backend.promotedReason(name, created, chain.freight(), stage));
        if (glass != null) {
            reason.append(" during market hours, under the break-glass ").append(glass.id()).append(" of ")
                    .append(glass.toEvent().who()).append(" (").append(glass.reason()).append("), valid until ")
                    .append(glass.expiresAt());
            breakGlass.used(glass, chain.runId(), stage, now);
        }
        Chain promoting = decide(chain, PromotionDecided.PROMOTED, reason.toString(), name, glass).promoting(name,
                now);
        if (settings.isMarketGated(stage)) {
            supersedeOthersWaitingFor(promoting);
        }
        return promoting;
    }

    private Chain promoting(Chain chain, Instant now) {
        Optional<PromotionStatus> status = backend.status(chain.promotionName());
        if (status.isEmpty()) {
            return decide(chain, PromotionDecided.FAILED, "Promotion " + chain.promotionName() + " of stage "
                    + chain.stage() + " disappeared" + stopsHere(chain), chain.promotionName(), null)
                    .withStep(Step.STOPPED);
        }
        if (status.get().succeeded()) {
            LOG.infof("run %s: Promotion %s to %s succeeded", chain.runId(), chain.promotionName(), chain.stage());
            if (isLast(chain.stage())) {
                return chain.withStep(Step.DONE);
            }
            return settings.awaitVerification() ? chain.withStep(Step.AWAIT_VERIFICATION) : next(chain, now);
        }
        if (status.get().unsuccessful()) {
            return decide(chain, PromotionDecided.FAILED, "Promotion " + chain.promotionName() + " of stage "
                    + chain.stage() + " ended " + status.get().describe() + stopsHere(chain), chain.promotionName(),
                    null).withStep(Step.STOPPED);
        }
        return timedOut(chain, now, "Promotion " + chain.promotionName() + " is still " + status.get().describe());
    }

    private Chain awaitVerification(Chain chain, Instant now) {
        Verification verification = backend.verification(chain.freight(), chain.stage());
        return switch (verification.outcome()) {
            case VERIFIED -> next(chain, now);
            case FAILED -> decide(chain, PromotionDecided.FAILED, "freight " + chain.freight() + " failed its "
                    + "verification in stage " + chain.stage() + " (" + verification.message() + ")"
                    + stopsHere(chain), chain.promotionName(), null).withStep(Step.STOPPED);
            case PENDING -> timedOut(chain, now, "freight " + chain.freight() + " is not verified in stage "
                    + chain.stage() + " yet");
        };
    }

    private Chain timedOut(Chain chain, Instant now, String state) {
        if (now.isBefore(chain.since().plus(settings.stageTimeout()))) {
            return chain;
        }
        return decide(chain, PromotionDecided.FAILED, state + ", " + human(settings.stageTimeout()) + " after the "
                + "Promotion was created (promoter.stage-timeout)" + stopsHere(chain), chain.promotionName(), null)
                .withStep(Step.STOPPED);
    }

    private Chain next(Chain chain, Instant now) {
        int index = settings.stages().indexOf(chain.stage());
        return chain.at(settings.stages().get(index + 1), Step.READY, now);
    }

    private Chain decide(Chain chain, String decision, String reason, String promotionName, BreakGlass glass) {
        PromotionDecided decided = new PromotionDecided(chain.runId(), chain.imageTag(), chain.stage(), decision,
                reason, promotionName, glass == null ? null : glass.toEvent(), clock.instant(), backend.name());
        LOG.infof("run %s: %s %s: %s", chain.runId(), chain.stage(), decision, reason);
        return chain.decided(decided);
    }

    /** Saves the chains, then publishes the decisions not yet published and saves how far that got. */
    private void commit() {
        prune();
        store.save(chains.values());
        boolean published = false;
        for (Chain chain : List.copyOf(chains.values())) {
            int count = chain.published();
            try {
                for (PromotionDecided decision : chain.unpublished()) {
                    outlet.publish(decision);
                    count++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "run %s: could not publish a promotion.decided; trying again on the next check",
                        chain.runId());
            }
            if (count != chain.published()) {
                chains.put(chain.key(), chain.withPublished(count));
                published = true;
            }
        }
        if (published) {
            store.save(chains.values());
        }
    }

    /** Keeps every chain in flight and the newest finished ones, up to {@code promoter.state.history} in all. */
    private void prune() {
        List<Chain> finished = new ArrayList<>(chains.values().stream()
                .filter(c -> c.step().isFinished() && c.unpublished().isEmpty())
                .sorted(Comparator.comparing(Chain::startedAt)).toList());
        int excess = chains.size() - settings.history();
        for (int i = 0; i < excess && i < finished.size(); i++) {
            chains.remove(finished.get(i).key());
        }
    }

    private boolean isLast(String stage) {
        return Objects.equals(stage, settings.stages().get(settings.stages().size() - 1));
    }

    private List<String> later(String stage) {
        List<String> stages = settings.stages();
        return stages.subList(stages.indexOf(stage) + 1, stages.size());
    }

    private String stopsHere(Chain chain) {
        List<String> later = later(chain.stage());
        return later.isEmpty() ? "" : "; the chain stops: " + String.join(" and ", later) + " "
                + (later.size() == 1 ? "is" : "are") + " not promoted";
    }

    private static String imageTag(RunVerdict verdict) {
        JsonNode tag = verdict.results().path("image_tag");
        if (!tag.isTextual()) {
            throw new IllegalArgumentException("run.verdict of run " + verdict.runId()
                    + " has no results.image_tag: nothing to promote");
        }
        return Names.requireImageTag(tag.asText());
    }

    /** The verdict's {@code results.attempt}; 1 when it has none (a reporter from before replays). */
    private static int attempt(RunVerdict verdict) {
        JsonNode attempt = verdict.results().path("attempt");
        if (attempt.isMissingNode() || attempt.isNull()) {
            return 1;
        }
        if (!attempt.canConvertToInt() || !attempt.isIntegralNumber() || attempt.asInt() < 1) {
            throw new IllegalArgumentException("run.verdict of run " + verdict.runId()
                    + " has results.attempt " + attempt + ": it must be an integer, 1 or more");
        }
        return attempt.asInt();
    }

    private static String attemptNote(int attempt) {
        return attempt == 1 ? "" : " (attempt " + attempt + ")";
    }

    private static String meaning(int exitCode) {
        return switch (exitCode) {
            case 1 -> "test failures or errors";
            case 2 -> "infrastructure setup failure";
            default -> "passed";
        };
    }

    static String human(Duration d) {
        if (d.toSecondsPart() == 0 && d.toMinutesPart() == 0) {
            return d.toHours() + " h";
        }
        if (d.toSecondsPart() == 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}
