package dev.stonks.inttest.support.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How tokens are stored: {@code sha256:<64 hex>} of the token's UTF-8 bytes. A token is 32 random bytes (256 bits),
 * so an unsalted fast hash is enough: there is nothing to guess from a leaked hash.
 */
public final class TokenHash {
    public static final String PREFIX = "sha256:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHash() {
    }

    /** A new token: 32 random bytes, base64url without padding (43 characters), prefixed {@code itt_}. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "itt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 digest of {@code token}'s UTF-8 bytes. */
    public static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code sha256:<hex>}, as a tokens file line carries it. */
    public static String of(String token) {
        return PREFIX + HexFormat.of().formatHex(digest(token));
    }
}
