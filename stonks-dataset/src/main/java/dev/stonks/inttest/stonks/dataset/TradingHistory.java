package dev.stonks.inttest.stonks.dataset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Prices and the paper-trading history.
 *
 * <p><b>Base year</b> (trading days 249 down to 0, identical at every scale): every company's bars, then a day-by-day
 * simulation of the engine over all companies at once: 2 or 3 signals per company and day, each deferred, skipped
 * (cash reserve) or executed as an order that goes through the risk rules (kill switch, order notional, position limit,
 * concentration, short sale, approval threshold) exactly as the risk service applies them; approved orders fill at
 * their price, orders above the approval threshold wait for the risk desk (approved, rejected, or still pending in
 * the last two days). Cash, positions and the daily portfolio snapshots follow from the fills, exactly (in cents).
 *
 * <p><b>History</b> (scale {@code s}: days 250 to {@code 250 s - 1}, streamed, never held): per company and day one
 * bar, a filled buy at the open and the matching sell at the close (net zero, so positions are the same at every
 * scale), one buy rejected for its notional, their three risk evaluations, three execute decisions and one skip or
 * defer.
 */
final class TradingHistory {

    record Market(double anchorClose, double dailyVolatility, long baseVolume) {
    }

    static final Map<String, Market> MARKETS = Map.of(
            "AAPL", new Market(205.17, 0.016, 52_000_000),
            "MSFT", new Market(497.41, 0.014, 21_000_000),
            "NVDA", new Market(157.99, 0.028, 190_000_000),
            "AMZN", new Market(219.39, 0.019, 38_000_000),
            "GOOGL", new Market(176.23, 0.018, 30_000_000),
            "META", new Market(738.09, 0.022, 12_000_000),
            "TSLA", new Market(317.66, 0.034, 95_000_000),
            "JPM", new Market(289.91, 0.013, 9_000_000));

    static final double MAX_POSITION_NOTIONAL = 250_000;
    static final double MAX_ORDER_NOTIONAL = 100_000;
    static final double MAX_CONCENTRATION = 0.25;
    static final double APPROVAL_THRESHOLD_NOTIONAL = 50_000;
    /** Cash at the start of the base year, in cents. */
    static final long STARTING_CASH_CENTS = 80_000_000L;
    /** The engine keeps this share of the portfolio in cash (signals that would dip below are skipped). */
    static final double CASH_RESERVE = 0.05;
    static final String RISK_DESK = "risk-desk@stonks.dev";
    static final String STRATEGY = "sma_cross";

    /** Rows per company and history day. */
    static final int HISTORY_ORDERS = 3;
    static final int HISTORY_DECISIONS = 4;

    private static final List<String> DEFER_REASONS = List.of("defer: earnings call within two trading days",
            "defer: bid-ask spread wider than 0.5 %", "defer: trend and sentiment signals disagree");

    private final List<CompanySpec> specs;
    private final UUID traderVariantId;
    private final PriceWalk[] historyWalks;
    private final UUID[] companyIds;

    final List<PriceBar> baseBars = new ArrayList<>();
    final double[][] baseCloses;
    final List<RiskEvaluation> evaluations = new ArrayList<>();
    final List<RiskApproval> approvals = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    final List<TradingDecision> decisions = new ArrayList<>();
    final List<Position> positions = new ArrayList<>();
    final List<PortfolioSnapshot> snapshots = new ArrayList<>();
    final List<AuditArtifact> auditArtifacts = new ArrayList<>();

