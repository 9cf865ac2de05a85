package dev.stonks.inttest.stonks.dataset;

import java.util.List;

/** The hand-written facts the dataset is generated from, one per company. */
record CompanySpec(String ticker, String name, String shortName, String sector, String exchange, String cik,
        List<String> aliases, List<String> products, List<Trend> trends) {

    /** Tickers this company competes with (both directions of {@link #COMPETITORS}). */
    List<String> peers() {
        List<String> peers = new java.util.ArrayList<>();
        for (Competitor pair : COMPETITORS) {
            if (pair.a().equals(ticker)) {
                peers.add(pair.b());
            } else if (pair.b().equals(ticker)) {
                peers.add(pair.a());
            }
        }
        return peers;
    }

    /** A symmetric competitor pair and its strength (3 decimals). */
    record Competitor(String a, String b, double strength) {
    }

    static final List<Competitor> COMPETITORS = List.of(
            new Competitor("AAPL", "MSFT", 0.62), new Competitor("AAPL", "GOOGL", 0.58),
            new Competitor("AAPL", "META", 0.35), new Competitor("MSFT", "GOOGL", 0.74),
            new Competitor("MSFT", "AMZN", 0.71), new Competitor("MSFT", "NVDA", 0.28),
            new Competitor("AMZN", "GOOGL", 0.66), new Competitor("AMZN", "META", 0.41),
            new Competitor("GOOGL", "META", 0.83), new Competitor("NVDA", "TSLA", 0.22),
            new Competitor("TSLA", "AAPL", 0.18), new Competitor("JPM", "AAPL", 0.15));

    /** One trend window's verdict, hand-picked so the dataset has a mix of directions and confidences. */
    record Trend(TrendDirection direction, double confidence) {
    }

    static Trend bull(double confidence) {
        return new Trend(TrendDirection.BULLISH, confidence);
    }

    static Trend bear(double confidence) {
        return new Trend(TrendDirection.BEARISH, confidence);
    }

    static Trend mixed(double confidence) {
        return new Trend(TrendDirection.MIXED, confidence);
    }

    static final List<CompanySpec> ALL = List.of(
            new CompanySpec("AAPL", "Apple Inc.", "Apple", "Information Technology", "NASDAQ", "0000320193",
                    List.of("Apple", "Apple Computer"),
                    List.of("iPhone", "Mac", "Services", "Vision Pro"),
                    List.of(bull(0.78), mixed(0.52), bull(0.81))),
            new CompanySpec("MSFT", "Microsoft Corporation", "Microsoft", "Information Technology", "NASDAQ",
                    "0000789019",
                    List.of("Microsoft", "Microsoft Corp"),
                    List.of("Azure", "Copilot", "Microsoft 365", "Xbox"),
                    List.of(bull(0.84), bull(0.73), mixed(0.49))),
            new CompanySpec("NVDA", "NVIDIA Corporation", "NVIDIA", "Information Technology", "NASDAQ", "0001045810",
                    List.of("NVIDIA", "Nvidia Corp"),
                    List.of("data-center GPUs", "CUDA", "Blackwell", "networking"),
                    List.of(bull(0.91), mixed(0.57), bull(0.88))),
            new CompanySpec("AMZN", "Amazon.com, Inc.", "Amazon", "Consumer Discretionary", "NASDAQ", "0001018724",
                    List.of("Amazon", "Amazon.com", "AWS"),
                    List.of("AWS", "Prime", "advertising", "fulfillment"),
                    List.of(mixed(0.55), bull(0.69), bear(0.61))),
            new CompanySpec("GOOGL", "Alphabet Inc.", "Alphabet", "Communication Services", "NASDAQ", "0001652044",
                    List.of("Alphabet", "Google", "GOOG"),
                    List.of("Search", "YouTube", "Google Cloud", "Gemini"),
                    List.of(bear(0.64), mixed(0.47), bull(0.72))),
            new CompanySpec("META", "Meta Platforms, Inc.", "Meta", "Communication Services", "NASDAQ", "0001326801",
                    List.of("Meta", "Meta Platforms", "Facebook"),
                    List.of("Instagram", "WhatsApp", "Reality Labs", "Llama"),
                    List.of(bull(0.76), bear(0.58), mixed(0.44))),
            new CompanySpec("TSLA", "Tesla, Inc.", "Tesla", "Consumer Discretionary", "NASDAQ", "0001318605",
                    List.of("Tesla", "Tesla Motors"),
                    List.of("Model Y", "energy storage", "Full Self-Driving", "Cybertruck"),
                    List.of(bear(0.71), bear(0.66), mixed(0.38))),
            new CompanySpec("JPM", "JPMorgan Chase & Co.", "JPMorgan", "Financials", "NYSE", "0000019617",
                    List.of("JPMorgan", "JPMorgan Chase", "Chase"),
                    List.of("consumer banking", "investment banking", "asset management", "card services"),
                    List.of(mixed(0.51), bull(0.62), bear(0.59))));
}
