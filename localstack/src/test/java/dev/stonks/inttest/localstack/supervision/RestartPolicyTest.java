package dev.stonks.inttest.localstack.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.localstack.supervision.RestartPolicy.GiveUp;
import dev.stonks.inttest.localstack.supervision.RestartPolicy.Restart;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {
    private static final Duration QUICK = Duration.ofSeconds(2);
    private static final Duration HEALTHY = Duration.ofSeconds(60);

    @Test
    void backsOffOneTwoFourEightSixteenSecondsThenGivesUpAfterFiveRestartsInARow() {
        RestartPolicy policy = new RestartPolicy(RestartPolicy.Settings.DEFAULT);

        assertThat(policy.onExit(QUICK)).isEqualTo(new Restart(Duration.ofSeconds(1), 1));
        assertThat(policy.onExit(QUICK)).isEqualTo(new Restart(Duration.ofSeconds(2), 2));
        assertThat(policy.onExit(QUICK)).isEqualTo(new Restart(Duration.ofSeconds(4), 3));
        assertThat(policy.onExit(QUICK)).isEqualTo(new Restart(Duration.ofSeconds(8), 4));
        assertThat(policy.onExit(QUICK)).isEqualTo(new Restart(Duration.ofSeconds(16), 5));
        assertThat(policy.onExit(QUICK)).isEqualTo(new GiveUp(5));
        assertThat(policy.restarts()).isEqualTo(5);
    }

    @Test
    void sixtySecondsOfUptimeResetTheBackoffAndTheCrashLoopCount() {
        RestartPolicy policy = new RestartPolicy(RestartPolicy.Settings.DEFAULT);
        for (int i = 0; i < 4; i++) {
            policy.onExit(QUICK);
        }

        assertThat(policy.onExit(HEALTHY)).isEqualTo(new Restart(Duration.ofSeconds(1), 5));
        for (int i = 0; i < 4; i++) {
            assertThat(policy.onExit(QUICK)).isInstanceOf(Restart.class);
        }
        assertThat(policy.onExit(QUICK)).isEqualTo(new GiveUp(9));
    }

    @Test
    void justUnderSixtySecondsIsStillACrash() {
        RestartPolicy policy = new RestartPolicy(RestartPolicy.Settings.DEFAULT);
        policy.onExit(QUICK);

        assertThat(policy.onExit(HEALTHY.minusMillis(1))).isEqualTo(new Restart(Duration.ofSeconds(2), 2));
    }

    @Test
    void theBackoffIsCappedAtThirtySeconds() {
        RestartPolicy policy = new RestartPolicy(new RestartPolicy.Settings(Duration.ofSeconds(1),
                Duration.ofSeconds(30), HEALTHY, 10));
        for (int i = 0; i < 5; i++) {
            policy.onExit(QUICK);
        }

        assertThat(policy.onExit(QUICK)).isEqualTo(new Restart(Duration.ofSeconds(30), 6));
        assertThat(policy.onExit(QUICK)).isEqualTo(new Restart(Duration.ofSeconds(30), 7));
    }

    @Test
    void noRestartsAllowedMeansTheFirstExitIsFinal() {
        RestartPolicy policy = new RestartPolicy(new RestartPolicy.Settings(Duration.ofSeconds(1),
                Duration.ofSeconds(30), HEALTHY, 0));

        assertThat(policy.onExit(HEALTHY)).isEqualTo(new GiveUp(0));
    }
}
