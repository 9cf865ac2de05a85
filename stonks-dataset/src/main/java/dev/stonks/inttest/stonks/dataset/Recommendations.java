package dev.stonks.inttest.stonks.dataset;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Four recommendations per company: one per trend window (buy for bullish, sell for bearish, hold for mixed; the two
 * older ones closed, the newest open), citing the window's evidence documents, plus an open hold from 27 June 2025
 * citing the newest document. Target price = the close on the day of the recommendation times one plus the window's
 * 90-day expected return.
 */
final class Recommendations {

    static final Instant HOLD_CREATED_AT = Instant.parse("2025-06-27T15:00:00Z");

    final List<Recommendation> recommendations = new ArrayList<>();
    final List<RecommendationCitation> citations = new ArrayList<>();

    Recommendations(CompanySpec spec, List<TrendWindow> windows, List<TrendEvidence> evidence,
            List<TrendProjection> projections, List<Document> baseDocuments, Function<Document, String> texts,
            ToDoubleFunction<LocalDate> closeOn) {
        String ticker = spec.ticker();
        for (int w = 0; w < windows.size(); w++) {
            TrendWindow window = windows.get(w);
            Instant created = window.windowEnd().minus(Duration.ofDays(1));
            Instant closed = w + 1 < windows.size() ? windows.get(w + 1).windowEnd().minus(Duration.ofDays(1)) : null;
            String action = switch (window.trendDirection()) {
                case BULLISH -> "buy";
                case BEARISH -> "sell";
                case MIXED -> "hold";
            };
            double expected = projections.stream().filter(p -> p.trendWindowId().equals(window.id())
                    && p.horizonDays() == 90).findFirst().orElseThrow().expectedReturn();
            double close = closeOn.applyAsDouble(TradingDays.utc(created));
            List<TrendEvidence> cited = evidence.stream().filter(e -> e.trendWindowId().equals(window.id())).toList();
            String rationale = capitalized(window.trendDirection().value()) + " trend from "
                    + TradingDays.utc(window.windowStart()) + " to " + TradingDays.utc(window.windowEnd())
                    + " (confidence " + Formats.fixed(window.confidence(), 2) + "), " + cited.size()
                    + " supporting document" + (cited.size() == 1 ? "" : "s") + "; 90-day projection "
                    + Formats.fixed(expected * 100, 2) + " %.";
            Recommendation rec = new Recommendation(Ids.recommendation(ticker, w), window.companyId(), window.id(),
                    action, StonksDataset.round(window.confidence(), 3),
                    StonksDataset.round(close * (1 + expected), 2), rationale, closed == null ? "open" : "closed",
                    created, closed);
            recommendations.add(rec);
            for (TrendEvidence e : cited) {
                Document document = baseDocuments.stream().filter(d -> d.id().equals(e.documentId())).findFirst()
                        .orElseThrow();
                citations.add(new RecommendationCitation(Ids.citation(rec.id(), document.id()), rec.id(),
                        document.id(), openingSentence(texts.apply(document), ticker)));
            }
        }
        Document newest = baseDocuments.get(baseDocuments.size() - 1);
        double close = closeOn.applyAsDouble(TradingDays.utc(HOLD_CREATED_AT));
        Recommendation hold = new Recommendation(Ids.recommendation(ticker, windows.size()),
                Ids.company(ticker), null, "hold", 0.5, StonksDataset.round(close, 2),
                "No fresh signal since the last trend window; hold near " + Formats.fixed(close, 2) + " pending news on "
                        + spec.products().get(0) + ".", "open", HOLD_CREATED_AT, null);
        recommendations.add(hold);
        citations.add(new RecommendationCitation(Ids.citation(hold.id(), newest.id()), hold.id(), newest.id(),
                openingSentence(texts.apply(newest), ticker)));
    }

    /** The first sentence of the first paragraph (the one naming the ticker in parentheses), verbatim. */
    static String openingSentence(String text, String ticker) {
        int start = text.indexOf("\n\n") + 2;
        int paragraphEnd = text.indexOf('\n', start);
        String paragraph = text.substring(start, paragraphEnd < 0 ? text.length() : paragraphEnd);
        int afterTicker = Math.max(0, paragraph.indexOf("(" + ticker + ")"));
        int end = paragraph.indexOf(". ", afterTicker);
        return end < 0 ? paragraph : paragraph.substring(0, end + 1);
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
