package dev.stonks.inttest.stonks.dataset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The deterministic stonks dataset: every id, timestamp, number and document text is a pure function of the
 * scale factor, so the seeder (which loads it) and the tester (which asserts it) agree on exact values.
 *
 * <p>Shape at scale {@code s}:
 * <ul>
 *   <li>8 {@linkplain #companies() companies} ({@link #TICKERS}), 2 or 3 aliases each, one
 *       {@linkplain #sources() source} of every {@link SourceKind} each (two of them inactive);</li>
 *   <li>24 directed {@linkplain #competitorRelationships() competitor relationships} (12 symmetric pairs);</li>
 *   <li>{@code 6 * s} {@linkplain #documents() documents} per company: the first 6 (the <em>base</em>
 *       documents, published January to June 2025) are the same at every scale; scaled ones are spread over 2024;
 *       each has 4 {@linkplain #intelligenceRecords() intelligence records} (one per {@link IntelligenceKind});</li>
 *   <li>3 {@linkplain #trendWindows() trend windows} per company (Q1 2025, 1 April to 16 May, 16 May to
 *       {@link #AS_OF}), a hand-picked mix of bullish, bearish and mixed; every base document published in a
 *       window is {@linkplain #trendEvidence() evidence} for it (3, 2 and 1 documents); 3
 *       {@linkplain #trendProjections() projections} each (30, 90 and 180 days);</li>
 *   <li>3 {@linkplain #ingestionRuns() ingestion runs} per active source (28 to 30 June 2025), 1 per inactive
 *       source; some failed, the newest one still running.</li>
 * </ul>
 * and further (see stonks-dataset/README.md for the counts): 4 recommendations per company with citations quoting
 * document texts; 10 global events with 60 macro impacts; 4 AI agents with 3 variants each and daily performance
 * logs; the trading engine config and 4 risk limits; 250 daily price bars per company ({@link TradingDays}); the
 * paper-trading year (orders, their risk evaluations and approvals, decisions, positions, daily portfolio snapshots,
 * audit reports of the last {@link #AUDIT_DAYS} days), simulated by {@link TradingHistory}.
 * The {@link #VOLUME_TABLES} grow with the scale (documents and records by more documents, the others by older
 * trading years); everything else is identical at every scale, and every base-year row is the same at every scale.
 *
 * <p>Instances are immutable and thread-safe. {@link #base()} is cached.
 */
public final class StonksDataset {

    /**
     * The version of this generator's output: bump it whenever a change makes any row, id or document text differ
     * for some scale. It is part of a run's seed fingerprint, so runs on different data are never compared for
     * performance regressions.
     */
    public static final String VERSION = "1";
    /** Bucket of the document texts in the object store. */
    public static final String BUCKET = "stonks-documents";
    /**
     * Content type of every document object; the bytes are UTF-8 (in fact ASCII). No {@code charset} parameter:
     * s3proxy rejects the SigV4 signature the MinIO SDK computes over a content type with parameters.
     */
    public static final String TEXT_CONTENT_TYPE = "text/plain";
    /** The dataset's "now": nothing in it happens later. */
    public static final Instant AS_OF = Instant.parse("2025-06-30T21:00:00Z");
    /** Tickers in the dataset's order. */
    public static final List<String> TICKERS = CompanySpec.ALL.stream().map(CompanySpec::ticker).toList();
    /** Documents per company at scale 1; at scale {@code s} there are {@code s} times as many. */
    public static final int BASE_DOCUMENTS_PER_COMPANY = 6;
    /** Projection horizons of every trend window. */
    public static final List<Integer> PROJECTION_HORIZONS_DAYS = List.of(30, 90, 180);
    /** Boundaries of the three trend windows of every company. */
    public static final List<Instant> TREND_WINDOW_BOUNDS = List.of(
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-04-01T00:00:00Z"),
            Instant.parse("2025-05-16T00:00:00Z"),
            AS_OF);
    /** Ingestion runs per active source (inactive sources have one, the oldest). */
    public static final int INGESTION_RUNS_PER_SOURCE = 3;

    /** Table names in load order (parents before children). */
    public static final List<String> TABLES = List.of(
            "companies", "company_aliases", "sources", "competitor_relationships", "documents",
            "intelligence_records", "trend_windows", "trend_evidence", "trend_projections", "ingestion_runs",
            "recommendations", "recommendation_citations", "global_events", "macro_impacts", "ai_agents",
            "agent_variants", "agent_performance_logs", "trading_engine_config", "risk_limits", "price_bars",
            "risk_evaluations", "risk_approvals", "orders", "positions", "trading_decisions", "portfolio_snapshots");
    /** Tables that grow with the scale factor. */
    public static final List<String> VOLUME_TABLES = List.of("documents", "intelligence_records",
            "agent_performance_logs", "price_bars", "risk_evaluations", "orders", "trading_decisions");
    /** Trading days whose decisions have an audit report in the object store (days 0 to 19). */
    public static final int AUDIT_DAYS = 20;
    /** The risk limits, by name, as {@code risk_limits} holds them. */
    public static final List<String> RISK_LIMIT_NAMES = List.of("max_position_notional", "max_order_notional",
            "max_concentration", "approval_threshold_notional");
    /** Cash of the paper portfolio at the start of the base year (2024-07-16). */
    public static final double STARTING_CASH = TradingHistory.STARTING_CASH_CENTS / 100.0;
    private static final Instant CONFIG_UPDATED_AT = Instant.parse("2025-06-02T12:00:00Z");

    private static final Instant COMPANIES_CREATED_AT = Instant.parse("2024-12-02T09:00:00Z");
    private static final Instant SCALED_DOCUMENTS_FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final long SCALED_DOCUMENTS_SPAN_MINUTES = 365L * 24 * 60;
    private static final Instant INGESTION_FIRST_DAY = Instant.parse("2025-06-28T06:00:00Z");
    /** (ticker, kind) of the sources that are switched off. */
    private static final List<String> INACTIVE_SOURCES = List.of("TSLA/news_api", "JPM/rss");
    private static final List<String> INGESTION_ERRORS = List.of(
            "upstream returned HTTP 503 Service Unavailable",
            "feed parse error: unexpected end of document",
            "timed out after 30 s waiting for the upstream");

    private static volatile StonksDataset base;

    private final int scale;
    private final List<Company> companies;
    private final List<CompanyAlias> aliases;
    private final List<Source> sources;
    private final List<CompetitorRelationship> competitorRelationships;
    private final List<Document> documents;
    private final List<IntelligenceRecord> intelligenceRecords;
    private final List<TrendWindow> trendWindows;
    private final List<TrendEvidence> trendEvidence;
    private final List<TrendProjection> trendProjections;
    private final List<IngestionRun> ingestionRuns;
    private final Map<UUID, TextGenerator.Spec> textSpecs;
    private final AgentsAndEvents agentsAndEvents;
    private final TradingHistory trading;
    private final List<Recommendation> recommendations;
    private final List<RecommendationCitation> citations;
    private final TradingEngineConfig engineConfig;
    private final List<RiskLimit> riskLimits;

    private final Map<String, Company> companiesByTicker;
    private final Map<UUID, Company> companiesById;
    private final Map<UUID, Source> sourcesById;
    private final Map<UUID, Document> documentsById;
    private final Map<UUID, TrendWindow> trendWindowsById;

    private StonksDataset(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1: " + scale);
        }
        this.scale = scale;
        List<Company> companies = new ArrayList<>();
        List<CompanyAlias> aliases = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        List<CompetitorRelationship> competitors = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        List<IntelligenceRecord> records = new ArrayList<>();
        List<TrendWindow> windows = new ArrayList<>();
        List<TrendEvidence> evidence = new ArrayList<>();
        List<TrendProjection> projections = new ArrayList<>();
        List<IngestionRun> runs = new ArrayList<>();
        Map<UUID, TextGenerator.Spec> specs = new LinkedHashMap<>();

        List<CompanySpec> all = CompanySpec.ALL;
        for (int c = 0; c < all.size(); c++) {
            CompanySpec spec = all.get(c);
            Instant createdAt = COMPANIES_CREATED_AT.plus(Duration.ofMinutes(c));
            UUID companyId = Ids.company(spec.ticker());
            companies.add(new Company(companyId, spec.ticker(), spec.name(), spec.sector(), spec.exchange(),
                    createdAt));
            for (String alias : spec.aliases()) {
                aliases.add(new CompanyAlias(Ids.alias(spec.ticker(), alias), companyId, alias, createdAt));
            }
            for (SourceKind kind : SourceKind.values()) {
                sources.add(new Source(Ids.source(spec.ticker(), kind), companyId, kind, sourceUrl(spec, kind),
                        !INACTIVE_SOURCES.contains(spec.ticker() + "/" + kind.value()),
                        createdAt.plus(Duration.ofDays(1))));
            }

            List<TrendWindow> companyWindows = new ArrayList<>();
            for (int w = 0; w < spec.trends().size(); w++) {
                CompanySpec.Trend trend = spec.trends().get(w);
                Instant start = TREND_WINDOW_BOUNDS.get(w);
                Instant end = TREND_WINDOW_BOUNDS.get(w + 1);
                companyWindows.add(new TrendWindow(Ids.trendWindow(spec.ticker(), w), companyId, start, end,
                        trend.direction(), trend.confidence(), trendSummary(spec, trend, start, end), end));
            }
            windows.addAll(companyWindows);

            int perCompany = BASE_DOCUMENTS_PER_COMPANY * scale;
            for (int i = 0; i < perCompany; i++) {
                UUID documentId = Ids.document(spec.ticker(), i);
                SourceKind kind = SourceKind.values()[i % SourceKind.values().length];
                Instant publishedAt = publishedAt(c, i);
                TrendWindow window = i < BASE_DOCUMENTS_PER_COMPANY
                        ? companyWindows.stream().filter(tw -> tw.contains(publishedAt)).findFirst().orElseThrow()
                        : null;
                double tone = window == null ? 0.0 : switch (window.trendDirection()) {
                    case BULLISH -> 0.55;
                    case BEARISH -> -0.55;
                    case MIXED -> 0.0;
                };
                TextGenerator.Spec textSpec = new TextGenerator.Spec(documentId, spec, kind, i,
                        publishedAt.atZone(ZoneOffset.UTC).toLocalDate(), tone);
                TextGenerator.Generated text = TextGenerator.generate(textSpec);
                byte[] bytes = text.text().getBytes(StandardCharsets.UTF_8);
                String objectKey = "documents/" + spec.ticker() + "/"
                        + publishedAt.atZone(ZoneOffset.UTC).toLocalDate() + "/" + documentId + ".txt";
                documents.add(new Document(documentId, companyId, Ids.source(spec.ticker(), kind), text.title(),
                        publishedAt, objectKey, sha256Hex(bytes), TextGenerator.countWords(text.text())));
                specs.put(documentId, textSpec);

                Prng prng = Prng.of(Ids.nameBased("scores/" + documentId));
                for (IntelligenceKind recordKind : IntelligenceKind.values()) {
                    double bias = recordKind == IntelligenceKind.SENTIMENT ? tone : tone * 0.5;
                    double noise = window == null ? 0.8 : 0.3;
                    double score = round(clamp(bias + prng.between(-noise, noise), -1, 1), 3);
                    records.add(new IntelligenceRecord(Ids.intelligenceRecord(spec.ticker(), i, recordKind),
                            documentId, recordKind, score, recordSummary(spec, recordKind, score, i),
                            publishedAt.plus(Duration.ofMinutes(10))));
                }
                if (window != null) {
                    evidence.add(new TrendEvidence(window.id(), documentId, round(prng.between(0.35, 1.0), 3)));
                }
            }

            for (int w = 0; w < companyWindows.size(); w++) {
                TrendWindow window = companyWindows.get(w);
                for (int horizon : PROJECTION_HORIZONS_DAYS) {
                    projections.add(projection(spec.ticker(), w, window, horizon));
                }
            }
        }

        for (CompanySpec.Competitor pair : CompanySpec.COMPETITORS) {
            competitors.add(new CompetitorRelationship(Ids.competitorRelationship(pair.a(), pair.b()),
                    Ids.company(pair.a()), Ids.company(pair.b()), pair.strength()));
            competitors.add(new CompetitorRelationship(Ids.competitorRelationship(pair.b(), pair.a()),
                    Ids.company(pair.b()), Ids.company(pair.a()), pair.strength()));
        }

        for (int s = 0; s < sources.size(); s++) {
            runs.addAll(ingestionRuns(s, sources.get(s), s == sources.size() - 1));
        }

        this.companies = List.copyOf(companies);
        this.aliases = List.copyOf(aliases);
        this.sources = List.copyOf(sources);
        this.competitorRelationships = List.copyOf(competitors);
        this.documents = List.copyOf(documents);
        this.intelligenceRecords = List.copyOf(records);
        this.trendWindows = List.copyOf(windows);
        this.trendEvidence = List.copyOf(evidence);
        this.trendProjections = List.copyOf(projections);
        this.ingestionRuns = List.copyOf(runs);
        this.textSpecs = Collections.unmodifiableMap(specs);
        this.companiesByTicker = index(this.companies, Company::ticker);
        this.companiesById = index(this.companies, Company::id);
        this.sourcesById = index(this.sources, Source::id);
        this.documentsById = index(this.documents, Document::id);
        this.trendWindowsById = index(this.trendWindows, TrendWindow::id);

        this.agentsAndEvents = new AgentsAndEvents();
        this.trading = new TradingHistory(all, agentsAndEvents.traderChampion().id());
        List<Recommendation> recs = new ArrayList<>();
        List<RecommendationCitation> cited = new ArrayList<>();
        for (int c = 0; c < all.size(); c++) {
            CompanySpec spec = all.get(c);
            UUID companyId = Ids.company(spec.ticker());
            List<TrendWindow> companyWindows = filter(this.trendWindows, w -> w.companyId().equals(companyId));
            List<Document> baseDocuments = new ArrayList<>();
            for (int i = 0; i < BASE_DOCUMENTS_PER_COMPANY; i++) {
                baseDocuments.add(documentsById.get(Ids.document(spec.ticker(), i)));
            }
            int company = c;
            Recommendations built = new Recommendations(spec, companyWindows, this.trendEvidence,
                    this.trendProjections, baseDocuments, this::text, date -> closeOnOrBefore(company, date));
            recs.addAll(built.recommendations);
            cited.addAll(built.citations);
        }
        this.recommendations = List.copyOf(recs);
        this.citations = List.copyOf(cited);
        trading.simulate(this.recommendations);
        this.engineConfig = new TradingEngineConfig(Ids.tradingEngineConfig(), "paper", false, 40, 5_000,
                TradingHistory.STRATEGY, CONFIG_UPDATED_AT, "ops@stonks.dev");
        this.riskLimits = List.of(
                new RiskLimit(Ids.riskLimit("max_position_notional"), "max_position_notional",
                        TradingHistory.MAX_POSITION_NOTIONAL, "largest value of one position, at the last close",
                        CONFIG_UPDATED_AT),
                new RiskLimit(Ids.riskLimit("max_order_notional"), "max_order_notional",
                        TradingHistory.MAX_ORDER_NOTIONAL, "largest value of one order", CONFIG_UPDATED_AT),
                new RiskLimit(Ids.riskLimit("max_concentration"), "max_concentration",
                        TradingHistory.MAX_CONCENTRATION, "largest share of the portfolio in one company",
                        CONFIG_UPDATED_AT),
                new RiskLimit(Ids.riskLimit("approval_threshold_notional"), "approval_threshold_notional",
                        TradingHistory.APPROVAL_THRESHOLD_NOTIONAL, "orders above this value need a risk-desk "
                        + "approval", CONFIG_UPDATED_AT));
    }

    private double closeOnOrBefore(int company, LocalDate date) {
        LocalDate day = date;
        while (TradingDays.index(day) < 0) {
            day = day.minusDays(1);
        }
        return trading.close(company, TradingDays.index(day));
    }

    /** The dataset at scale 1 (cached). */
    public static StonksDataset base() {
        StonksDataset dataset = base;
        if (dataset == null) {
            dataset = new StonksDataset(1);
            base = dataset;
        }
        return dataset;
    }

    /** The dataset at {@code scale} (>= 1): documents and intelligence records times {@code scale}. */
    public static StonksDataset of(int scale) {
        return scale == 1 ? base() : new StonksDataset(scale);
    }

    public int scale() {
        return scale;
    }

    // ---- companies ------------------------------------------------------------------------------------------

    public List<Company> companies() {
        return companies;
    }

    /** The company with this ticker; {@link NoSuchElementException} if there is none. */
    public Company company(String ticker) {
        return found(companiesByTicker.get(ticker), "company with ticker " + ticker);
    }

    public Company company(UUID id) {
        return found(companiesById.get(id), "company " + id);
    }

    public List<CompanyAlias> aliases() {
        return aliases;
    }

    /**
     * Aliases of a company, by alias in byte order (as the API lists them: {@code ORDER BY alias COLLATE "C"}),
     * e.g. AMZN: AWS, Amazon, Amazon.com.
     */
    public List<CompanyAlias> aliasesOf(UUID companyId) {
        return aliases.stream().filter(a -> a.companyId().equals(companyId))
                .sorted(Comparator.comparing(CompanyAlias::alias)).toList();
    }

    public List<Source> sources() {
        return sources;
    }

    public Source source(UUID id) {
        return found(sourcesById.get(id), "source " + id);
    }

    /** Sources of a company, one per {@link SourceKind}, in enum order. */
    public List<Source> sourcesOf(UUID companyId) {
        return filter(sources, s -> s.companyId().equals(companyId));
    }

    public List<CompetitorRelationship> competitorRelationships() {
        return competitorRelationships;
    }

    /** Relationships whose {@code companyId} is this company. */
    public List<CompetitorRelationship> competitorsOf(UUID companyId) {
        return filter(competitorRelationships, r -> r.companyId().equals(companyId));
    }

    // ---- documents ------------------------------------------------------------------------------------------

    /** All documents, company by company, each company's in index order. */
    public List<Document> documents() {
        return documents;
    }

    public Document document(UUID id) {
        return found(documentsById.get(id), "document " + id);
    }

    /** Document {@code index} of a company (see {@link Ids#document(String, int)}). */
    public Document document(String ticker, int index) {
        return document(Ids.document(ticker, index));
    }

    /** A company's documents, newest first (ties by id), as {@code GET /api/companies/{id}/documents} orders. */
    public List<Document> documentsOf(UUID companyId) {
        return documents.stream().filter(d -> d.companyId().equals(companyId))
                .sorted(Comparator.comparing(Document::publishedAt).reversed()
                        .thenComparing(Document::id, Ids.POSTGRES_ORDER))
                .toList();
    }

    /** The normalized text of a document, exactly the bytes of its object (UTF-8). */
    public String text(Document document) {
        return text(document.id());
    }

    public String text(UUID documentId) {
        TextGenerator.Spec spec = found(textSpecs.get(documentId), "document " + documentId);
        return TextGenerator.generate(spec).text();
    }

    public byte[] textBytes(Document document) {
        return text(document).getBytes(StandardCharsets.UTF_8);
    }

    public List<IntelligenceRecord> intelligenceRecords() {
        return intelligenceRecords;
    }

    /** Intelligence records of a document, in {@link IntelligenceKind} order. */
    public List<IntelligenceRecord> intelligenceRecordsOf(UUID documentId) {
        return filter(intelligenceRecords, r -> r.documentId().equals(documentId));
    }

    // ---- trends ---------------------------------------------------------------------------------------------

    public List<TrendWindow> trendWindows() {
        return trendWindows;
    }

    public TrendWindow trendWindow(UUID id) {
        return found(trendWindowsById.get(id), "trend window " + id);
    }

    /** Trend window {@code index} (0, 1, 2: oldest first) of a company. */
    public TrendWindow trendWindow(String ticker, int index) {
        return trendWindow(Ids.trendWindow(ticker, index));
    }

    /** A company's trend windows, newest first, as {@code GET /api/companies/{id}/trends} orders them. */
    public List<TrendWindow> trendWindowsOf(UUID companyId) {
        return trendWindows.stream().filter(t -> t.companyId().equals(companyId))
                .sorted(Comparator.comparing(TrendWindow::windowEnd).reversed()).toList();
    }

    public List<TrendEvidence> trendEvidence() {
        return trendEvidence;
    }

    /** Evidence of a trend window, oldest document first. */
    public List<TrendEvidence> evidenceOf(UUID trendWindowId) {
        return trendEvidence.stream().filter(e -> e.trendWindowId().equals(trendWindowId))
                .sorted(Comparator.comparing((TrendEvidence e) -> document(e.documentId()).publishedAt()))
                .toList();
    }

    public List<TrendProjection> trendProjections() {
        return trendProjections;
    }

    /** Projections of a trend window, shortest horizon first. */
    public List<TrendProjection> projectionsOf(UUID trendWindowId) {
        return filter(trendProjections, p -> p.trendWindowId().equals(trendWindowId));
    }

    // ---- ingestion ------------------------------------------------------------------------------------------

    public List<IngestionRun> ingestionRuns() {
        return ingestionRuns;
    }

    /** Runs of a source, oldest first. */
    public List<IngestionRun> ingestionRunsOf(UUID sourceId) {
        return filter(ingestionRuns, r -> r.sourceId().equals(sourceId));
    }

    /** The run that started last (ties broken by id), as {@code GET /api/ops/pipeline/health} reports it. */
    public IngestionRun lastIngestionRun() {
        return ingestionRuns.stream()
                .max(Comparator.comparing(IngestionRun::startedAt)
                        .thenComparing(IngestionRun::id, Ids.POSTGRES_ORDER.reversed()))
                .orElseThrow();
    }

    // ---- recommendations, events, agents -------------------------------------------------------------------

    /** Four per company (index 0-2 from the trend windows, 3 the open hold), company by company. */
    public List<Recommendation> recommendations() {
        return recommendations;
    }

    public Recommendation recommendation(UUID id) {
        return found(recommendations.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null),
                "recommendation " + id);
    }

    /** A company's recommendations, newest first (ties by id), as {@code GET /api/companies/{id}/recommendations}. */
    public List<Recommendation> recommendationsOf(UUID companyId) {
        return recommendations.stream().filter(r -> r.companyId().equals(companyId))
                .sorted(Comparator.comparing(Recommendation::createdAt).reversed()
                        .thenComparing(Recommendation::id, Ids.POSTGRES_ORDER))
                .toList();
    }

    public List<RecommendationCitation> citations() {
        return citations;
    }

    /** Citations of a recommendation, oldest document first. */
    public List<RecommendationCitation> citationsOf(UUID recommendationId) {
        return citations.stream().filter(c -> c.recommendationId().equals(recommendationId))
                .sorted(Comparator.comparing((RecommendationCitation c) -> document(c.documentId()).publishedAt()))
                .toList();
    }

    /** Global events, oldest first (the API lists them newest first). */
    public List<GlobalEvent> globalEvents() {
        return agentsAndEvents.events;
    }

    public List<MacroImpact> macroImpacts() {
        return agentsAndEvents.impacts;
    }

    public List<MacroImpact> macroImpactsOf(UUID companyId) {
        return filter(agentsAndEvents.impacts, i -> i.companyId().equals(companyId));
    }

    public List<MacroImpact> impactsOfEvent(UUID eventId) {
        return filter(agentsAndEvents.impacts, i -> i.eventId().equals(eventId));
    }

    public List<Agent> agents() {
        return agentsAndEvents.agents;
    }

    public Agent agent(String name) {
        return found(agentsAndEvents.agents.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null),
                "agent " + name);
    }

    public List<AgentVariant> agentVariants() {
        return agentsAndEvents.variants;
    }

    /** Variants of an agent in their order (baseline, few-shot, reasoning). */
    public List<AgentVariant> variantsOf(UUID agentId) {
        return filter(agentsAndEvents.variants, v -> v.agentId().equals(agentId));
    }

    /** Performance logs of the base year (every scale has these), variant by variant, newest day first. */
    public List<AgentPerformanceLog> performanceLogs() {
        return agentsAndEvents.baseLogs;
    }

    // ---- trading and risk ------------------------------------------------------------------------------------

    public TradingEngineConfig engineConfig() {
        return engineConfig;
    }

    /** In {@link #RISK_LIMIT_NAMES} order. */
    public List<RiskLimit> riskLimits() {
        return riskLimits;
    }

    public double riskLimit(String name) {
        return found(riskLimits.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null),
                "risk limit " + name).value();
    }

    /** Bars of the base year (days 0-249), company by company, newest first. */
    public List<PriceBar> priceBars() {
        return trading.baseBars;
    }

    /** A company's bar on a base-year trading day. */
    public PriceBar priceBar(String ticker, LocalDate day) {
        int t = TradingDays.index(day);
        int c = TICKERS.indexOf(ticker);
        if (t < 0 || t >= TradingDays.PER_UNIT || c < 0) {
            throw new NoSuchElementException("no base-year bar of " + ticker + " on " + day);
        }
        return trading.baseBars.get(c * TradingDays.PER_UNIT + t);
    }

    /** The close of {@link TradingDays#LAST}: what positions and exposure are valued at. */
    public double lastClose(String ticker) {
        return priceBar(ticker, TradingDays.LAST).close();
    }

    /** Orders of the base year, in the order they were placed (the same at every scale). */
    public List<Order> orders() {
        return trading.orders;
    }

    public Order order(UUID id) {
        return found(trading.orders.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null), "order " + id);
    }

    public List<RiskEvaluation> riskEvaluations() {
        return trading.evaluations;
    }

    public RiskEvaluation riskEvaluation(UUID id) {
        return found(trading.evaluations.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null),
                "risk evaluation " + id);
    }

    /** Approvals (they exist for base-year evaluations only), in the order they were requested. */
    public List<RiskApproval> riskApprovals() {
        return trading.approvals;
    }

    /** Base-year decisions, in the order they were made. */
    public List<TradingDecision> tradingDecisions() {
        return trading.decisions;
    }

    public TradingDecision tradingDecision(UUID id) {
        return found(trading.decisions.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null),
                "trading decision " + id);
    }

    /** One per company, in {@link #TICKERS} order. */
    public List<Position> positions() {
        return trading.positions;
    }

    public Position position(String ticker) {
        return trading.positions.get(TICKERS.indexOf(ticker));
    }

    /** Daily, oldest first (the API lists them newest first); the last is the close of {@link TradingDays#LAST}. */
    public List<PortfolioSnapshot> portfolioSnapshots() {
        return trading.snapshots;
    }

    /** The audit reports of the last {@link #AUDIT_DAYS} trading days, oldest first. */
    public List<AuditArtifact> auditArtifacts() {
        return trading.auditArtifacts;
    }

    // ---- volume tables at this scale (streamed: at scale 100 they are millions of rows) ----------------------

    /** Every bar at this scale: company by company, newest first ({@code 250 * scale} per company). */
    public void forEachPriceBar(java.util.function.Consumer<PriceBar> sink) {
        for (int c = 0; c < TICKERS.size(); c++) {
            trading.baseBars.subList(c * TradingDays.PER_UNIT, (c + 1) * TradingDays.PER_UNIT).forEach(sink);
        }
        trading.history(scale, day -> sink.accept(day.bar));
    }

    public void forEachOrder(java.util.function.Consumer<Order> sink) {
        trading.orders.forEach(sink);
        trading.history(scale, day -> day.orders(sink));
    }

    public void forEachRiskEvaluation(java.util.function.Consumer<RiskEvaluation> sink) {
        trading.evaluations.forEach(sink);
        trading.history(scale, day -> day.evaluations(sink));
    }

    public void forEachTradingDecision(java.util.function.Consumer<TradingDecision> sink) {
        trading.decisions.forEach(sink);
        trading.history(scale, day -> day.decisions(sink));
    }

    public void forEachPerformanceLog(java.util.function.Consumer<AgentPerformanceLog> sink) {
        agentsAndEvents.logs(0, TradingDays.PER_UNIT * scale, sink);
    }

    // ---- totals ---------------------------------------------------------------------------------------------

    /** Rows per table, in {@link #TABLES} (load) order. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("companies", (long) companies.size());
        counts.put("company_aliases", (long) aliases.size());
        counts.put("sources", (long) sources.size());
        counts.put("competitor_relationships", (long) competitorRelationships.size());
        counts.put("documents", (long) documents.size());
        counts.put("intelligence_records", (long) intelligenceRecords.size());
        counts.put("trend_windows", (long) trendWindows.size());
        counts.put("trend_evidence", (long) trendEvidence.size());
        counts.put("trend_projections", (long) trendProjections.size());
        counts.put("ingestion_runs", (long) ingestionRuns.size());
        long historyCompanyDays = (long) TICKERS.size() * TradingDays.PER_UNIT * (scale - 1);
        counts.put("recommendations", (long) recommendations.size());
        counts.put("recommendation_citations", (long) citations.size());
        counts.put("global_events", (long) agentsAndEvents.events.size());
        counts.put("macro_impacts", (long) agentsAndEvents.impacts.size());
        counts.put("ai_agents", (long) agentsAndEvents.agents.size());
        counts.put("agent_variants", (long) agentsAndEvents.variants.size());
        counts.put("agent_performance_logs", (long) agentsAndEvents.variantCount() * TradingDays.PER_UNIT * scale);
        counts.put("trading_engine_config", 1L);
        counts.put("risk_limits", (long) riskLimits.size());
        counts.put("price_bars", (long) TICKERS.size() * TradingDays.PER_UNIT * scale);
        counts.put("risk_evaluations", trading.evaluations.size() + TradingHistory.HISTORY_ORDERS * historyCompanyDays);
        counts.put("risk_approvals", (long) trading.approvals.size());
        counts.put("orders", trading.orders.size() + TradingHistory.HISTORY_ORDERS * historyCompanyDays);
        counts.put("positions", (long) trading.positions.size());
        counts.put("trading_decisions", trading.decisions.size()
                + TradingHistory.HISTORY_DECISIONS * historyCompanyDays);
        counts.put("portfolio_snapshots", (long) trading.snapshots.size());
        return Collections.unmodifiableMap(counts);
    }

    /** Words in a text as the dataset counts them: maximal runs of non-whitespace characters. */
    public static int countWords(String text) {
        return TextGenerator.countWords(text);
    }

    /** Lower-case hex SHA-256 of bytes, as stored in {@code documents.sha256}. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    // ---- generation -----------------------------------------------------------------------------------------

    /**
     * Base documents (index below {@link #BASE_DOCUMENTS_PER_COMPANY}): month {@code index + 1} of 2025, day
     * {@code 3 + company}, so documents 0-2 fall in the first trend window, 3-4 in the second, 5 in the third.
     * Scaled documents: spread over 2024 by a fixed stride.
     */
    private static Instant publishedAt(int company, int index) {
        if (index < BASE_DOCUMENTS_PER_COMPANY) {
            return LocalDate.of(2025, index + 1, 3 + company)
                    .atTime(13 + index % 4, 30).toInstant(ZoneOffset.UTC);
        }
        long minutes = Math.floorMod((long) (index - BASE_DOCUMENTS_PER_COMPANY) * 104_729L + company * 7_919L,
                SCALED_DOCUMENTS_SPAN_MINUTES);
        return SCALED_DOCUMENTS_FROM.plus(Duration.ofMinutes(minutes));
    }

    private static String sourceUrl(CompanySpec spec, SourceKind kind) {
        String slug = spec.ticker().toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case RSS -> "https://feeds.example.com/" + slug + "/rss.xml";
            case SEC_FILING -> "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=" + spec.cik()
                    + "&type=10-Q";
            case NEWS_API -> "https://newsapi.example.com/v2/everything?q=" + slug;
            case EARNINGS_CALL -> "https://ir.example.com/" + slug + "/earnings-calls";
        };
    }

    private static String trendSummary(CompanySpec spec, CompanySpec.Trend trend, Instant start, Instant end) {
        String period = start.atZone(ZoneOffset.UTC).toLocalDate() + " to "
                + end.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (trend.direction()) {
            case BULLISH -> spec.shortName() + " trended up from " + period + " on strength in "
                    + spec.products().get(0) + ".";
            case BEARISH -> spec.shortName() + " trended down from " + period + " as "
                    + spec.products().get(1) + " weakened.";
            case MIXED -> spec.shortName() + " showed no clear trend from " + period + ".";
        };
    }

    private static String recordSummary(CompanySpec spec, IntelligenceKind kind, double score, int index) {
        String tone = score > 0.25 ? "positive" : score < -0.25 ? "negative" : "neutral";
        String product = spec.products().get(index % spec.products().size());
        return switch (kind) {
            case SENTIMENT -> "Overall sentiment toward " + spec.shortName() + " is " + tone + ".";
            case GUIDANCE -> "Guidance read-through is " + tone + " for the next two quarters.";
            case RISK -> "Risk signals around " + product + " are " + tone + ".";
            case PRODUCT -> "Product commentary on " + product + " is " + tone + ".";
        };
    }

    private static TrendProjection projection(String ticker, int windowIndex, TrendWindow window, int horizonDays) {
        double scale = Math.sqrt(horizonDays / 30.0);
        double c = window.confidence();
        double expected = switch (window.trendDirection()) {
            case BULLISH -> 0.035 * c * scale;
            case BEARISH -> -0.035 * c * scale;
            case MIXED -> 0.01 * (c - 0.5) * scale;
        };
        double spread = (0.02 + 0.04 * (1 - c)) * scale;
        double e = round(expected, 4);
        return new TrendProjection(Ids.trendProjection(ticker, windowIndex, horizonDays), window.id(), horizonDays,
                e, round(e - spread, 4), round(e + spread, 4));
    }

    private static List<IngestionRun> ingestionRuns(int ordinal, Source source, boolean newestStillRunning) {
        String ticker = null;
        for (CompanySpec spec : CompanySpec.ALL) {
            if (Ids.company(spec.ticker()).equals(source.companyId())) {
                ticker = spec.ticker();
            }
        }
        List<IngestionRun> runs = new ArrayList<>();
        int count = source.active() ? INGESTION_RUNS_PER_SOURCE : 1;
        for (int r = 0; r < count; r++) {
            UUID id = Ids.ingestionRun(ticker, source.kind(), r);
            Instant started = INGESTION_FIRST_DAY.plus(Duration.ofDays(r)).plus(Duration.ofMinutes(2L * ordinal));
            Instant finished = started.plusSeconds(45 + (ordinal * 7L + r * 13L) % 120);
            if (newestStillRunning && r == count - 1) {
                runs.add(new IngestionRun(id, source.id(), started, null, IngestionStatus.RUNNING, 0, null));
            } else if ((ordinal + r) % 11 == 5) {
                runs.add(new IngestionRun(id, source.id(), started, finished, IngestionStatus.FAILED, 0,
                        INGESTION_ERRORS.get((ordinal + r) % INGESTION_ERRORS.size())));
            } else {
                runs.add(new IngestionRun(id, source.id(), started, finished, IngestionStatus.SUCCEEDED,
                        (ordinal * 3 + r * 5) % 9 + 1, null));
            }
        }
        return runs;
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static <T> T found(T value, String what) {
        if (value == null) {
            throw new NoSuchElementException("no " + what + " in the dataset");
        }
        return value;
    }

    private static <T> List<T> filter(List<T> items, java.util.function.Predicate<T> predicate) {
        return items.stream().filter(predicate).toList();
    }

    private static <K, T> Map<K, T> index(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }
}