    TradingHistory(List<CompanySpec> specs, UUID traderVariantId) {
        this.specs = specs;
        this.traderVariantId = traderVariantId;
        int n = specs.size();
        this.baseCloses = new double[n][TradingDays.PER_UNIT];
        this.historyWalks = new PriceWalk[n];
        this.companyIds = new UUID[n];
        for (int c = 0; c < n; c++) {
            companyIds[c] = Ids.company(specs.get(c).ticker());
            CompanySpec spec = specs.get(c);
            Market m = MARKETS.get(spec.ticker());
            PriceWalk walk = PriceWalk.start(spec.ticker(), Ids.company(spec.ticker()), m.anchorClose(),
                    m.dailyVolatility(), m.baseVolume());
            for (int t = 0; t < TradingDays.PER_UNIT; t++) {
                PriceBar bar = walk.next();
                baseBars.add(bar);
                baseCloses[c][t] = bar.close();
            }
            historyWalks[c] = walk;
        }
    }

    /** The close of company {@code c} on base day {@code t}. */
    double close(int c, int t) {
        return baseCloses[c][t];
    }

    /** Runs the base-year simulation; {@code recommendations} are linked to the orders placed while they were active. */
    void simulate(List<Recommendation> recommendations) {
        int n = specs.size();
        int[] quantity = new int[n];
        double[] avgCost = new double[n];
        Instant[] openedAt = new Instant[n];
        Instant[] updatedAt = new Instant[n];
        long cash = STARTING_CASH_CENTS;
        Prng[] prngs = new Prng[n];
        for (int c = 0; c < n; c++) {
            prngs[c] = Prng.of(Ids.nameBased("orders/" + specs.get(c).ticker()));
        }
        Map<LocalDate, List<TradingDecision>> audited = new LinkedHashMap<>();

        for (int t = TradingDays.PER_UNIT - 1; t >= 0; t--) {
            String auditKey = t < StonksDataset.AUDIT_DAYS ? auditKey(TradingDays.day(t)) : null;
            for (int c = 0; c < n; c++) {
                String ticker = specs.get(c).ticker();
                UUID companyId = Ids.company(ticker);
                Prng prng = prngs[c];
                double close = baseCloses[c][t];
                int signals = 2 + prng.nextInt(2);
                for (int k = 0; k < signals; k++) {
                    Instant decidedAt = TradingDays.at(t, 14, 0).plusSeconds(60L * (k * 95 + c * 7));
                    UUID recommendationId = active(recommendations, companyId, decidedAt);
                    double roll = prng.nextDouble();
                    double sellRoll = prng.nextDouble();
                    double sizeRoll = prng.nextDouble();
                    double bigRoll = prng.nextDouble();
                    double limitRoll = prng.nextDouble();
                    long positionsCents = 0;
                    for (int i = 0; i < n; i++) {
                        positionsCents += Formats.cents(quantity[i] * baseCloses[i][t]);
                    }
                    double total = (cash + positionsCents) / 100.0;
                    UUID decisionId = Ids.tradingDecision(ticker, t, k);
                    if (roll < 0.10) {
                        decisions.add(new TradingDecision(decisionId, companyId, traderVariantId, recommendationId,
                                null, "defer", DEFER_REASONS.get(prng.nextInt(DEFER_REASONS.size())), decidedAt,
                                auditKey));
                        continue;
                    }
                    double positionValue = quantity[c] * close;
                    boolean sell = quantity[c] > 0 && sellRoll < (positionValue > 0.15 * total ? 0.65 : 0.3);
                    double target = bigRoll < 0.04 ? 100_000 + 40_000 * sizeRoll : 2_000 + 58_000 * sizeRoll;
                    int qty = Math.max(1, (int) (target / close));
                    if (sell) {
                        qty = bigRoll > 0.97 ? quantity[c] + 10 : Math.min(qty, quantity[c]);
                    }
                    String side = sell ? "sell" : "buy";
                    boolean limit = limitRoll < 0.2;
                    double price = limit ? Formats.price(close * (sell ? 1.002 : 0.998)) : close;
                    if (!sell && cash / 100.0 - qty * price < CASH_RESERVE * total) {
                        decisions.add(new TradingDecision(decisionId, companyId, traderVariantId, recommendationId,
                                null, "skip", "skip: buying " + qty + " " + ticker + " would take cash below the "
                                + Formats.fixed(CASH_RESERVE * 100, 0) + " % reserve", decidedAt, auditKey));
                        continue;
                    }
                    List<String> reasons = evaluate(side, qty, price, quantity[c], close, total);
                    double notional = StonksDataset.round(qty * price, 2);
                    String decision = reasons.isEmpty() ? "approve"
                            : reasons.equals(List.of("approval_threshold")) ? "needs_approval" : "reject";
                    Instant evaluatedAt = decidedAt.plusSeconds(1);
                    Instant createdAt = decidedAt.plusSeconds(2);
                    UUID evaluationId = Ids.riskEvaluation(ticker, t, k);
                    evaluations.add(new RiskEvaluation(evaluationId, companyId, side, qty, price, notional, decision,
                            reasons, evaluatedAt));
                    String status;
                    Instant filledAt = null;
                    if (decision.equals("approve")) {
                        status = "filled";
                        filledAt = createdAt.plusSeconds(1);
                    } else if (decision.equals("needs_approval")) {
                        Instant decided = evaluatedAt.plusSeconds(25 * 60);
                        if (t <= 1) {
                            status = "pending_approval";
                            approvals.add(new RiskApproval(Ids.riskApproval(ticker, t, k), evaluationId, "pending",
                                    evaluatedAt, null, null, null));
                        } else if ((k + t + c) % 4 == 0) {
                            status = "rejected";
                            approvals.add(new RiskApproval(Ids.riskApproval(ticker, t, k), evaluationId, "rejected",
                                    evaluatedAt, decided, RISK_DESK, "exceeds the desk's appetite for " + ticker));
                        } else {
                            status = "filled";
                            filledAt = decided.plusSeconds(1);
                            approvals.add(new RiskApproval(Ids.riskApproval(ticker, t, k), evaluationId, "approved",
                                    evaluatedAt, decided, RISK_DESK, "within the desk's mandate"));
                        }
                    } else {
                        status = "rejected";
                    }
                    UUID orderId = Ids.order(ticker, t, k);
                    boolean filled = status.equals("filled");
                    orders.add(new Order(orderId, companyId, side, qty, limit ? "limit" : "market",
                            limit ? price : null, status, "paper", filled ? price : null, filledAt, evaluationId,
                            recommendationId, null, createdAt));
                    decisions.add(new TradingDecision(decisionId, companyId, traderVariantId, recommendationId,
                            orderId, "execute", STRATEGY + " signal: " + side + " " + qty + " " + ticker + " at "
                            + Formats.fixed(price, 2), decidedAt, auditKey));
                    if (filled) {
                        long orderCents = Formats.cents(qty * price);
                        if (sell) {
                            cash += orderCents;
                            quantity[c] -= qty;
                        } else {
                            cash -= orderCents;
                            avgCost[c] = (avgCost[c] * quantity[c] + qty * price) / (quantity[c] + qty);
                            if (quantity[c] == 0) {
                                openedAt[c] = filledAt;
                            }
                            quantity[c] += qty;
                        }
                        if (quantity[c] == 0) {
                            avgCost[c] = 0;
                        }
                        updatedAt[c] = filledAt;
                    }
                }
            }
            long positionsCents = 0;
            for (int c = 0; c < n; c++) {
                positionsCents += Formats.cents(quantity[c] * baseCloses[c][t]);
            }
            snapshots.add(new PortfolioSnapshot(Ids.portfolioSnapshot(t), TradingDays.close(t), cash / 100.0,
                    positionsCents / 100.0, (cash + positionsCents) / 100.0));
            if (auditKey != null) {
                audited.put(TradingDays.day(t), decisions.stream().filter(d -> auditKey.equals(d.auditObjectKey()))
                        .toList());
            }
        }
        Instant start = TradingDays.at(TradingDays.PER_UNIT - 1, 13, 0);
        for (int c = 0; c < n; c++) {
            String ticker = specs.get(c).ticker();
            positions.add(new Position(Ids.position(ticker), Ids.company(ticker), quantity[c],
                    Formats.price(avgCost[c]), openedAt[c] != null ? openedAt[c] : start,
                    updatedAt[c] != null ? updatedAt[c] : start));
        }
        audited.forEach((day, list) -> auditArtifacts.add(new AuditArtifact(auditKey(day), auditJson(day, list))));
    }

