package dev.stonks.inttest.stonks.registry;

/** {@code GET /api/registry/resolve?symbol}: what the symbol matched ({@code ticker} or {@code alias}) and the company. */
public record ResolvedSymbol(String symbol, String matchedBy, RegistryCompany company) {
}
