package dev.stonks.inttest.tester.stonks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stonks.inttest.stonks.dataset.Company;
import dev.stonks.inttest.stonks.dataset.CompanyAlias;
import dev.stonks.inttest.stonks.dataset.Document;
import dev.stonks.inttest.stonks.dataset.IngestionRun;
import dev.stonks.inttest.stonks.dataset.IngestionStatus;
import dev.stonks.inttest.stonks.dataset.IntelligenceRecord;
import dev.stonks.inttest.stonks.dataset.Source;
import dev.stonks.inttest.stonks.dataset.SourceKind;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.stonks.dataset.TrendEvidence;
import dev.stonks.inttest.stonks.dataset.TrendProjection;
import dev.stonks.inttest.stonks.dataset.TrendWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A real HTTP server (the JDK's) answering the stonks endpoints the suites call, from the dataset, in the shapes
 * stonks-api.md describes: snake_case JSON, {@code {"status","title","detail"}} errors, 404 for unknown ids, 400
 * for malformed UUIDs. {@link Defect}s make it answer wrongly on purpose. One server plays all four services.
 */
public final class FakeStonks implements AutoCloseable {

    /** Deliberate mistakes. */
    public enum Defect {
        /** AAPL's name is "Apple Corp." wherever a company is shown. */
        WRONG_APPLE_NAME,
        /** {@code GET /api/trends/{id}} leaves out {@code confidence}. */
        TREND_WITHOUT_CONFIDENCE
    }

    static {
        // Without it the JDK server's Nagle delay meets the client's delayed ACK: ~40 ms per response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final StonksDataset DATA = StonksDataset.base();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Set<Defect> defects;

    private FakeStonks(Set<Defect> defects) throws IOException {
        this.defects = defects;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeStonks start(Defect... defects) throws IOException {
        return new FakeStonks(defects.length == 0 ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(List.of(defects)));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every stonks service, all answered by this server. */
    public Map<String, String> services() {
        return Map.of("query-api", url(), "registry", url(), "risk", url(), "trading", url());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    problem(exchange, 405, "Method Not Allowed", exchange.getRequestMethod() + " is not supported");
                    return;
                }
                route(exchange, exchange.getRequestURI().getPath().split("/"));
            } catch (NoSuchElementException e) {
                problem(exchange, 404, "Not Found", e.getMessage());
            } catch (IllegalArgumentException e) {
                problem(exchange, 400, "Bad Request", e.getMessage());
            }
        }
    }

    private void route(HttpExchange ex, String[] p) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/q/health/ready")) {
            json(ex, JSON.objectNode().put("status", "UP").set("checks", JSON.arrayNode()));
        } else if (path.equals("/api/companies")) {
            ArrayNode list = JSON.arrayNode();
            byTicker().forEach(c -> list.add(company(c)));
            json(ex, list);
        } else if (path.equals("/api/registry/companies")) {
            ArrayNode list = JSON.arrayNode();
            byTicker().forEach(c -> list.add(withAliases(c)));
            json(ex, list);
        } else if (p.length == 4 && p[2].equals("companies")) {
            json(ex, withAliases(DATA.company(uuid(p[3], "company"))));
        } else if (p.length == 5 && p[2].equals("companies") && p[4].equals("trends")) {
            UUID id = uuid(p[3], "company");
            DATA.company(id);
            ArrayNode list = JSON.arrayNode();
            DATA.trendWindowsOf(id).forEach(t -> list.add(trend(t, true)));
            json(ex, list);
        } else if (p.length == 4 && p[2].equals("trends")) {
            TrendWindow t = DATA.trendWindow(uuid(p[3], "trend"));
            ObjectNode body = trend(t, !defects.contains(Defect.TREND_WITHOUT_CONFIDENCE));
            ArrayNode evidence = body.putArray("evidence");
            for (TrendEvidence e : DATA.evidenceOf(t.id())) {
                evidence.addObject().put("document_id", e.documentId().toString()).put("weight", e.weight())
                        .put("title", DATA.document(e.documentId()).title());
            }
            ArrayNode projections = body.putArray("projections");
            for (TrendProjection pr : DATA.projectionsOf(t.id())) {
                projections.addObject().put("horizon_days", pr.horizonDays()).put("expected_return",
                        pr.expectedReturn()).put("low", pr.low()).put("high", pr.high());
            }
            json(ex, body);
        } else if (p.length == 4 && p[2].equals("documents")) {
            Document d = DATA.document(uuid(p[3], "document"));
            ObjectNode body = JSON.objectNode().put("id", d.id().toString())
                    .put("company_id", d.companyId().toString()).put("source_id", d.sourceId().toString())
                    .put("title", d.title()).put("published_at", d.publishedAt().toString())
                    .put("object_key", d.objectKey()).put("sha256", d.sha256()).put("word_count", d.wordCount());
            ArrayNode records = body.putArray("intelligence_records");
            for (IntelligenceRecord r : DATA.intelligenceRecordsOf(d.id())) {
                records.addObject().put("id", r.id().toString()).put("kind", r.kind().value())
                        .put("score", r.score()).put("summary", r.summary());
            }
            json(ex, body);
        } else if (p.length == 5 && p[2].equals("documents") && p[4].equals("text")) {
            Document d = DATA.document(uuid(p[3], "document"));
            send(ex, 200, StonksDataset.TEXT_CONTENT_TYPE, DATA.textBytes(d));
        } else if (path.equals("/api/ops/pipeline/health")) {
            ObjectNode body = JSON.objectNode().put("status", "ok").put("checked_at", Instant.now().toString());
            for (String dependency : List.of("database", "redis", "object_store")) {
                body.putObject(dependency).put("status", "up").put("latency_ms", 1).putNull("detail");
            }
            body.set("last_ingestion", run(DATA.lastIngestionRun()));
            json(ex, body);
        } else if (path.equals("/api/ops/ingestion/summary")) {
            ObjectNode body = counts(JSON.objectNode(), EnumSet.allOf(SourceKind.class));
            body.set("last_run", run(DATA.lastIngestionRun()));
            ArrayNode byKind = body.putArray("by_kind");
            for (SourceKind kind : SourceKind.values()) {
                ObjectNode entry = counts(byKind.addObject().put("kind", kind.value()), EnumSet.of(kind));
                entry.set("last_run", run(DATA.ingestionRuns().stream()
                        .filter(r -> DATA.source(r.sourceId()).kind() == kind)
                        .max(Comparator.comparing(IngestionRun::startedAt)).orElseThrow()));
            }
            json(ex, body);
        } else if (path.equals("/api/trading/status")) {
            ObjectNode body = JSON.objectNode().put("mode", "paper").put("kill_switch", false)
                    .put("engine_state", "idle").putNull("updated_at").put("state_key", "stonks:trading:engine");
            body.putObject("risk").put("url", url()).put("status", "up").put("latency_ms", 1).putNull("detail");
            json(ex, body);
        } else {
            problem(ex, 404, "Not Found", "no route for GET " + path);
        }
    }

    private static List<Company> byTicker() {
        return DATA.companies().stream().sorted(Comparator.comparing(Company::ticker)).toList();
    }

    private ObjectNode withAliases(Company c) {
        ObjectNode body = company(c);
        ArrayNode aliases = body.putArray("aliases");
        for (CompanyAlias a : DATA.aliasesOf(c.id())) {
            aliases.addObject().put("id", a.id().toString()).put("alias", a.alias());
        }
        return body;
    }

    /** sources, active_sources, runs, succeeded, failed, running, documents_ingested, documents of some kinds. */
    private static ObjectNode counts(ObjectNode node, Set<SourceKind> kinds) {
        Set<UUID> sources = DATA.sources().stream().filter(src -> kinds.contains(src.kind())).map(Source::id)
                .collect(Collectors.toSet());
        List<IngestionRun> runs = DATA.ingestionRuns().stream().filter(r -> sources.contains(r.sourceId())).toList();
        Map<IngestionStatus, Long> byStatus = runs.stream()
                .collect(Collectors.groupingBy(IngestionRun::status, Collectors.counting()));
        node.put("sources", sources.size())
                .put("active_sources", DATA.sources().stream().filter(src -> sources.contains(src.id()))
                        .filter(Source::active).count())
                .put("runs", runs.size());
        for (IngestionStatus status : IngestionStatus.values()) {
            node.put(status.value(), byStatus.getOrDefault(status, 0L));
        }
        return node.put("documents_ingested", runs.stream().mapToLong(IngestionRun::documentsIngested).sum())
                .put("documents", DATA.documents().stream().filter(d -> sources.contains(d.sourceId())).count());
    }

    private static ObjectNode run(IngestionRun r) {
        Source source = DATA.source(r.sourceId());
        ObjectNode node = JSON.objectNode().put("id", r.id().toString()).put("source_id", r.sourceId().toString())
                .put("source_kind", source.kind().value()).put("company_id", source.companyId().toString())
                .put("ticker", DATA.company(source.companyId()).ticker()).put("status", r.status().value())
                .put("started_at", r.startedAt().toString())
                .put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString())
                .put("documents_ingested", r.documentsIngested());
        return node.put("error", r.error());
    }

    private ObjectNode company(Company c) {
        String name = defects.contains(Defect.WRONG_APPLE_NAME) && c.ticker().equals("AAPL") ? "Apple Corp."
                : c.name();
        return JSON.objectNode().put("id", c.id().toString()).put("ticker", c.ticker()).put("name", name)
                .put("sector", c.sector()).put("exchange", c.exchange());
    }

    private static ObjectNode trend(TrendWindow t, boolean withConfidence) {
        ObjectNode node = JSON.objectNode().put("id", t.id().toString()).put("company_id", t.companyId().toString())
                .put("window_start", t.windowStart().toString()).put("window_end", t.windowEnd().toString())
                .put("trend_direction", t.trendDirection().value());
        if (withConfidence) {
            node.put("confidence", t.confidence());
        }
        return node.put("summary", t.summary());
    }

    private static UUID uuid(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " id '" + raw + "' is not a valid UUID");
        }
    }

    private static void json(HttpExchange ex, Object body) throws IOException {
        send(ex, 200, "application/json", MAPPER.writeValueAsBytes(body));
    }

    private static void problem(HttpExchange ex, int status, String title, String detail) throws IOException {
        send(ex, status, "application/problem+json", MAPPER.writeValueAsBytes(
                JSON.objectNode().put("status", status).put("title", title).put("detail", detail)));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
