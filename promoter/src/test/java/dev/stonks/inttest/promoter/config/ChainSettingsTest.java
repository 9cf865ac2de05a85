package dev.stonks.inttest.promoter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The settings as SmallRye reads them (properties and environment variables), and their checks. */
class ChainSettingsTest {

    private static PromoterConfig config(Map<String, String> properties, Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PromoterConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 250))
                .withSources(new EnvConfigSource(env, 300)).build();
        return config.getConfigMapping(PromoterConfig.class);
    }

    @Test
    void theDefaultsPromoteBetaPaperLiveWithLiveGatedByNyseHours() {
        PromoterConfig config = config(Map.of(), Map.of());

        ChainSettings settings = ChainSettings.from(config);

        assertThat(config.projectNamespace()).isEqualTo("stonks");
        assertThat(settings.stages()).containsExactly("beta", "paper", "live");
        assertThat(settings.switchedOff()).isEmpty();
        assertThat(settings.marketGated()).containsExactly("live");
        assertThat(settings.freightWait()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.stageTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.awaitVerification()).isTrue();
        assertThat(config.market().zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(config.market().opens()).isEqualTo(LocalTime.of(9, 30));
        assertThat(config.market().closes()).isEqualTo(LocalTime.of(16, 0));
        assertThat(config.checkInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.breakGlass().maxDuration()).isEqualTo(Duration.ofHours(24));
        assertThat(config.state().configMap()).isEqualTo("inttest-promoter-state");
        assertThat(config.state().namespace()).isEmpty();
        assertThat(config.imageRepository()).isEmpty();
    }

    @Test
    void aStageIsSwitchedOffByPropertyOrEnvironmentVariable() {
        assertThat(ChainSettings.from(config(Map.of("promoter.stages.live.enabled", "false"), Map.of()))
                .switchedOff()).containsExactly("live");
        assertThat(ChainSettings.from(config(Map.of(), Map.of("PROMOTER_STAGES_PAPER_ENABLED", "false")))
                .switchedOff()).containsExactly("paper");
        assertThat(ChainSettings.from(config(Map.of("promoter.stages.beta.enabled", "true"), Map.of()))
                .switchedOff()).isEmpty();
    }

    @Test
    void aSwitchForAStageNotInTheOrderStopsStartUp() {
        PromoterConfig typo = config(Map.of("promoter.stages.lve.enabled", "false"), Map.of());

        assertThatThrownBy(() -> ChainSettings.from(typo))
                .hasMessage("promoter.stages.<stage>.enabled names [lve], which is not in promoter.stage-order "
                        + "[beta, paper, live]");
    }

    @Test
    void theOrderAndTheGatesAreChecked() {
        assertThatThrownBy(() -> ChainSettings.from(config(Map.of("promoter.market.gated-stages", "prod"),
                Map.of()))).hasMessageContaining("promoter.market.gated-stages names [prod]");
        assertThatThrownBy(() -> ChainSettings.from(config(Map.of("promoter.stage-order", "beta,beta"),
                Map.of()))).hasMessageContaining("twice");
        assertThatThrownBy(() -> ChainSettings.from(config(Map.of("promoter.stage-order", "beta,Paper"),
                Map.of()))).hasMessageContaining("'Paper' is not a Kargo Stage name");
        assertThatThrownBy(() -> new ChainSettings(List.of("beta"), Set.of(), Set.of(), Duration.ZERO,
                Duration.ofHours(1), true, 10)).hasMessageContaining("promoter.freight-wait");
    }

    @Test
    void otherOrdersAndHoursAreRead() {
        PromoterConfig config = config(Map.of("promoter.stage-order", "beta,live",
                "promoter.market.opens", "08:00", "promoter.market.zone", "Europe/London",
                "promoter.image-repository", "ghcr.io/stonks/stonks"), Map.of("PROMOTER_FREIGHT_WAIT", "30m"));

        ChainSettings settings = ChainSettings.from(config);

        assertThat(settings.stages()).containsExactly("beta", "live");
        assertThat(settings.freightWait()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.market().opens()).isEqualTo(LocalTime.of(8, 0));
        assertThat(config.market().zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(config.imageRepository()).isEqualTo(Optional.of("ghcr.io/stonks/stonks"));
    }
}
