package dev.stonks.inttest.stonks.query.documents;

import java.time.Instant;
import java.util.UUID;

/** What analysis extracted from a document: kind sentiment|guidance|risk|product, score in [-1, 1]. */
public record IntelligenceRecordView(UUID id, String kind, double score, String summary, Instant createdAt) {
}
