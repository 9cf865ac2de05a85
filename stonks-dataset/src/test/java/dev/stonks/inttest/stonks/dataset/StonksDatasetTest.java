package dev.stonks.inttest.stonks.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StonksDatasetTest {

    private final StonksDataset dataset = StonksDataset.base();

    @Test
    void hasTheCompaniesTheSeedNames() {
        assertEquals(List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "JPM"),
                dataset.companies().stream().map(Company::ticker).toList());

        Company apple = dataset.company("AAPL");
        assertEquals(Ids.company("AAPL"), apple.id());
        assertEquals("Apple Inc.", apple.name());
        assertEquals("NASDAQ", apple.exchange());
        assertEquals(List.of("Apple", "Apple Computer"),
                dataset.aliasesOf(apple.id()).stream().map(CompanyAlias::alias).toList());
        assertThrows(NoSuchElementException.class, () -> dataset.company("NOPE"));
    }

    @Test
    void everyCompanyHasOneSourceOfEachKind() {
        for (Company company : dataset.companies()) {
            Set<SourceKind> kinds = dataset.sourcesOf(company.id()).stream().map(Source::kind)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(SourceKind.class)));
            assertEquals(EnumSet.allOf(SourceKind.class), kinds, company.ticker());
        }
        assertEquals(2, dataset.sources().stream().filter(s -> !s.active()).count());
    }

    @Test
    void aliasesAreUniqueIgnoringCase() {
        // the schema has a unique index on lower(alias)
        Set<String> seen = new HashSet<>();
        for (CompanyAlias alias : dataset.aliases()) {
            assertTrue(seen.add(alias.alias().toLowerCase(java.util.Locale.ROOT)), alias.alias());
        }
    }

    @Test
    void isDeterministic() {
        // Given two independently built datasets (not the cached instance)
        StonksDataset a = StonksDataset.of(2);
        StonksDataset b = StonksDataset.of(2);

        // Then every row and every text is identical
        assertEquals(a.companies(), b.companies());
        assertEquals(a.documents(), b.documents());
        assertEquals(a.intelligenceRecords(), b.intelligenceRecords());
        assertEquals(a.trendWindows(), b.trendWindows());
        assertEquals(a.trendEvidence(), b.trendEvidence());
        assertEquals(a.trendProjections(), b.trendProjections());
        assertEquals(a.ingestionRuns(), b.ingestionRuns());
        for (Document document : a.documents()) {
            assertEquals(a.text(document), b.text(document));
        }
    }

    @Test
    void documentsCarryTheShaAndWordCountOfTheirText() {
        assertTrue(dataset.documents().size() >= 40, "at least 40 documents");
        for (Document document : dataset.documents()) {
            String text = dataset.text(document);
            assertEquals(StonksDataset.sha256Hex(text.getBytes(StandardCharsets.UTF_8)), document.sha256());
            assertEquals(StonksDataset.countWords(text), document.wordCount());
            assertTrue(document.wordCount() >= 200 && document.wordCount() <= 600, "a few hundred words");
            assertTrue(text.startsWith(document.title() + "\n\n"), "text starts with the title");
            assertTrue(text.endsWith(".\n") && !text.endsWith("\n\n"), "one final LF");
            assertFalse(text.contains("  ") || text.contains(" \n") || text.contains("\r"), "normalized");
            assertTrue(text.chars().allMatch(ch -> ch < 128), "ASCII");
            assertTrue(document.objectKey().endsWith(document.id() + ".txt"));
        }
        assertEquals(dataset.documents().size(),
                dataset.documents().stream().map(Document::objectKey).distinct().count(), "unique object keys");
    }

    @Test
    void wordsAreCountedAsRunsOfNonWhitespace() {
        assertEquals(0, StonksDataset.countWords(""));
        assertEquals(0, StonksDataset.countWords(" \n\t "));
        assertEquals(3, StonksDataset.countWords("one  two\n\nthree\n"));
        assertEquals(3, StonksDataset.countWords("up 19.1% (AAPL)"));
    }

    @Test
    void everyDocumentHasOneRecordOfEachKindWithScoresInRange() {
        Map<UUID, List<IntelligenceRecord>> byDocument = dataset.intelligenceRecords().stream()
                .collect(Collectors.groupingBy(IntelligenceRecord::documentId));
        assertEquals(dataset.documents().size(), byDocument.size());
        for (List<IntelligenceRecord> records : byDocument.values()) {
            assertEquals(List.of(IntelligenceKind.values()), records.stream().map(IntelligenceRecord::kind).toList());
            records.forEach(r -> assertTrue(r.score() >= -1 && r.score() <= 1));
            records.forEach(r -> assertEquals(StonksDataset.round(r.score(), 3), r.score(), "3 decimals"));
        }
    }

    @Test
    void trendWindowsMixDirectionsAndCiteTheDocumentsInsideThem() {
        assertEquals(EnumSet.allOf(TrendDirection.class),
                dataset.trendWindows().stream().map(TrendWindow::trendDirection)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(TrendDirection.class))));
        for (Company company : dataset.companies()) {
            List<TrendWindow> windows = dataset.trendWindowsOf(company.id());
            assertEquals(3, windows.size());
            for (TrendWindow window : windows) {
                assertTrue(window.confidence() >= 0 && window.confidence() <= 1);
                List<TrendEvidence> evidence = dataset.evidenceOf(window.id());
                assertFalse(evidence.isEmpty(), "evidence for " + window.id());
                for (TrendEvidence e : evidence) {
                    Document document = dataset.document(e.documentId());
                    assertEquals(company.id(), document.companyId());
                    assertTrue(window.contains(document.publishedAt()), "evidence inside its window");
                }
                assertEquals(StonksDataset.PROJECTION_HORIZONS_DAYS,
                        dataset.projectionsOf(window.id()).stream().map(TrendProjection::horizonDays).toList());
            }
        }
        // windows are listed newest first, with 1, 2 and 3 evidence documents
        TrendWindow newest = dataset.trendWindowsOf(Ids.company("AAPL")).get(0);
        assertEquals(Ids.trendWindow("AAPL", 2), newest.id());
        assertEquals(List.of(1, 2, 3), dataset.trendWindowsOf(Ids.company("AAPL")).stream()
                .map(w -> dataset.evidenceOf(w.id()).size()).toList());
    }

    @Test
    void pinnedValuesDoNotDrift() {
        // The tester asserts these through the API; a change here is a deliberate dataset change.
        TrendWindow aaplQ1 = dataset.trendWindow("AAPL", 0);
        assertEquals(TrendDirection.BULLISH, aaplQ1.trendDirection());
        assertEquals(0.78, aaplQ1.confidence());
        assertEquals(TrendDirection.BEARISH, dataset.trendWindow("TSLA", 0).trendDirection());
        assertEquals(TrendDirection.MIXED, dataset.trendWindow("AAPL", 1).trendDirection());

        Document first = dataset.document("AAPL", 0);
        assertEquals("Apple shares climb as iPhone demand surprises", first.title());
        assertEquals(java.time.Instant.parse("2025-01-03T13:30:00Z"), first.publishedAt());

        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        expected.putAll(Map.of("companies", 8L, "company_aliases", 20L, "sources", 32L, "competitor_relationships",
                24L, "documents", 48L, "intelligence_records", 192L, "trend_windows", 24L, "trend_evidence", 48L,
                "trend_projections", 72L, "ingestion_runs", 92L));
        expected.putAll(Map.of("recommendations", 32L, "recommendation_citations", 56L, "global_events", 10L,
                "macro_impacts", 60L, "ai_agents", 4L, "agent_variants", 12L, "agent_performance_logs", 3000L,
                "trading_engine_config", 1L, "risk_limits", 4L, "price_bars", 2000L));
        expected.putAll(Map.of("risk_evaluations", 3428L, "risk_approvals", 425L, "orders", 3428L, "positions", 8L,
                "trading_decisions", 4980L, "portfolio_snapshots", 250L));
        assertEquals(expected, dataset.rowCounts());
        assertEquals(StonksDataset.TABLES, List.copyOf(dataset.rowCounts().keySet()), "load order");

        assertEquals(205.17, dataset.lastClose("AAPL"));
        assertEquals(829, dataset.position("AAPL").quantity());
        assertEquals(206.7009, dataset.position("AAPL").avgCost());
        PortfolioSnapshot last = dataset.portfolioSnapshots().get(dataset.portfolioSnapshots().size() - 1);
        assertEquals(958194.06, last.totalValue());
        assertEquals(89191.53, last.cash());
    }

    @Test
    void ingestionRunsEndWithOneStillRunning() {
        IngestionRun last = dataset.lastIngestionRun();
        assertEquals(IngestionStatus.RUNNING, last.status());
        assertEquals(Ids.ingestionRun("JPM", SourceKind.EARNINGS_CALL, 2), last.id());
        assertTrue(dataset.ingestionRuns().stream().anyMatch(r -> r.status() == IngestionStatus.FAILED));
        assertEquals(dataset.ingestionRuns().size(),
                dataset.ingestionRuns().stream().map(IngestionRun::startedAt).distinct().count(),
                "start times are unique, so 'last' needs no tie-break");
    }

    @Test
    void scaleMultipliesOnlyTheVolumeTablesAndKeepsTheBaseRows() {
        // Given
        StonksDataset three = StonksDataset.of(3);

        // Then
        Map<String, Long> base = dataset.rowCounts();
        Map<String, Long> scaled = three.rowCounts();
        for (String table : StonksDataset.TABLES) {
            if (table.equals("documents") || table.equals("intelligence_records") || table.equals("price_bars")
                    || table.equals("agent_performance_logs")) {
                assertEquals(base.get(table) * 3, scaled.get(table), table);
            } else if (StonksDataset.VOLUME_TABLES.contains(table)) {
                assertTrue(scaled.get(table) > 2 * base.get(table), table);
            } else {
                assertEquals(base.get(table), scaled.get(table), table);
            }
        }
        long[] streamed = new long[5];
        three.forEachOrder(o -> streamed[0]++);
        three.forEachRiskEvaluation(e -> streamed[1]++);
        three.forEachTradingDecision(d -> streamed[2]++);
        three.forEachPriceBar(b -> streamed[3]++);
        three.forEachPerformanceLog(l -> streamed[4]++);
        assertEquals(List.of(scaled.get("orders"), scaled.get("risk_evaluations"), scaled.get("trading_decisions"),
                scaled.get("price_bars"), scaled.get("agent_performance_logs")),
                java.util.Arrays.stream(streamed).boxed().toList(), "streamed rows match the counts");
        List<PriceBar> firstBars = new java.util.ArrayList<>();
        three.forEachPriceBar(b -> {
            if (firstBars.size() < 250) {
                firstBars.add(b);
            }
        });
        assertEquals(dataset.priceBars().subList(0, 250), firstBars, "base bars unchanged at scale 3");
        assertEquals(dataset.orders(), three.orders());
        assertEquals(dataset.positions(), three.positions());
        Map<UUID, Document> scaledById = three.documents().stream()
                .collect(Collectors.toMap(Document::id, Function.identity()));
        for (Document document : dataset.documents()) {
            assertEquals(document, scaledById.get(document.id()), "base document unchanged at scale 3");
        }
        assertEquals(dataset.trendEvidence(), three.trendEvidence());
        assertThrows(IllegalArgumentException.class, () -> StonksDataset.of(0));
    }

    @Test
    void theTradingYearIsConsistent() {
        // positions are the net of the filled orders
        for (String ticker : StonksDataset.TICKERS) {
            UUID company = Ids.company(ticker);
            int net = dataset.orders().stream().filter(o -> o.companyId().equals(company) && o.status().equals("filled"))
                    .mapToInt(o -> o.side().equals("buy") ? o.quantity() : -o.quantity()).sum();
            assertEquals(net, dataset.position(ticker).quantity(), ticker);
        }
        // the last snapshot values the positions at the last close
        long positionsCents = dataset.positions().stream().mapToLong(p -> Math.round(p.quantity()
                * dataset.lastClose(dataset.company(p.companyId()).ticker()) * 100)).sum();
        PortfolioSnapshot last = dataset.portfolioSnapshots().get(dataset.portfolioSnapshots().size() - 1);
        assertEquals(positionsCents / 100.0, last.positionsValue());
        assertEquals(Math.round(last.cash() * 100) + positionsCents, Math.round(last.totalValue() * 100));
        // every order was evaluated, every approval belongs to a needs_approval evaluation
        Map<UUID, RiskEvaluation> evaluations = dataset.riskEvaluations().stream()
                .collect(Collectors.toMap(RiskEvaluation::id, Function.identity()));
        for (Order order : dataset.orders()) {
            RiskEvaluation e = evaluations.get(order.riskEvaluationId());
            assertEquals(order.quantity(), e.quantity());
            assertEquals(e.decision().equals("reject"), order.status().equals("rejected") && !e.decision()
                    .equals("needs_approval"), order.id().toString());
        }
        for (RiskApproval approval : dataset.riskApprovals()) {
            assertEquals("needs_approval", evaluations.get(approval.evaluationId()).decision());
        }
        // citations quote their document verbatim
        for (RecommendationCitation citation : dataset.citations()) {
            assertTrue(dataset.text(citation.documentId()).contains(citation.quote()), citation.quote());
        }
        assertEquals(StonksDataset.AUDIT_DAYS, dataset.auditArtifacts().size());
        assertTrue(dataset.riskEvaluations().stream().flatMap(e -> e.reasons().stream()).collect(Collectors.toSet())
                .containsAll(List.of("notional", "position_limit", "concentration", "short_sale",
                        "approval_threshold")));
    }

    @Test
    void tradingDaysAreWeekdaysCountedBackFromTheLast() {
        assertEquals(java.time.LocalDate.of(2025, 6, 30), TradingDays.day(0));
        assertEquals(java.time.LocalDate.of(2025, 6, 27), TradingDays.day(1));
        assertEquals(java.time.LocalDate.of(2025, 6, 23), TradingDays.day(5));
        assertEquals(java.time.LocalDate.of(2024, 7, 16), TradingDays.day(249));
        for (int t = 0; t < 2000; t++) {
            assertEquals(t, TradingDays.index(TradingDays.day(t)));
            assertTrue(TradingDays.day(t).getDayOfWeek().getValue() <= 5);
        }
        assertEquals(-1, TradingDays.index(java.time.LocalDate.of(2025, 6, 29)));
    }

    @Test
    void recordsRejectValuesTheSchemaRejects() {
        UUID id = UUID.randomUUID();
        java.time.Instant t = java.time.Instant.parse("2025-01-01T00:00:00Z");
        assertThrows(IllegalArgumentException.class,
                () -> new TrendWindow(id, id, t, t.plusSeconds(1), TrendDirection.MIXED, 1.5, "", t));
        assertThrows(IllegalArgumentException.class,
                () -> new IntelligenceRecord(id, id, IntelligenceKind.RISK, -1.01, "x", t));
        assertThrows(IllegalArgumentException.class, () -> new CompetitorRelationship(id, id, id, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new IngestionRun(id, id, t, t, IngestionStatus.FAILED, 0, null));
    }
}
