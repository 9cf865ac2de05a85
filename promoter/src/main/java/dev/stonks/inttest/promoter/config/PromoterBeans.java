package dev.stonks.inttest.promoter.config;

import dev.stonks.inttest.promoter.breakglass.BreakGlassStore;
import dev.stonks.inttest.promoter.chain.ChainStore;
import dev.stonks.inttest.promoter.chain.DecisionOutlet;
import dev.stonks.inttest.promoter.chain.PromotionChain;
import dev.stonks.inttest.promoter.kargo.KargoPromotions;
import dev.stonks.inttest.promoter.market.MarketHours;
import dev.stonks.inttest.promoter.state.StateConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Builds the promoter's parts from its settings. The chain is created at start-up: invalid settings, or a state
 * ConfigMap that cannot be read, stop the promoter from starting rather than a promotion later.
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

    @Produces
    @Singleton
    KargoPromotions kargoPromotions(KubernetesClient client, PromoterConfig config) {
        return new KargoPromotions(client, config.projectNamespace(), config.imageRepository());
    }

    @Produces
    @Singleton
    StateConfigMap stateConfigMap(KubernetesClient client, PromoterConfig config) {
        String namespace = config.state().namespace().orElseGet(client::getNamespace);
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalStateException("promoter.state.namespace is not set and the Kubernetes client has no "
                    + "namespace: where should the state ConfigMap live?");
        }
        return new StateConfigMap(client, namespace, config.state().configMap());
    }

    @Produces
    @Singleton
    BreakGlassStore breakGlassStore(StateConfigMap state) {
        return new BreakGlassStore(state);
    }

    @Produces
    @Singleton
    @Startup
    PromotionChain promotionChain(KargoPromotions kargo, StateConfigMap state, BreakGlassStore breakGlass,
            MarketHours market, ChainSettings settings, DecisionOutlet outlet, Clock clock) {
        return new PromotionChain(kargo, new ChainStore(state), breakGlass, market, settings, outlet, clock);
    }
}
