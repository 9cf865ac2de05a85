package dev.stonks.inttest.stonks.dataset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The hand-written global events with their macro impacts, and the AI agents with their variants and daily logs. */
final class AgentsAndEvents {

    private record EventSpec(String kind, String title, String description, int severity, String occurredAt,
            double bias, List<String> tickers) {
    }

    private static final List<String> ALL = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "JPM");

    private static final List<EventSpec> EVENTS = List.of(
            new EventSpec("rate_decision", "FOMC cuts rates by 25 bp to 4.25-4.50 %",
                    "The third cut of the cycle; the projections signal fewer cuts in 2025.", 4,
                    "2024-12-18T19:00:00Z", 0.35, ALL),
            new EventSpec("earnings_season", "Q4 2024 earnings season opens with the big banks",
                    "JPMorgan, Citi and Wells Fargo report record trading revenue.", 2, "2025-01-15T12:00:00Z", 0.15,
                    ALL),
            new EventSpec("commodity", "Copper and aluminium tariffs announced",
                    "Import tariffs of 25 % on metals raise input costs for hardware makers.", 3,
                    "2025-02-10T14:00:00Z", -0.2, List.of("AAPL", "AMZN", "TSLA")),
            new EventSpec("rate_decision", "FOMC holds rates and slows balance-sheet runoff",
                    "Rates unchanged at 4.25-4.50 %; Treasury runoff cut to 5 billion a month.", 2,
                    "2025-03-19T18:00:00Z", 0.05, ALL),
            new EventSpec("geopolitical", "Broad import tariffs announced",
                    "A 10 % baseline tariff and higher country rates on most imports.", 5, "2025-04-02T20:00:00Z",
                    -0.6, List.of("AAPL", "NVDA", "AMZN", "META", "TSLA")),
            new EventSpec("geopolitical", "90-day pause on most new tariffs",
                    "Country-specific rates above 10 % are suspended for 90 days.", 4, "2025-04-09T17:30:00Z", 0.45,
                    List.of("AAPL", "NVDA", "AMZN", "META", "TSLA")),
            new EventSpec("earnings_season", "Q1 2025 earnings season begins",
                    "Guidance is the focus as companies quantify tariff exposure.", 2, "2025-04-11T12:00:00Z", 0.1,
                    ALL),
            new EventSpec("geopolitical", "US and China agree to cut tariffs for 90 days",
                    "Tariffs between the two countries drop to 30 % and 10 % while talks continue.", 4,
                    "2025-05-12T07:00:00Z", 0.4, List.of("AAPL", "NVDA", "TSLA")),
            new EventSpec("commodity", "Oil jumps 7 % on Middle East strikes",
                    "Brent briefly tops 78 dollars; airlines and consumer names fall.", 4, "2025-06-13T06:00:00Z",
                    -0.25, List.of("AMZN", "META", "TSLA", "JPM")),
            new EventSpec("rate_decision", "FOMC holds rates at 4.25-4.50 %",
                    "Two cuts are still pencilled in for 2025; inflation projections move up.", 3,
                    "2025-06-18T18:00:00Z", 0.0, ALL));

    private record AgentSpec(String name, String role, String description, double pnlScale) {
    }

    private static final List<AgentSpec> AGENTS = List.of(
            new AgentSpec("trend-analyst", "analyst", "Reads trend windows and projections and proposes buy, sell or "
                    + "hold recommendations.", 6_000),
            new AgentSpec("sentiment-analyst", "analyst", "Scores the intelligence records of newly ingested "
                    + "documents.", 4_000),
            new AgentSpec("paper-trader", "trader", "Turns open recommendations into paper orders and decides "
                    + "execute, skip or defer.", 25_000),
            new AgentSpec("risk-sentinel", "risk", "Pre-screens orders against the limits before the risk service "
                    + "evaluates them.", 2_000));

    static final List<String> VARIANT_NAMES = List.of("baseline", "few-shot", "reasoning");
    private static final List<String> MODELS = List.of("gpt-4o-mini-2024-07-18", "claude-3-5-haiku-20241022",
            "llama-3.1-70b-instruct");
    private static final Instant AGENTS_CREATED_AT = Instant.parse("2024-06-03T09:00:00Z");

    final List<GlobalEvent> events = new ArrayList<>();
    final List<MacroImpact> impacts = new ArrayList<>();
    final List<Agent> agents = new ArrayList<>();
    final List<AgentVariant> variants = new ArrayList<>();
    final List<AgentPerformanceLog> baseLogs = new ArrayList<>();
    private final List<Double> pnlScales = new ArrayList<>();

    AgentsAndEvents() {
        for (int e = 0; e < EVENTS.size(); e++) {
            EventSpec spec = EVENTS.get(e);
            GlobalEvent event = new GlobalEvent(Ids.globalEvent(e), spec.kind(), spec.title(), spec.description(),
                    spec.severity(), Instant.parse(spec.occurredAt()));
            events.add(event);
            Prng prng = Prng.of(event.id());
            for (String ticker : spec.tickers()) {
                CompanySpec company = CompanySpec.ALL.stream().filter(c -> c.ticker().equals(ticker)).findFirst()
                        .orElseThrow();
                double score = StonksDataset.round(Math.max(-1, Math.min(1, spec.bias()
                        + prng.between(-0.25, 0.25))), 3);
                String tone = score > 0.15 ? "positive" : score < -0.15 ? "negative" : "neutral";
                impacts.add(new MacroImpact(Ids.macroImpact(e, ticker), event.id(), Ids.company(ticker), score,
                        spec.title() + ": " + tone + " for " + company.shortName() + " (" + company.sector() + ")."));
            }
        }
        for (int a = 0; a < AGENTS.size(); a++) {
            AgentSpec spec = AGENTS.get(a);
            Instant created = AGENTS_CREATED_AT.plus(Duration.ofDays(a));
            Agent agent = new Agent(Ids.agent(spec.name()), spec.name(), spec.role(), spec.description(), created);
            agents.add(agent);
            for (int v = 0; v < VARIANT_NAMES.size(); v++) {
                variants.add(new AgentVariant(Ids.agentVariant(spec.name(), VARIANT_NAMES.get(v)), agent.id(),
                        VARIANT_NAMES.get(v), MODELS.get(v), "1." + (a + v) + "." + v, v == a % VARIANT_NAMES.size(),
                        created.plus(Duration.ofDays(7L * v))));
                pnlScales.add(spec.pnlScale());
            }
        }
        logs(0, TradingDays.PER_UNIT, baseLogs::add);
    }

    /** The champion variant of the paper trader, which makes the trading decisions. */
    AgentVariant traderChampion() {
        return variants.stream().filter(v -> v.champion() && v.agentId().equals(Ids.agent("paper-trader")))
                .findFirst().orElseThrow();
    }

    /** Logs of every variant for trading days [from, to), variant by variant, newest day first. */
    void logs(int from, int to, Consumer<AgentPerformanceLog> sink) {
        for (int i = 0; i < variants.size(); i++) {
            AgentVariant variant = variants.get(i);
            long seed = variant.id().getMostSignificantBits() ^ variant.id().getLeastSignificantBits();
            double pnlScale = pnlScales.get(i);
            int latencyBase = 300 + 450 * VARIANT_NAMES.indexOf(variant.name());
            for (int t = from; t < to; t++) {
                Prng prng = Prng.mix(seed, t);
                int decisions = 20 + prng.nextInt(61);
                double accuracy = Math.round((0.48 + 0.2 * prng.nextDouble() + (variant.champion() ? 0.05 : 0))
                        * 1000.0) / 1000.0;
                double pnl = Math.round((prng.nextDouble() - 0.45) * pnlScale * 100.0) / 100.0;
                int latency = latencyBase + prng.nextInt(900);
                sink.accept(new AgentPerformanceLog(variant.id(), TradingDays.day(t), decisions, accuracy, pnl,
                        latency));
            }
        }
    }

    int variantCount() {
        return variants.size();
    }
}
