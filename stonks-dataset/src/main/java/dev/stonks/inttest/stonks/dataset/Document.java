package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code documents}. The normalized text itself is not held here (it is large at high scale);
 * {@link StonksDataset#text(Document)} regenerates it, and {@link #sha256()} / {@link #wordCount()} were
 * computed from exactly those bytes.
 */
public record Document(UUID id, UUID companyId, UUID sourceId, String title, Instant publishedAt,
        String objectKey, String sha256, int wordCount) {

    public Document {
        Checks.required(id, "id");
        Checks.required(companyId, "companyId");
        Checks.nonBlank(title, "title");
        Checks.required(publishedAt, "publishedAt");
        Checks.nonBlank(objectKey, "objectKey");
        Checks.required(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
        Checks.atLeast(wordCount, 0, "wordCount");
    }
}
