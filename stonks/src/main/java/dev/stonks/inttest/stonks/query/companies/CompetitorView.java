package dev.stonks.inttest.stonks.query.companies;

import java.util.UUID;

/** A competitor of a company and how strongly they compete, in [0, 1]. */
public record CompetitorView(UUID id, UUID competitorId, String ticker, String name, double strength) {
}
