package dev.stonks.inttest.stonks.dataset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

/**
 * The dataset's identifiers: name-based (RFC 9562 version 5, SHA-1) UUIDs in one fixed namespace, so an id
 * is a pure function of what the row is ("company AAPL", "document 3 of AAPL") and never changes between
 * runs, machines or scale factors.
 *
 * <p>Tests can reference a row without building the dataset, e.g. {@code Ids.company("AAPL")} or
 * {@code Ids.trendWindow("NVDA", 0)}; the dataset uses exactly these functions for its rows.
 */
public final class Ids {

    /** Namespace of every dataset id (itself a fixed, hard-coded UUID). */
    public static final UUID NAMESPACE = UUID.fromString("6f1c7a52-3d0e-4b8a-9c51-2b7f0e9d4a10");

    private Ids() {
    }

    public static UUID company(String ticker) {
        return nameBased("company/" + ticker);
    }

    public static UUID alias(String ticker, String alias) {
        return nameBased("alias/" + ticker + "/" + alias.toLowerCase(Locale.ROOT));
    }

    public static UUID source(String ticker, SourceKind kind) {
        return nameBased("source/" + ticker + "/" + kind.value());
    }

    public static UUID competitorRelationship(String ticker, String competitorTicker) {
        return nameBased("competitor/" + ticker + "/" + competitorTicker);
    }

    /** Document {@code index} of a company; indexes below the base count exist at every scale. */
    public static UUID document(String ticker, int index) {
        return nameBased("document/" + ticker + "/" + index);
    }

    public static UUID intelligenceRecord(String ticker, int documentIndex, IntelligenceKind kind) {
        return nameBased("intelligence/" + ticker + "/" + documentIndex + "/" + kind.value());
    }

    public static UUID trendWindow(String ticker, int index) {
        return nameBased("trend-window/" + ticker + "/" + index);
    }

    public static UUID trendProjection(String ticker, int windowIndex, int horizonDays) {
        return nameBased("trend-projection/" + ticker + "/" + windowIndex + "/" + horizonDays);
    }

    public static UUID ingestionRun(String ticker, SourceKind kind, int index) {
        return nameBased("ingestion-run/" + ticker + "/" + kind.value() + "/" + index);
    }

    /**
     * UUIDs in PostgreSQL's order (unsigned, byte by byte). {@link UUID#compareTo} compares signed longs and
     * disagrees with {@code ORDER BY id} for about half of all pairs.
     */
    public static final Comparator<UUID> POSTGRES_ORDER = (a, b) -> {
        int msb = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return msb != 0 ? msb : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /** A version 5 UUID of {@code name} in {@link #NAMESPACE}. */
    public static UUID nameBased(String name) {
        return v5(NAMESPACE, name);
    }

    /** RFC 9562 section 5.5: SHA-1 of namespace bytes + UTF-8 name, version 5, variant 10. */
    public static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
