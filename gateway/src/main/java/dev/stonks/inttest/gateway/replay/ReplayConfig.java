package dev.stonks.inttest.gateway.replay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** What the replay door needs ({@code replay.*}, env {@code REPLAY_*}): the reporter that knows the runs. */
@ConfigMapping(prefix = "replay")
public interface ReplayConfig {

    /**
     * The reporter's base URL ({@code http://inttest-reporter:8080} in the cluster); the door asks it about the run
     * before publishing. Unset: {@code POST /api/runs/{id}/replay} answers 503 {@code replay-not-configured}.
     */
    Optional<String> reporterUrl();

    /** How long the door waits for the reporter's answer. */
    @WithDefault("PT5S")
    Duration reporterTimeout();
}
