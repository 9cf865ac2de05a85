package dev.stonks.inttest.promoter.chain;

import dev.stonks.inttest.promoter.kargo.PromotionStatus;
import dev.stonks.inttest.promoter.kargo.Verification;
import java.util.Optional;

/**
 * Where the chain's promotions go: Kargo in a cluster ({@link dev.stonks.inttest.promoter.kargo.KargoPromotions}), or
 * a local record of the environments without a cluster ({@link dev.stonks.inttest.promoter.local.LocalEnvironments}).
 * The chain's decisions (order, switches, market hours, break-glass, time limits) are the same on both.
 */
public interface PromotionBackend {

    /** {@code kargo} or {@code local}, as carried by every {@code promotion.decided} ({@code backend}). */
    String name();

    /** Where promotions go, for messages (the Kargo project's namespace; the local record's file). */
    String namespace();

    /** What to promote for a build: Kargo's Freight of the image tag, once the Warehouse found it. */
    Optional<String> freightFor(String imageTag);

    /** Makes the promotion {@code name}; false when it existed already (a repeated verdict): it is followed then. */
    boolean promote(String name, String stage, String freight, String runId, String imageTag);

    /** The promotion's status; empty when there is no such promotion. */
    Optional<PromotionStatus> status(String name);

    /** Whether {@code freight} passed its verification in {@code stage}. */
    Verification verification(String freight, String stage);

    /** The reason of a {@code promoted} decision (without the break-glass part). */
    default String promotedReason(String name, boolean created, String freight, String stage) {
        return (created ? "created Promotion " : "Promotion ") + name + (created ? ""
                : " already existed (a repeated verdict); following it") + ": freight " + freight + " to stage "
                + stage;
    }
}
