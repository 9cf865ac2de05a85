package dev.stonks.inttest.promoter.kargo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromotionNamesTest {

    @Test
    void theNameIsStageTagAndRunAndTheSameForTheSameVerdict() {
        String name = PromotionNames.of("beta", "3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345", "stonks-inttest-1a2b");

        assertThat(name).matches("beta-3f9c2a1b7d4e-[0-9a-f]{8}");
        assertThat(PromotionNames.of("beta", "3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345", "stonks-inttest-1a2b"))
                .isEqualTo(name);
        assertThat(PromotionNames.of("beta", "3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345", "stonks-inttest-1a2c"))
                .isNotEqualTo(name);
        assertThat(PromotionNames.of("paper", "3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345", "stonks-inttest-1a2b"))
                .startsWith("paper-");
    }

    @Test
    void anyOciTagGivesAValidResourceName() {
        assertThat(PromotionNames.of("live", "V1.2.3_RC-1", "r")).matches("live-v1-2-3-rc-1-[0-9a-f]{8}");
        assertThat(PromotionNames.of("live", "_.__", "r")).matches("live-x-[0-9a-f]{8}");
        assertThat(PromotionNames.of("live", "release.2026.11__", "r")).matches("live-release-2026-[0-9a-f]{8}");
        // cut at 12 characters, never ending in '-'
        assertThat(PromotionNames.of("live", "abcdefghijk.l", "r")).matches("live-abcdefghijk-[0-9a-f]{8}");
    }

    @Test
    void eachAttemptOfARunHasItsOwnNameAndAttempt1KeepsTheNameFromBeforeReplays() {
        String first = PromotionNames.of("beta", "3f9c2a1b7d4e", "stonks-inttest-1a2b");

        assertThat(PromotionNames.of("beta", "3f9c2a1b7d4e", "stonks-inttest-1a2b", 1)).isEqualTo(first);
        assertThat(PromotionNames.of("beta", "3f9c2a1b7d4e", "stonks-inttest-1a2b", 2)).isEqualTo(first + "-a2")
                .isEqualTo(PromotionNames.of("beta", "3f9c2a1b7d4e", "stonks-inttest-1a2b", 2));
        assertThat(PromotionNames.of("beta", "3f9c2a1b7d4e", "stonks-inttest-1a2b", 12)).endsWith("-a12");
    }
}
