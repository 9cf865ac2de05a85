package dev.stonks.inttest.promoter.config;

import dev.stonks.inttest.promoter.breakglass.BreakGlassStore;
import dev.stonks.inttest.promoter.chain.ChainStore;
import dev.stonks.inttest.promoter.chain.DecisionOutlet;
import dev.stonks.inttest.promoter.chain.PromotionChain;
import dev.stonks.inttest.events.PromotionDecided;
import dev.stonks.inttest.promoter.chain.PromotionBackend;
import dev.stonks.inttest.promoter.kargo.KargoPromotions;
import dev.stonks.inttest.promoter.local.LocalEnvironments;
import dev.stonks.inttest.promoter.market.MarketHours;
import dev.stonks.inttest.promoter.state.StateConfigMap;
import dev.stonks.inttest.promoter.state.StateFile;
import dev.stonks.inttest.promoter.state.StateStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import dev.stonks.inttest.support.EventPublisher;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the promoter's parts from its settings. The chain is created at start-up: invalid settings, or a state
 * ConfigMap (or state file) that cannot be read, stop the promoter from starting rather than a promotion later.
 */
@ApplicationScoped
public class PromoterBeans {

    /** The time every decision is taken at; tests replace it with a clock they move. */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ChainSettings chainSettings(PromoterConfig config) {
        return ChainSettings.from(config);
    }

    @Produces
    @Singleton
    MarketHours marketHours(PromoterConfig config) {
        return new MarketHours(config.market().zone(), config.market().opens(), config.market().closes());
    }

    /**
     * Kargo in the cluster, or the local record of the environments ({@code promoter.backend=local}); the Kubernetes
     * client is not even created for the local one.
     */
    @Produces
    @Singleton
    PromotionBackend promotionBackend(Instance<KubernetesClient> client, PromoterConfig config, Clock clock) {
        if (isLocal(config)) {
            return new LocalEnvironments(config.local().dir(), clock);
        }
        return new KargoPromotions(client.get(), config.projectNamespace(), config.imageRepository());
    }

    /** The state ConfigMap in the cluster; the state file of {@code promoter.local.dir} for the local backend. */
    @Produces
    @Singleton
    StateStore stateStore(Instance<KubernetesClient> clients, PromoterConfig config) {
        if (isLocal(config)) {
            return new StateFile(config.local().dir());
        }
        KubernetesClient client = clients.get();
        String namespace = config.state().namespace().orElseGet(client::getNamespace);
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalStateException("promoter.state.namespace is not set and the Kubernetes client has no "
                    + "namespace: where should the state ConfigMap live?");
        }
        return new StateConfigMap(client, namespace, config.state().configMap());
    }

    @Produces
    @Singleton
    BreakGlassStore breakGlassStore(StateStore state, EventPublisher publisher, PromoterConfig config) {
        int approvals = config.breakGlass().approvals();
        if (approvals < 1 || approvals > 2) {
            throw new IllegalStateException("promoter.break-glass.approvals must be 1 or 2, was " + approvals);
        }
        if (config.breakGlass().maxDuration().compareTo(Duration.ofHours(24)) > 0
                || config.breakGlass().maxDuration().isNegative() || config.breakGlass().maxDuration().isZero()) {
            throw new IllegalStateException("promoter.break-glass.max-duration must be positive and at most 24h, was "
                    + config.breakGlass().maxDuration());
        }
        return new BreakGlassStore(state, publisher::publish);
    }

    @Produces
    @Singleton
    @Startup
    PromotionChain promotionChain(PromotionBackend backend, StateStore state, BreakGlassStore breakGlass,
            MarketHours market, ChainSettings settings, DecisionOutlet outlet, Clock clock) {
        return new PromotionChain(backend, new ChainStore(state), breakGlass, market, settings, outlet, clock);
    }

    static boolean isLocal(PromoterConfig config) {
        String backend = config.backend().trim();
        if (!PromotionDecided.BACKENDS.contains(backend)) {
            throw new IllegalArgumentException("promoter.backend must be one of " + PromotionDecided.BACKENDS
                    + ", was '" + backend + "'");
        }
        return PromotionDecided.BACKEND_LOCAL.equals(backend);
    }
}
