package dev.stonks.inttest.stonks.dataset.seed;

import dev.stonks.inttest.stonks.dataset.StonksDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** How every table of the dataset is written as COPY rows, in load order (parents first). */
final class SeedTables {

    /** One table: its columns, its row count at the dataset's scale, and the rows. */
    record Table(String name, List<String> columns, long rows, Consumer<CopyWriter> write) {

        String columnList() {
            return String.join(", ", columns);
        }
    }

    /** A row writer that may throw (the buffer flushes to the server). */
    @FunctionalInterface
    private interface RowWriter<T> {
        void write(CopyWriter w, T row) throws IOException;
    }

    private SeedTables() {
    }

    static List<Table> of(StonksDataset d) {
        Map<String, Long> counts = d.rowCounts();
        List<Table> tables = List.of(
                table(counts, "companies", "id, ticker, name, sector, exchange, created_at",
                        rows(d.companies(), (w, c) -> w.uuid(c.id()).text(c.ticker()).text(c.name()).text(c.sector())
                                .text(c.exchange()).timestamp(c.createdAt()).endRow())),
                table(counts, "company_aliases", "id, company_id, alias, created_at",
                        rows(d.aliases(), (w, a) -> w.uuid(a.id()).uuid(a.companyId()).text(a.alias())
                                .timestamp(a.createdAt()).endRow())),
                table(counts, "sources", "id, company_id, kind, url, active, created_at",
                        rows(d.sources(), (w, s) -> w.uuid(s.id()).uuid(s.companyId()).text(s.kind().value())
                                .text(s.url()).bool(s.active()).timestamp(s.createdAt()).endRow())),
                table(counts, "competitor_relationships", "id, company_id, competitor_id, strength",
                        rows(d.competitorRelationships(), (w, r) -> w.uuid(r.id()).uuid(r.companyId())
                                .uuid(r.competitorId()).decimal(r.strength(), 3).endRow())),
                table(counts, "documents", "id, company_id, source_id, title, published_at, object_key, sha256, "
                        + "word_count",
                        rows(d.documents(), (w, doc) -> w.uuid(doc.id()).uuid(doc.companyId()).uuid(doc.sourceId())
                                .text(doc.title()).timestamp(doc.publishedAt()).text(doc.objectKey())
                                .text(doc.sha256()).integer(doc.wordCount()).endRow())),
                table(counts, "intelligence_records", "id, document_id, kind, score, summary, created_at",
                        rows(d.intelligenceRecords(), (w, r) -> w.uuid(r.id()).uuid(r.documentId())
                                .text(r.kind().value()).decimal(r.score(), 3).text(r.summary())
                                .timestamp(r.createdAt()).endRow())),
                table(counts, "trend_windows", "id, company_id, window_start, window_end, trend_direction, "
                        + "confidence, summary, created_at",
                        rows(d.trendWindows(), (w, t) -> w.uuid(t.id()).uuid(t.companyId())
                                .timestamp(t.windowStart()).timestamp(t.windowEnd()).text(t.trendDirection().value())
                                .decimal(t.confidence(), 3).text(t.summary()).timestamp(t.createdAt()).endRow())),
                table(counts, "trend_evidence", "trend_window_id, document_id, weight",
                        rows(d.trendEvidence(), (w, e) -> w.uuid(e.trendWindowId()).uuid(e.documentId())
                                .decimal(e.weight(), 3).endRow())),
                table(counts, "trend_projections", "id, trend_window_id, horizon_days, expected_return, low, high",
                        rows(d.trendProjections(), (w, p) -> w.uuid(p.id()).uuid(p.trendWindowId())
                                .integer(p.horizonDays()).decimal(p.expectedReturn(), 4).decimal(p.low(), 4)
                                .decimal(p.high(), 4).endRow())),
                table(counts, "ingestion_runs", "id, source_id, started_at, finished_at, status, documents_ingested, "
                        + "error",
                        rows(d.ingestionRuns(), (w, r) -> w.uuid(r.id()).uuid(r.sourceId()).timestamp(r.startedAt())
                                .timestamp(r.finishedAt()).text(r.status().value()).integer(r.documentsIngested())
                                .text(r.error()).endRow())),
                table(counts, "recommendations", "id, company_id, trend_window_id, action, conviction, target_price, "
                        + "rationale, status, created_at, closed_at",
                        rows(d.recommendations(), (w, r) -> w.uuid(r.id()).uuid(r.companyId())
                                .uuid(r.trendWindowId()).text(r.action()).decimal(r.conviction(), 3)
                                .decimal(r.targetPrice(), 2).text(r.rationale()).text(r.status())
                                .timestamp(r.createdAt()).timestamp(r.closedAt()).endRow())),
                table(counts, "recommendation_citations", "id, recommendation_id, document_id, quote",
                        rows(d.citations(), (w, c) -> w.uuid(c.id()).uuid(c.recommendationId()).uuid(c.documentId())
                                .text(c.quote()).endRow())),
                table(counts, "global_events", "id, kind, title, description, severity, occurred_at",
                        rows(d.globalEvents(), (w, e) -> w.uuid(e.id()).text(e.kind()).text(e.title())
                                .text(e.description()).integer(e.severity()).timestamp(e.occurredAt()).endRow())),
                table(counts, "macro_impacts", "id, event_id, company_id, impact_score, rationale",
                        rows(d.macroImpacts(), (w, i) -> w.uuid(i.id()).uuid(i.eventId()).uuid(i.companyId())
                                .decimal(i.impactScore(), 3).text(i.rationale()).endRow())),
                table(counts, "ai_agents", "id, name, role, description, created_at",
                        rows(d.agents(), (w, a) -> w.uuid(a.id()).text(a.name()).text(a.role())
                                .text(a.description()).timestamp(a.createdAt()).endRow())),
                table(counts, "agent_variants", "id, agent_id, name, model, prompt_version, champion, created_at",
                        rows(d.agentVariants(), (w, v) -> w.uuid(v.id()).uuid(v.agentId()).text(v.name())
                                .text(v.model()).text(v.promptVersion()).bool(v.champion()).timestamp(v.createdAt())
                                .endRow())),
                table(counts, "agent_performance_logs", "variant_id, day, decisions, accuracy, pnl, avg_latency_ms",
                        w -> d.forEachPerformanceLog(each(w, (x, l) -> x.uuid(l.variantId()).date(l.day())
                                .integer(l.decisions()).decimal(l.accuracy(), 3).decimal(l.pnl(), 2)
                                .integer(l.avgLatencyMs()).endRow()))),
                table(counts, "trading_engine_config", "id, mode, kill_switch, max_daily_orders, max_order_quantity, "
                        + "strategy, updated_at, updated_by",
                        rows(List.of(d.engineConfig()), (w, c) -> w.uuid(c.id()).text(c.mode()).bool(c.killSwitch())
                                .integer(c.maxDailyOrders()).integer(c.maxOrderQuantity()).text(c.strategy())
                                .timestamp(c.updatedAt()).text(c.updatedBy()).endRow())),
                table(counts, "risk_limits", "id, name, value, description, updated_at",
                        rows(d.riskLimits(), (w, l) -> w.uuid(l.id()).text(l.name()).decimal(l.value(), 4)
                                .text(l.description()).timestamp(l.updatedAt()).endRow())),
                table(counts, "price_bars", "company_id, day, open, high, low, close, volume",
                        w -> d.forEachPriceBar(each(w, (x, b) -> x.uuid(b.companyId()).date(b.day())
                                .decimal(b.open(), 4).decimal(b.high(), 4).decimal(b.low(), 4).decimal(b.close(), 4)
                                .integer(b.volume()).endRow()))),
                table(counts, "risk_evaluations", "id, company_id, side, quantity, price, notional, decision, reasons, "
                        + "evaluated_at",
                        w -> d.forEachRiskEvaluation(each(w, (x, e) -> x.uuid(e.id()).uuid(e.companyId())
                                .text(e.side()).integer(e.quantity()).decimal(e.price(), 4).decimal(e.notional(), 2)
                                .text(e.decision()).textArray(e.reasons()).timestamp(e.evaluatedAt()).endRow()))),
                table(counts, "risk_approvals", "id, evaluation_id, status, requested_at, decided_at, decided_by, note",
                        rows(d.riskApprovals(), (w, a) -> w.uuid(a.id()).uuid(a.evaluationId()).text(a.status())
                                .timestamp(a.requestedAt()).timestamp(a.decidedAt()).text(a.decidedBy())
                                .text(a.note()).endRow())),
                table(counts, "orders", "id, company_id, side, quantity, order_type, limit_price, status, mode, "
                        + "fill_price, filled_at, risk_evaluation_id, recommendation_id, client_order_id, created_at",
                        w -> d.forEachOrder(each(w, (x, o) -> x.uuid(o.id()).uuid(o.companyId()).text(o.side())
                                .integer(o.quantity()).text(o.orderType()).decimal(o.limitPrice(), 4)
                                .text(o.status()).text(o.mode()).decimal(o.fillPrice(), 4).timestamp(o.filledAt())
                                .uuid(o.riskEvaluationId()).uuid(o.recommendationId()).text(o.clientOrderId())
                                .timestamp(o.createdAt()).endRow()))),
                table(counts, "positions", "id, company_id, quantity, avg_cost, opened_at, updated_at",
                        rows(d.positions(), (w, p) -> w.uuid(p.id()).uuid(p.companyId()).integer(p.quantity())
                                .decimal(p.avgCost(), 4).timestamp(p.openedAt()).timestamp(p.updatedAt()).endRow())),
                table(counts, "trading_decisions", "id, company_id, agent_variant_id, recommendation_id, order_id, "
                        + "action, reason, decided_at, audit_object_key",
                        w -> d.forEachTradingDecision(each(w, (x, t) -> x.uuid(t.id()).uuid(t.companyId())
                                .uuid(t.agentVariantId()).uuid(t.recommendationId()).uuid(t.orderId())
                                .text(t.action()).text(t.reason()).timestamp(t.decidedAt()).text(t.auditObjectKey())
                                .endRow()))),
                table(counts, "portfolio_snapshots", "id, taken_at, cash, positions_value, total_value",
                        rows(d.portfolioSnapshots(), (w, s) -> w.uuid(s.id()).timestamp(s.takenAt())
                                .decimal(s.cash(), 2).decimal(s.positionsValue(), 2).decimal(s.totalValue(), 2)
                                .endRow())));
        if (!tables.stream().map(Table::name).toList().equals(StonksDataset.TABLES)) {
            throw new IllegalStateException("seed tables out of step with StonksDataset.TABLES");
        }
        return tables;
    }

    private static Table table(Map<String, Long> counts, String name, String columns, Consumer<CopyWriter> write) {
        return new Table(name, List.of(columns.split(", ")), counts.get(name), write);
    }

    private static <T> Consumer<CopyWriter> rows(List<T> rows, RowWriter<T> writer) {
        return w -> rows.forEach(each(w, writer));
    }

    private static <T> Consumer<T> each(CopyWriter w, RowWriter<T> writer) {
        return row -> {
            try {
                writer.write(w, row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
