package dev.stonks.inttest.tester.stonks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stonks.inttest.stonks.dataset.Company;
import dev.stonks.inttest.stonks.dataset.CompanyAlias;
import dev.stonks.inttest.stonks.dataset.CompetitorRelationship;
import dev.stonks.inttest.stonks.dataset.Document;
import dev.stonks.inttest.stonks.dataset.Ids;
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
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Real HTTP servers (the JDK's), one per stonks service, answering the endpoints today's stonks has, from the
 * dataset, in the shapes stonks/README.md describes: snake_case JSON, {@code {"status","title","detail"}} errors,
 * 404 for unknown ids and for another service's paths, 400 naming a malformed parameter. Endpoints stonks does not
 * have yet answer 404, as stonks does. {@link Defect}s make it answer wrongly on purpose; {@link #dieAfter} makes
 * every service stop answering mid-run.
 */
public final class FakeStonks implements AutoCloseable {

    /** Deliberate mistakes. */
    public enum Defect {
        /** AAPL's name is "Apple Corp." wherever a company is shown. */
        WRONG_APPLE_NAME,
        /** {@code GET /api/trends/{id}} leaves out {@code confidence}. */
        TREND_WITHOUT_CONFIDENCE,
        /** NVDA's Q1 2025 trend window has confidence 0.19 (instead of 0.91) wherever it is shown. */
        WRONG_NVDA_CONFIDENCE
    }

    /** The services and the path prefixes each one serves (stonks' role filter). */
    static final Map<String, List<String>> ROLES = Map.of(
            "query-api", List.of("/api/companies", "/api/trends", "/api/documents", "/api/search", "/api/ops",
                    "/api/recommendations", "/api/events", "/api/agents", "/api/portfolio"),
            "registry", List.of("/api/registry"),
            "risk", List.of("/api/risk"),
            "trading", List.of("/api/trading"));

    static {
        // Without it the JDK server's Nagle delay meets the client's delayed ACK: ~40 ms per response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final StonksDataset DATA = StonksDataset.base();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, HttpServer> servers = new TreeMap<>();
    private final ExecutorService executor;
    private final Set<Defect> defects;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int dieAfter = Integer.MAX_VALUE;
    private volatile boolean dead;

    private FakeStonks(Set<Defect> defects) throws IOException {
        this.defects = defects;
        this.executor = Executors.newFixedThreadPool(8);
        for (String role : ROLES.keySet()) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(executor);
            server.createContext("/", exchange -> handle(role, exchange));
            server.start();
            servers.put(role, server);
        }
    }

    public static FakeStonks start(Defect... defects) throws IOException {
        return new FakeStonks(defects.length == 0 ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(List.of(defects)));
    }

    /** The query API's base URL. */
    public String url() {
        return url("query-api");
    }

    public String url(String role) {
        return "http://127.0.0.1:" + servers.get(role).getAddress().getPort();
    }

    /** Every stonks service, each on its own port. */
    public Map<String, String> services() {
        Map<String, String> services = new TreeMap<>();
        servers.keySet().forEach(role -> services.put(role, url(role)));
        return services;
    }

    /** After {@code n} more requests every service stops: its port closes, later calls are refused. */
    public FakeStonks dieAfter(int n) {
        dieAfter = requests.get() + n;
        return this;
    }

    /** Requests answered so far. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        servers.values().forEach(s -> s.stop(0));
        executor.shutdownNow();
    }

    private void handle(String role, HttpExchange exchange) throws IOException {
        if (requests.incrementAndGet() > dieAfter) {
            die();
            exchange.close();
            return;
        }
        try (exchange) {
            try {
                String path = exchange.getRequestURI().getPath();
                if (!path.startsWith("/q/") && ROLES.get(role).stream().noneMatch(path::startsWith)) {
                    problem(exchange, 404, "Not Found", "no resource at " + exchange.getRequestMethod() + " " + path
                            + " in the " + role + " service");
                    return;
                }
                if (!"GET".equals(exchange.getRequestMethod())) {
                    problem(exchange, 405, "Method Not Allowed", exchange.getRequestMethod() + " is not supported");
                    return;
                }
                route(exchange, path.split("/"), query(exchange.getRequestURI()));
            } catch (NoSuchElementException e) {
                problem(exchange, 404, "Not Found", e.getMessage());
            } catch (IllegalArgumentException e) {
                problem(exchange, 400, "Bad Request", e.getMessage());
            }
        }
    }

    private synchronized void die() {
        if (!dead) {
            dead = true;
            // stop() waits for exchanges in progress, one of which is the caller's: from another thread
            Thread stopper = new Thread(() -> servers.values().forEach(s -> s.stop(0)), "fake-stonks-dies");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    private void route(HttpExchange ex, String[] p, Map<String, String> q) throws IOException {
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
        } else if (p.length == 5 && p[2].equals("registry") && p[3].equals("companies")) {
            json(ex, withAliases(company(uuid(p[4], "id"))));
        } else if (path.equals("/api/registry/resolve")) {
            String symbol = required(q, "symbol");
            Company found = DATA.companies().stream().filter(c -> c.ticker().equals(symbol.toUpperCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            String matchedBy = "ticker";
            if (found == null) {
                matchedBy = "alias";
                found = DATA.aliases().stream().filter(a -> a.alias().equalsIgnoreCase(symbol)).findFirst()
                        .map(a -> DATA.company(a.companyId())).orElseThrow(() -> new NoSuchElementException(
                                "no company has the ticker or alias '" + symbol + "'"));
            }
            json(ex, JSON.objectNode().put("symbol", symbol).put("matched_by", matchedBy)
                    .set("company", withAliases(found)));
        } else if (path.equals("/api/risk/limits")) {
            json(ex, JSON.objectNode().put("max_position_notional", 250000).put("max_order_notional", 100000)
                    .put("max_concentration", 0.25).put("approval_threshold_notional", 50000)
                    .put("source", "config"));
        } else if (path.equals("/api/search")) {
            json(ex, search(required(q, "q"), intParam(q, "limit", 10, 1, 50)));
        } else if (path.equals("/api/trends")) {
            String direction = q.get("direction");
            if (direction != null && !List.of("bullish", "bearish", "mixed").contains(direction)) {
                throw new IllegalArgumentException("query parameter 'direction' must be one of bullish, bearish, "
                        + "mixed, got '" + direction + "'");
            }
            double floor = doubleParam(q, "min_confidence", 0, 1);
            int limit = intParam(q, "limit", 100, 1, 500);
            ArrayNode list = JSON.arrayNode();
            DATA.trendWindows().stream()
                    .filter(t -> direction == null || t.trendDirection().value().equals(direction))
                    .filter(t -> confidence(t) >= floor)
                    .sorted(Comparator.comparingDouble(this::confidence).reversed()
                            .thenComparing(TrendWindow::windowEnd, Comparator.reverseOrder())
                            .thenComparing(TrendWindow::id, Ids.POSTGRES_ORDER))
                    .limit(limit).forEach(t -> list.add(trend(t, true)));
            json(ex, list);
        } else if (p.length == 4 && p[2].equals("companies")) {
            json(ex, withAliases(company(uuid(p[3], "id"))));
        } else if (p.length == 5 && p[2].equals("companies") && p[4].equals("sources")) {
            UUID id = uuid(p[3], "id");
            ArrayNode list = JSON.arrayNode();
            DATA.sourcesOf(company(id).id()).forEach(src -> list.addObject().put("id", src.id().toString())
                    .put("kind", src.kind().value()).put("url", src.url()).put("active", src.active())
                    .put("created_at", src.createdAt().toString()));
            json(ex, list);
        } else if (p.length == 5 && p[2].equals("companies") && p[4].equals("competitors")) {
            UUID id = uuid(p[3], "id");
            ArrayNode list = JSON.arrayNode();
            DATA.competitorsOf(company(id).id()).stream()
                    .sorted(Comparator.comparingDouble(CompetitorRelationship::strength).reversed()
                            .thenComparing(r -> DATA.company(r.competitorId()).ticker()))
                    .forEach(r -> {
                        Company c = DATA.company(r.competitorId());
                        list.addObject().put("id", r.id().toString()).put("competitor_id", c.id().toString())
                                .put("ticker", c.ticker()).put("name", c.name()).put("strength", r.strength());
                    });
            json(ex, list);
        } else if (p.length == 5 && p[2].equals("companies") && p[4].equals("documents")) {
            UUID id = uuid(p[3], "id");
            int limit = intParam(q, "limit", 20, 1, 100);
            int offset = intParam(q, "offset", 0, 0, Integer.MAX_VALUE);
            ArrayNode list = JSON.arrayNode();
            DATA.documentsOf(company(id).id()).stream().skip(offset).limit(limit).forEach(d -> list.addObject()
                    .put("id", d.id().toString()).put("source_id", d.sourceId().toString())
                    .put("source_kind", DATA.source(d.sourceId()).kind().value()).put("title", d.title())
                    .put("published_at", d.publishedAt().toString()).put("sha256", d.sha256())
                    .put("word_count", d.wordCount()));
            json(ex, list);
        } else if (p.length == 5 && p[2].equals("companies") && p[4].equals("trends")) {
            UUID id = uuid(p[3], "id");
            company(id);
            ArrayNode list = JSON.arrayNode();
            DATA.trendWindowsOf(id).forEach(t -> list.add(trend(t, true)));
            json(ex, list);
        } else if (p.length == 4 && p[2].equals("trends")) {
            TrendWindow t = found(() -> DATA.trendWindow(uuid(p[3], "id")), "trend " + p[3]);
            ObjectNode body = trend(t, !defects.contains(Defect.TREND_WITHOUT_CONFIDENCE));
            ArrayNode evidence = body.putArray("evidence");
            for (TrendEvidence e : DATA.evidenceOf(t.id())) {
                evidence.addObject().put("document_id", e.documentId().toString()).put("weight", e.weight())
                        .put("title", DATA.document(e.documentId()).title())
                        .put("published_at", DATA.document(e.documentId()).publishedAt().toString());
            }
            ArrayNode projections = body.putArray("projections");
            for (TrendProjection pr : DATA.projectionsOf(t.id())) {
                projections.addObject().put("id", Ids.trendProjection(DATA.company(t.companyId()).ticker(),
                        index(t), pr.horizonDays()).toString()).put("horizon_days", pr.horizonDays())
                        .put("expected_return", pr.expectedReturn()).put("low", pr.low()).put("high", pr.high());
            }
            json(ex, body);
        } else if (p.length == 4 && p[2].equals("documents")) {
            Document d = found(() -> DATA.document(uuid(p[3], "id")), "document " + p[3]);
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
            Document d = found(() -> DATA.document(uuid(p[3], "id")), "document " + p[3]);
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
            problem(ex, 404, "Not Found", "no resource at GET " + path);
        }
    }

    /** Companies whose ticker, alias or name contains {@code text}: exact ticker, alias, name first; then by ticker. */
    private static ArrayNode search(String text, int limit) {
        if (text.length() > 64) {
            throw new IllegalArgumentException("query parameter 'q' must be at most 64 characters");
        }
        String needle = text.toLowerCase(Locale.ROOT);
        record Hit(Company company, String matchedBy, String matched, int rank) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Company c : DATA.companies()) {
            List<Hit> candidates = new ArrayList<>();
            if (c.ticker().toLowerCase(Locale.ROOT).contains(needle)) {
                candidates.add(new Hit(c, "ticker", c.ticker(), c.ticker().equalsIgnoreCase(text) ? 0 : 3));
            }
            for (CompanyAlias a : DATA.aliasesOf(c.id())) {
                if (a.alias().toLowerCase(Locale.ROOT).contains(needle)) {
                    candidates.add(new Hit(c, "alias", a.alias(), a.alias().equalsIgnoreCase(text) ? 1 : 4));
                }
            }
            if (c.name().toLowerCase(Locale.ROOT).contains(needle)) {
                candidates.add(new Hit(c, "name", c.name(), c.name().equalsIgnoreCase(text) ? 2 : 5));
            }
            candidates.stream().min(Comparator.comparingInt(Hit::rank).thenComparing(Hit::matched))
                    .ifPresent(hits::add);
        }
        ArrayNode list = JSON.arrayNode();
        hits.stream().sorted(Comparator.comparingInt(Hit::rank).thenComparing(h -> h.company().ticker())).limit(limit)
                .forEach(h -> list.addObject().put("id", h.company().id().toString())
                        .put("ticker", h.company().ticker()).put("name", h.company().name())
                        .put("matched_by", h.matchedBy()).put("matched", h.matched()));
        return list;
    }

    private double confidence(TrendWindow t) {
        return defects.contains(Defect.WRONG_NVDA_CONFIDENCE) && t.id().equals(Ids.trendWindow("NVDA", 0)) ? 0.19
                : t.confidence();
    }

    private static Company company(UUID id) {
        return found(() -> DATA.company(id), "company " + id);
    }

    /** Looks a row up; one that does not exist is a 404 "... does not exist". */
    private static <T> T found(java.util.function.Supplier<T> lookup, String what) {
        try {
            return lookup.get();
        } catch (NoSuchElementException e) {
            throw new NoSuchElementException(what + " does not exist");
        }
    }

    private static String required(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("query parameter '" + name + "' is required");
        }
        return v.trim();
    }

    private static int intParam(Map<String, String> q, String name, int fallback, int min, int max) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(v.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("query parameter '" + name + "' must be an integer from " + min + " to "
                + max + ", got '" + v + "'");
    }

    private static double doubleParam(Map<String, String> q, String name, double min, double max) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            return min;
        }
        try {
            double parsed = Double.parseDouble(v.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("query parameter '" + name + "' must be a number from " + min + " to "
                + max + ", got '" + v + "'");
    }

    private static int index(TrendWindow t) {
        return DATA.trendWindowsOf(t.companyId()).size() - 1 - DATA.trendWindowsOf(t.companyId()).indexOf(t);
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
                .put("sector", c.sector()).put("exchange", c.exchange()).put("created_at", c.createdAt().toString());
    }

    private ObjectNode trend(TrendWindow t, boolean withConfidence) {
        ObjectNode node = JSON.objectNode().put("id", t.id().toString()).put("company_id", t.companyId().toString())
                .put("ticker", DATA.company(t.companyId()).ticker())
                .put("window_start", t.windowStart().toString()).put("window_end", t.windowEnd().toString())
                .put("trend_direction", t.trendDirection().value());
        if (withConfidence) {
            node.put("confidence", confidence(t));
        }
        return node.put("summary", t.summary()).put("created_at", t.createdAt().toString())
                .put("evidence_count", DATA.evidenceOf(t.id()).size());
    }

    private static UUID uuid(String raw, String name) {
        if (!raw.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a UUID (8-4-4-4-12 hex digits), got '"
                    + raw + "'");
        }
        return UUID.fromString(raw);
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