    /**
     * The risk rules, in the order the risk service applies them; an empty list approves. Kill switch off (as in the
     * dataset's engine config).
     */
    static List<String> evaluate(String side, int qty, double price, int held, double close, double total) {
        List<String> reasons = new ArrayList<>();
        double notional = qty * price;
        if (notional > MAX_ORDER_NOTIONAL) {
            reasons.add("notional");
        }
        if (side.equals("sell") && qty > held) {
            reasons.add("short_sale");
        }
        if (side.equals("buy")) {
            double after = (held + qty) * close;
            if (after > MAX_POSITION_NOTIONAL) {
                reasons.add("position_limit");
            }
            if (total > 0 && after / total > MAX_CONCENTRATION) {
                reasons.add("concentration");
            }
        }
        if (reasons.isEmpty() && notional > APPROVAL_THRESHOLD_NOTIONAL) {
            reasons.add("approval_threshold");
        }
        return reasons;
    }

    static String auditKey(LocalDate day) {
        return "audit/trading/" + day + ".json";
    }

    private String auditJson(LocalDate day, List<TradingDecision> list) {
        Map<UUID, Order> byId = new LinkedHashMap<>();
        for (Order o : orders) {
            byId.put(o.id(), o);
        }
        StringBuilder json = new StringBuilder(256 + list.size() * 200);
        long execute = list.stream().filter(d -> d.action().equals("execute")).count();
        long skip = list.stream().filter(d -> d.action().equals("skip")).count();
        json.append("{\"day\":\"").append(day).append("\",\"strategy\":\"").append(STRATEGY)
                .append("\",\"agent_variant_id\":\"").append(traderVariantId).append("\",\"counts\":{\"execute\":")
                .append(execute).append(",\"skip\":").append(skip).append(",\"defer\":")
                .append(list.size() - execute - skip).append("},\"decisions\":[");
        for (int i = 0; i < list.size(); i++) {
            TradingDecision d = list.get(i);
            Order o = d.orderId() == null ? null : byId.get(d.orderId());
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(d.id()).append("\",\"company_id\":\"")
                    .append(d.companyId()).append("\",\"action\":\"").append(d.action()).append("\",\"order_id\":")
                    .append(o == null ? "null" : "\"" + o.id() + "\"").append(",\"order_status\":")
                    .append(o == null ? "null" : "\"" + o.status() + "\"").append('}');
        }
        return json.append("]}\n").toString();
    }

