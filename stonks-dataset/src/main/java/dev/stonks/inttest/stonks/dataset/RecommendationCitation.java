package dev.stonks.inttest.stonks.dataset;

import java.util.UUID;

/** A row of {@code recommendation_citations}: a sentence quoted verbatim from a document's text. */
public record RecommendationCitation(UUID id, UUID recommendationId, UUID documentId, String quote) {

    public RecommendationCitation {
        Checks.required(id, "id");
        Checks.required(recommendationId, "recommendationId");
        Checks.required(documentId, "documentId");
        Checks.nonBlank(quote, "quote");
    }
}
