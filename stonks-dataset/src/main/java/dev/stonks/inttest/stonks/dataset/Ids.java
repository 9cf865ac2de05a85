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

    /** Recommendation {@code index} (0..3) of a company. */
    public static UUID recommendation(String ticker, int index) {
        return nameBased("recommendation/" + ticker + "/" + index);
    }

    public static UUID citation(UUID recommendationId, UUID documentId) {
        return nameBased("citation/" + recommendationId + "/" + documentId);
    }

    /** Global event {@code index} (0 = the oldest). */
    public static UUID globalEvent(int index) {
        return nameBased("global-event/" + index);
    }

    public static UUID macroImpact(int eventIndex, String ticker) {
        return nameBased("macro-impact/" + eventIndex + "/" + ticker);
    }

    public static UUID agent(String name) {
        return nameBased("agent/" + name);
    }

    public static UUID agentVariant(String agentName, String variantName) {
        return nameBased("agent-variant/" + agentName + "/" + variantName);
    }

    public static UUID tradingEngineConfig() {
        return nameBased("trading-engine-config");
    }

    public static UUID riskLimit(String name) {
        return nameBased("risk-limit/" + name);
    }

    /** Order {@code k} of a company on trading day {@code day} (see {@link TradingDays}). */
    public static UUID order(String ticker, int day, int k) {
        return nameBased("order/" + ticker + "/" + day + "/" + k);
    }

    /** The risk evaluation of order {@code (ticker, day, k)}. */
    public static UUID riskEvaluation(String ticker, int day, int k) {
        return nameBased("risk-evaluation/" + ticker + "/" + day + "/" + k);
    }

    public static UUID riskApproval(String ticker, int day, int k) {
        return nameBased("risk-approval/" + ticker + "/" + day + "/" + k);
    }

    /** Trading decision {@code k} of a company on trading day {@code day}. */
    public static UUID tradingDecision(String ticker, int day, int k) {
        return nameBased("trading-decision/" + ticker + "/" + day + "/" + k);
    }

    public static UUID position(String ticker) {
        return nameBased("position/" + ticker);
    }

    public static UUID portfolioSnapshot(int day) {
        return nameBased("portfolio-snapshot/" + day);
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
        MessageDigest sha1 = namespace.equals(NAMESPACE) ? DATASET_DIGEST.get() : digestOf(namespace);
        byte[] hash;
        try {
            MessageDigest copy = (MessageDigest) sha1.clone();
            hash = copy.digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            MessageDigest fresh = digestOf(namespace);
            hash = fresh.digest(name.getBytes(StandardCharsets.UTF_8));
        }
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /** A SHA-1 digest that has already consumed the namespace bytes (cloned per id: the ids of millions of rows). */
    private static final ThreadLocal<MessageDigest> DATASET_DIGEST = ThreadLocal.withInitial(() -> digestOf(NAMESPACE));

    private static MessageDigest digestOf(UUID namespace) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        return sha1;
    }
}
