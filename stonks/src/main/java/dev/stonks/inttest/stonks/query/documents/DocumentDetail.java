package dev.stonks.inttest.stonks.query.documents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/documents/{id}}: the document's metadata and its intelligence records (sentiment, guidance,
 * risk, product order). The text itself is at {@code /api/documents/{id}/text}.
 */
public record DocumentDetail(UUID id, UUID companyId, String ticker, UUID sourceId, String sourceKind, String title,
        Instant publishedAt, String objectKey, String sha256, int wordCount,
        List<IntelligenceRecordView> intelligenceRecords) {
}
