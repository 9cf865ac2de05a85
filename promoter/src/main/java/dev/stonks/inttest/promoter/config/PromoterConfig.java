package dev.stonks.inttest.promoter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The promoter's settings; {@link ChainSettings#from(PromoterConfig)} checks them at start-up. */
@ConfigMapping(prefix = "promoter")
public interface PromoterConfig {

    /**
     * Where promotions go: {@code kargo} (Kargo Promotions in the cluster; state in a ConfigMap) or {@code local} (a
     * local record of the environments and the state in files under {@code promoter.local.dir}; nothing is deployed).
     */
    @WithDefault("kargo")
    String backend();

    /** The local backend's directory. */
    Local local();

    /** The Kargo project's namespace, where its Warehouse, Stages, Freight and the promoter's Promotions live. */
    @WithDefault("stonks")
    String projectNamespace();

    /** The Kargo Stages in promotion order; each one is promoted after the one before it succeeded. */
    @WithDefault("beta,paper,live")
    List<String> stageOrder();

    /** Per-stage switches, {@code promoter.stages.<stage>.enabled}; a stage not named here is enabled. */
    @WithDefaults
    Map<String, StageSwitch> stages();

    /** The trading session during which the gated stages are not promoted. */
    Market market();

    /** How often waiting and running promotions are looked at again. */
    @WithDefault("10s")
    Duration checkInterval();

    /**
     * How long a passing build waits for its Freight to appear (the Warehouse discovers new images every 5 minutes,
     * and the image may be pushed after the verdict); after that the chain is {@code failed}.
     */
    @WithDefault("15m")
    Duration freightWait();

    /** How long a stage may take from its Promotion's creation to Succeeded (and verified); then {@code failed}. */
    @WithDefault("1h")
    Duration stageTimeout();

    /**
     * Whether the next stage waits until the Freight is verified in the stage before (Freight
     * {@code status.verifiedIn}). Kargo lets paper take Freight only once verified in beta (the Stages' sources), so
     * promoting earlier would be refused.
     */
    @WithDefault("true")
    boolean awaitVerification();

    /** Only Freight whose image comes from this repository counts (e.g. ghcr.io/stonks/stonks); any when unset. */
    Optional<String> imageRepository();

    BreakGlass breakGlass();

    State state();

    interface StageSwitch {
        @WithDefault("true")
        boolean enabled();
    }

    interface Market {
        @WithDefault("America/New_York")
        ZoneId zone();

        @WithDefault("09:30")
        LocalTime opens();

        @WithDefault("16:00")
        LocalTime closes();

        /** The stages not promoted while the market is open (unless a break-glass is active). */
        @WithDefault("live")
        List<String> gatedStages();
    }

    interface BreakGlass {
        /** The farthest a break-glass may reach into the future; at most 24 h. */
        @WithDefault("24h")
        Duration maxDuration();

        /**
         * How many people must stand behind a break-glass before it counts: 1 (the opener), or 2 (the opener and a
         * second, different person with {@code promotions:approve}: the two-person rule).
         */
        @WithDefault("1")
        int approvals();
    }

    interface Local {
        /** Where the local record of the environments and the promoter's state are kept. */
        @WithDefault(".inttest/promoter")
        Path dir();
    }

    interface State {
        /** The namespace of the state ConfigMap; the Kubernetes client's namespace (the pod's own) when unset. */
        Optional<String> namespace();

        /** The ConfigMap that keeps the break-glass and the promotions in flight across restarts. */
        @WithDefault("inttest-promoter-state")
        String configMap();

        /** How many finished chains are kept (for the API and to recognise a redelivered verdict). */
        @WithDefault("100")
        int history();
    }
}
