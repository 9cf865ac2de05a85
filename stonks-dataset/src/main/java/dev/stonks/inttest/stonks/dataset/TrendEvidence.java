package dev.stonks.inttest.stonks.dataset;

import java.util.UUID;

/** A row of {@code trend_evidence}: a document supporting a trend window, weight in [0, 1]. */
public record TrendEvidence(UUID trendWindowId, UUID documentId, double weight) {

    public TrendEvidence {
        Checks.required(trendWindowId, "trendWindowId");
        Checks.required(documentId, "documentId");
        Checks.between(weight, 0, 1, "weight");
    }
}