    private static UUID active(List<Recommendation> recommendations, UUID companyId, Instant at) {
        UUID found = null;
        for (Recommendation r : recommendations) {
            if (r.companyId().equals(companyId) && r.activeAt(at)) {
                found = r.id();
            }
        }
        return found;
    }

    // ---- history (scale > 1) ----------------------------------------------------------------------------------

    /** One company's history day: its bar and the rows that day produced. */
    final class HistoryDay {
        final int company;
        final int t;
        final PriceBar bar;
        private final Prng prng;
        private final int roundTrip;
        private final int rejected;

        private HistoryDay(int company, int t, PriceBar bar) {
            this.company = company;
            this.t = t;
            this.bar = bar;
            this.prng = Prng.mix(companyIds[company].getMostSignificantBits(), t);
            this.roundTrip = Math.max(1, (int) ((3_000 + 37_000 * prng.nextDouble()) / bar.open()));
            this.rejected = Math.max(1, (int) ((120_000 + 60_000 * prng.nextDouble()) / bar.close()) + 1);
        }

        private String ticker() {
            return specs.get(company).ticker();
        }

        private Instant at(int k) {
            return TradingDays.at(t, 14 + 2 * k, 35);
        }

        void evaluations(Consumer<RiskEvaluation> sink) {
            UUID companyId = companyIds[company];
            sink.accept(new RiskEvaluation(Ids.riskEvaluation(ticker(), t, 0), companyId, "buy", roundTrip,
                    bar.open(), cents(roundTrip * bar.open()), "approve", List.of(),
                    at(0).plusSeconds(1)));
            sink.accept(new RiskEvaluation(Ids.riskEvaluation(ticker(), t, 1), companyId, "sell", roundTrip,
                    bar.close(), cents(roundTrip * bar.close()), "approve", List.of(),
                    at(1).plusSeconds(1)));
            sink.accept(new RiskEvaluation(Ids.riskEvaluation(ticker(), t, 2), companyId, "buy", rejected,
                    bar.close(), cents(rejected * bar.close()), "reject",
                    List.of("notional"), at(2).plusSeconds(1)));
        }

