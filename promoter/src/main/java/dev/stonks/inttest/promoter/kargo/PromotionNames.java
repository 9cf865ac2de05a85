package dev.stonks.inttest.promoter.kargo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The deterministic name of the Promotion of one run's build to one stage: {@code <stage>-<tag>-<run>}, the tag
 * lower-cased, anything but letters and digits turned into '-', at most 12 characters, and the run as the first 8 hex
 * digits of its SHA-256 (run ids are long), then {@code -a<attempt>} for a replayed attempt (2 and later; attempt 1
 * keeps the name it had before replays existed). The same verdict always names the same Promotion, so a redelivery
 * finds it instead of creating a second one; two runs of one tag, or two attempts of one run, get different ones.
 */
public final class PromotionNames {
    static final int TAG_CHARS = 12;

    private PromotionNames() {
    }

    public static String of(String stage, String imageTag, String runId) {
        return of(stage, imageTag, runId, 1);
    }

    public static String of(String stage, String imageTag, String runId, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, was " + attempt);
        }
        String tag = imageTag.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        tag = tag.substring(0, Math.min(TAG_CHARS, tag.length())).replaceAll("^-+|-+$", "");
        return stage + "-" + (tag.isEmpty() ? "x" : tag) + "-" + runHash(runId)
                + (attempt == 1 ? "" : "-a" + attempt);
    }

    static String runHash(String runId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(runId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
