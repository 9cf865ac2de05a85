package dev.stonks.inttest.gateway.runs;

import dev.stonks.inttest.events.Names;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The run ids the gateway gives out. Each is also the run's namespace (as with {@code inttest run}), so it is a
 * DNS-1123 label starting with {@code stonks-inttest-}.
 */
public final class RunIds {
    static final String WEBHOOK_PREFIX = Names.NAMESPACE_PREFIX + "gh-";
    static final String API_PREFIX = Names.NAMESPACE_PREFIX + "api-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    /**
     * {@code stonks-inttest-gh-<first 12 hex digits of sha256(delivery id)>}: the same for every delivery attempt of a
     * webhook event, whichever replica receives it, so that a redelivery names the same run (the stages are
     * idempotent per run). 48 bits: a collision is not a practical concern at the rate of pushes.
     */
    public static String forDelivery(String deliveryId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deliveryId.getBytes(StandardCharsets.UTF_8));
            return Names.requireRunId(WEBHOOK_PREFIX + HexFormat.of().formatHex(digest).substring(0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** {@code stonks-inttest-api-<epoch seconds>-<6 random hex digits>}, for an API request that names no namespace. */
    public static String fresh(Instant now) {
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return Names.requireRunId(API_PREFIX + now.getEpochSecond() + "-" + HexFormat.of().formatHex(random));
    }
}