        void orders(Consumer<Order> sink) {
            UUID companyId = companyIds[company];
            sink.accept(new Order(Ids.order(ticker(), t, 0), companyId, "buy", roundTrip, "market", null, "filled",
                    "paper", bar.open(), at(0).plusSeconds(3), Ids.riskEvaluation(ticker(), t, 0), null, null,
                    at(0).plusSeconds(2)));
            sink.accept(new Order(Ids.order(ticker(), t, 1), companyId, "sell", roundTrip, "market", null, "filled",
                    "paper", bar.close(), at(1).plusSeconds(3), Ids.riskEvaluation(ticker(), t, 1), null, null,
                    at(1).plusSeconds(2)));
            sink.accept(new Order(Ids.order(ticker(), t, 2), companyId, "buy", rejected, "market", null, "rejected",
                    "paper", null, null, Ids.riskEvaluation(ticker(), t, 2), null, null, at(2).plusSeconds(2)));
        }

        void decisions(Consumer<TradingDecision> sink) {
            UUID companyId = companyIds[company];
            String ticker = ticker();
            sink.accept(new TradingDecision(Ids.tradingDecision(ticker, t, 0), companyId, traderVariantId, null,
                    Ids.order(ticker, t, 0), "execute", "intraday: buy " + roundTrip + " " + ticker + " at the open",
                    at(0), null));
            sink.accept(new TradingDecision(Ids.tradingDecision(ticker, t, 1), companyId, traderVariantId, null,
                    Ids.order(ticker, t, 1), "execute", "intraday: sell " + roundTrip + " " + ticker
                    + " at the close", at(1), null));
            sink.accept(new TradingDecision(Ids.tradingDecision(ticker, t, 2), companyId, traderVariantId, null,
                    Ids.order(ticker, t, 2), "execute", "breakout: buy " + rejected + " " + ticker, at(2), null));
            boolean defer = (t & 1) == 0;
            sink.accept(new TradingDecision(Ids.tradingDecision(ticker, t, 3), companyId, traderVariantId, null, null,
                    defer ? "defer" : "skip", defer ? DEFER_REASONS.get(t % DEFER_REASONS.size())
                    : "skip: no edge after costs", at(3), null));
        }
    }

    private static double cents(double dollars) {
        return Formats.cents(dollars) / 100.0;
    }

    /** Every history day of every company for a dataset of {@code scale}, company by company, newest first. */
    void history(int scale, Consumer<HistoryDay> sink) {
        int days = TradingDays.PER_UNIT * scale;
        for (int c = 0; c < specs.size(); c++) {
            PriceWalk walk = historyWalks[c].copy();
            while (walk.day() < days) {
                int t = walk.day();
                sink.accept(new HistoryDay(c, t, walk.next()));
            }
        }
    }
}
