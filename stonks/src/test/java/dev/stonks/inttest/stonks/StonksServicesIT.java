package dev.stonks.inttest.stonks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.stonks.inttest.stonks.dataset.TrendDirection;
import dev.stonks.inttest.stonks.dataset.TrendEvidence;
import dev.stonks.inttest.stonks.dataset.TrendProjection;
import dev.stonks.inttest.stonks.dataset.TrendWindow;
import dev.stonks.inttest.stonks.dataset.testing.FreePorts;
import dev.stonks.inttest.stonks.dataset.testing.TestPostgres;
import dev.stonks.inttest.stonks.dataset.testing.TestRedis;
import dev.stonks.inttest.stonks.dataset.testing.TestS3;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * The packaged jar as four processes (query-api, registry, risk, trading), configured only through the environment
 * variables the provisioner passes, against a real PostgreSQL migrated with infra/migrations and seeded by
 * StonksSeeder, a real Redis and a real S3 endpoint. Assertions use the dataset's exact values.
 */
@org.junit.jupiter.api.Order(1)
class StonksServicesIT {

    private static final StonksDataset DATASET = StonksDataset.base();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = StonksSandbox.HTTP;
    private static final List<String> ROLES = List.of("query-api", "registry", "risk", "trading");

    private static TestPostgres postgres;
    private static TestRedis redis;
    private static TestS3 s3;
    private static final Map<String, StonksProcess> SERVICES = new LinkedHashMap<>();
    private static final Map<String, Duration> STARTUP = new LinkedHashMap<>();

    @BeforeAll
    static void startSandbox() {
        StonksSandbox sandbox = StonksSandbox.get();
        postgres = sandbox.postgres();
        redis = sandbox.redis();
        s3 = sandbox.s3();
        SERVICES.putAll(sandbox.services());
        STARTUP.putAll(sandbox.startup());
    }

    /** The environment the provisioner gives a stonks process. */
    private static Map<String, String> env(String role, int port) {
        return StonksSandbox.get().env(role, port);
    }

    // ---- query-api ------------------------------------------------------------------------------------------

    @Test
    void companiesListsEveryCompanyByTicker() throws Exception {
        JsonNode body = getJson("query-api", "/api/companies", 200);

        List<Company> expected = DATASET.companies().stream().sorted(Comparator.comparing(Company::ticker)).toList();
        assertEquals(expected.size(), body.size());
        for (int i = 0; i < expected.size(); i++) {
            Company company = expected.get(i);
            JsonNode actual = body.get(i);
            assertEquals(company.id().toString(), actual.get("id").asText());
            assertEquals(company.ticker(), actual.get("ticker").asText());
            assertEquals(company.name(), actual.get("name").asText());
            assertEquals(company.sector(), actual.get("sector").asText());
            assertEquals(company.exchange(), actual.get("exchange").asText());
            assertEquals(company.createdAt(), Instant.parse(actual.get("created_at").asText()));
        }
    }

    @Test
    void companyDetailCarriesItsAliases() throws Exception {
        Company apple = DATASET.company("AAPL");

        JsonNode body = getJson("query-api", "/api/companies/" + apple.id(), 200);

        assertEquals("AAPL", body.get("ticker").asText());
        assertEquals("Apple Inc.", body.get("name").asText());
        assertEquals("Information Technology", body.get("sector").asText());
        List<CompanyAlias> aliases = DATASET.aliasesOf(apple.id());
        assertEquals(aliases.stream().map(CompanyAlias::alias).toList(), texts(body.get("aliases"), "alias"));
        assertEquals(List.of(Ids.alias("AAPL", "Apple").toString(), Ids.alias("AAPL", "Apple Computer").toString()),
                texts(body.get("aliases"), "id"));
    }

    @Test
    void trendDetailHasEvidenceAndProjections() throws Exception {
        TrendWindow window = DATASET.trendWindow("AAPL", 0);

        JsonNode body = getJson("query-api", "/api/trends/" + window.id(), 200);

        assertEquals(window.id().toString(), body.get("id").asText());
        assertEquals("AAPL", body.get("ticker").asText());
        assertEquals("bullish", body.get("trend_direction").asText());
        assertEquals(0.78, body.get("confidence").asDouble());
        assertEquals(window.windowStart(), Instant.parse(body.get("window_start").asText()));
        assertEquals(window.windowEnd(), Instant.parse(body.get("window_end").asText()));
        assertEquals(window.summary(), body.get("summary").asText());

        List<TrendEvidence> evidence = DATASET.evidenceOf(window.id());
        assertEquals(3, evidence.size());
        assertEquals(evidence.size(), body.get("evidence").size());
        for (int i = 0; i < evidence.size(); i++) {
            JsonNode actual = body.get("evidence").get(i);
            Document document = DATASET.document(evidence.get(i).documentId());
            assertEquals(document.id().toString(), actual.get("document_id").asText());
            assertEquals(document.title(), actual.get("title").asText());
            assertEquals(document.publishedAt(), Instant.parse(actual.get("published_at").asText()));
            assertEquals(evidence.get(i).weight(), actual.get("weight").asDouble());
        }

        List<TrendProjection> projections = DATASET.projectionsOf(window.id());
        assertEquals(projections.size(), body.get("projections").size());
        for (int i = 0; i < projections.size(); i++) {
            JsonNode actual = body.get("projections").get(i);
            TrendProjection projection = projections.get(i);
            assertEquals(projection.id().toString(), actual.get("id").asText());
            assertEquals(projection.horizonDays(), actual.get("horizon_days").asInt());
            assertEquals(projection.expectedReturn(), actual.get("expected_return").asDouble());
            assertEquals(projection.low(), actual.get("low").asDouble());
            assertEquals(projection.high(), actual.get("high").asDouble());
        }
    }

    @Test
    void companyTrendsAreNewestFirstWithEvidenceCounts() throws Exception {
        UUID tesla = Ids.company("TSLA");

        JsonNode body = getJson("query-api", "/api/companies/" + tesla + "/trends", 200);

        List<TrendWindow> expected = DATASET.trendWindowsOf(tesla);
        assertEquals(expected.stream().map(w -> w.id().toString()).toList(), texts(body, "id"));
        assertEquals(expected.stream().map(w -> w.trendDirection().value()).toList(), texts(body, "trend_direction"));
        assertEquals(List.of("mixed", "bearish", "bearish"), texts(body, "trend_direction"));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).confidence(), body.get(i).get("confidence").asDouble());
            assertEquals(DATASET.evidenceOf(expected.get(i).id()).size(), body.get(i).get("evidence_count").asInt());
        }
    }

    @Test
    void documentDetailCarriesItsIntelligenceRecords() throws Exception {
        Document document = DATASET.document("NVDA", 3);

        JsonNode body = getJson("query-api", "/api/documents/" + document.id(), 200);

        assertEquals(document.title(), body.get("title").asText());
        assertEquals("NVDA", body.get("ticker").asText());
        assertEquals(document.sourceId().toString(), body.get("source_id").asText());
        assertEquals(DATASET.source(document.sourceId()).kind().value(), body.get("source_kind").asText());
        assertEquals(document.publishedAt(), Instant.parse(body.get("published_at").asText()));
        assertEquals(document.objectKey(), body.get("object_key").asText());
        assertEquals(document.sha256(), body.get("sha256").asText());
        assertEquals(document.wordCount(), body.get("word_count").asInt());
        List<IntelligenceRecord> records = DATASET.intelligenceRecordsOf(document.id());
        assertEquals(records.stream().map(r -> r.kind().value()).toList(), texts(body.get("intelligence_records"),
                "kind"));
        for (int i = 0; i < records.size(); i++) {
            JsonNode actual = body.get("intelligence_records").get(i);
            assertEquals(records.get(i).id().toString(), actual.get("id").asText());
            assertEquals(records.get(i).score(), actual.get("score").asDouble());
            assertEquals(records.get(i).summary(), actual.get("summary").asText());
        }
    }

    @Test
    void documentTextComesFromTheObjectStoreIntact() throws Exception {
        Document document = DATASET.document("JPM", 5);

        HttpResponse<byte[]> response = HTTP.send(request("query-api", "/api/documents/" + document.id() + "/text"),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(document.sha256(), StonksDataset.sha256Hex(response.body()));
        assertEquals(DATASET.text(document), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("\"" + document.sha256() + "\"", response.headers().firstValue("ETag").orElse(""));
    }

    @Test
    void pipelineHealthReportsEveryDependencyAndTheLastIngestion() throws Exception {
        JsonNode body = getJson("query-api", "/api/ops/pipeline/health", 200);

        assertEquals("ok", body.get("status").asText());
        for (String dependency : List.of("database", "redis", "object_store")) {
            assertEquals("up", body.get(dependency).get("status").asText(), dependency);
        }
        IngestionRun last = DATASET.lastIngestionRun();
        JsonNode actual = body.get("last_ingestion");
        assertEquals(last.id().toString(), actual.get("id").asText());
        assertEquals("running", actual.get("status").asText());
        assertEquals("earnings_call", actual.get("source_kind").asText());
        assertEquals("JPM", actual.get("ticker").asText());
        assertEquals(last.startedAt(), Instant.parse(actual.get("started_at").asText()));
        assertTrue(actual.get("finished_at").isNull());
    }

    @Test
    void ingestionSummaryCountsEachSourceKind() throws Exception {
        JsonNode body = getJson("query-api", "/api/ops/ingestion/summary", 200);

        assertEquals(DATASET.sources().size(), body.get("sources").asLong());
        assertEquals(DATASET.ingestionRuns().size(), body.get("runs").asLong());
        assertEquals(DATASET.documents().size(), body.get("documents").asLong());
        assertEquals(DATASET.lastIngestionRun().id().toString(), body.get("last_run").get("id").asText());
        assertEquals(List.of("rss", "sec_filing", "news_api", "earnings_call"), texts(body.get("by_kind"), "kind"));
        for (JsonNode kind : body.get("by_kind")) {
            SourceKind sourceKind = SourceKind.fromValue(kind.get("kind").asText());
            Set<UUID> sources = DATASET.sources().stream().filter(s -> s.kind() == sourceKind).map(Source::id)
                    .collect(Collectors.toSet());
            List<IngestionRun> runs = DATASET.ingestionRuns().stream().filter(r -> sources.contains(r.sourceId()))
                    .toList();
            String where = sourceKind.value();
            assertEquals(sources.size(), kind.get("sources").asLong(), where);
            assertEquals(DATASET.sources().stream().filter(s -> s.kind() == sourceKind && s.active()).count(),
                    kind.get("active_sources").asLong(), where);
            assertEquals(runs.size(), kind.get("runs").asLong(), where);
            assertEquals(runs.stream().filter(r -> r.status() == IngestionStatus.FAILED).count(),
                    kind.get("failed").asLong(), where);
            assertEquals(runs.stream().mapToLong(IngestionRun::documentsIngested).sum(),
                    kind.get("documents_ingested").asLong(), where);
            assertEquals(DATASET.documents().stream().filter(d -> sources.contains(d.sourceId())).count(),
                    kind.get("documents").asLong(), where);
            IngestionRun last = runs.stream().max(Comparator.comparing(IngestionRun::startedAt)).orElseThrow();
            assertEquals(last.id().toString(), kind.get("last_run").get("id").asText(), where);
        }
    }

    @Test
    void companySourcesAndCompetitors() throws Exception {
        UUID tesla = Ids.company("TSLA");

        JsonNode sources = getJson("query-api", "/api/companies/" + tesla + "/sources", 200);
        List<Source> expected = DATASET.sourcesOf(tesla);
        assertEquals(expected.stream().map(s -> s.id().toString()).toList(), texts(sources, "id"));
        assertEquals(expected.stream().map(s -> s.kind().value()).toList(), texts(sources, "kind"));
        assertEquals(expected.stream().map(s -> Boolean.toString(s.active())).toList(), texts(sources, "active"));

        JsonNode competitors = getJson("query-api", "/api/companies/" + Ids.company("AAPL") + "/competitors", 200);
        List<CompetitorRelationship> relationships = DATASET.competitorsOf(Ids.company("AAPL")).stream()
                .sorted(Comparator.comparingDouble(CompetitorRelationship::strength).reversed()).toList();
        assertEquals(relationships.stream().map(r -> DATASET.company(r.competitorId()).ticker()).toList(),
                texts(competitors, "ticker"));
        assertEquals(List.of("MSFT", "GOOGL", "META", "TSLA", "JPM"), texts(competitors, "ticker"));
        assertEquals(0.62, competitors.get(0).get("strength").asDouble());
    }

    @Test
    void companyDocumentsArePagedNewestFirst() throws Exception {
        UUID meta = Ids.company("META");
        List<Document> expected = DATASET.documentsOf(meta);

        JsonNode first = getJson("query-api", "/api/companies/" + meta + "/documents?limit=4", 200);
        JsonNode rest = getJson("query-api", "/api/companies/" + meta + "/documents?limit=4&offset=4", 200);

        List<String> ids = new ArrayList<>(texts(first, "id"));
        ids.addAll(texts(rest, "id"));
        assertEquals(expected.stream().map(d -> d.id().toString()).toList(), ids);
        assertEquals(expected.get(0).wordCount(), first.get(0).get("word_count").asInt());
        assertTrue(problem("query-api", "/api/companies/" + meta + "/documents?limit=0", 400).get("detail").asText()
                .contains("'limit'"));
        assertTrue(problem("query-api", "/api/companies/" + meta + "/documents?offset=-1", 400).get("detail").asText()
                .contains("'offset'"));
        problem("query-api", "/api/companies/" + meta + "/documents?limit=ten", 400);
    }

    @Test
    void trendsFilterByDirectionAndConfidence() throws Exception {
        JsonNode bullish = getJson("query-api", "/api/trends?direction=bullish&min_confidence=0.8", 200);

        List<TrendWindow> expected = DATASET.trendWindows().stream()
                .filter(w -> w.trendDirection() == TrendDirection.BULLISH && w.confidence() >= 0.8)
                .sorted(Comparator.comparingDouble(TrendWindow::confidence).reversed()).toList();
        assertEquals(expected.stream().map(w -> w.id().toString()).toList(), texts(bullish, "id"));
        assertEquals(DATASET.trendWindows().size(), getJson("query-api", "/api/trends", 200).size());
        assertTrue(problem("query-api", "/api/trends?direction=up", 400).get("detail").asText()
                .contains("'direction'"));
        assertTrue(problem("query-api", "/api/trends?min_confidence=1.5", 400).get("detail").asText()
                .contains("'min_confidence'"));
    }

    @Test
    void searchFindsCompaniesByTickerAliasOrName() throws Exception {
        assertEquals("META", getJson("query-api", "/api/search?q=facebook", 200).get(0).get("ticker").asText());
        JsonNode byTicker = getJson("query-api", "/api/search?q=aapl", 200);
        assertEquals("AAPL", byTicker.get(0).get("ticker").asText());
        assertEquals("ticker", byTicker.get(0).get("matched_by").asText());
        assertEquals(Set.of("AMZN"), StreamSupport.stream(getJson("query-api", "/api/search?q=amaz", 200)
                .spliterator(), false).map(n -> n.get("ticker").asText()).collect(Collectors.toSet()));
        assertEquals(0, getJson("query-api", "/api/search?q=%25", 200).size(), "LIKE wildcards are literal");
        problem("query-api", "/api/search", 400);
    }

    // ---- errors ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api/companies/%s", "/api/companies/%s/trends", "/api/companies/%s/sources",
        "/api/companies/%s/competitors", "/api/companies/%s/documents", "/api/trends/%s", "/api/documents/%s",
        "/api/documents/%s/text"})
    void unknownIdsAre404Problems(String template) throws Exception {
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-000000000000");

        JsonNode problem = problem("query-api", template.formatted(unknown), 404);

        assertEquals("Not Found", problem.get("title").asText());
        assertTrue(problem.get("detail").asText().contains(unknown.toString()), problem.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "7c141f36236853150b199286c89bd7312", "%27%3B--"})
    void malformedIdsAre400ProblemsNamingTheParameter(String id) throws Exception {
        for (String path : List.of("/api/companies/" + id, "/api/trends/" + id, "/api/documents/" + id + "/text",
                "/api/companies/" + id + "/trends")) {
            JsonNode problem = problem("query-api", path, 400);

            assertEquals("Bad Request", problem.get("title").asText());
            assertTrue(problem.get("detail").asText().contains("'id'"), problem.toString());
        }
    }

    @Test
    void unknownPathsAre404Problems() throws Exception {
        problem("query-api", "/api/nothing-here", 404);
        problem("query-api", "/nothing-here", 404);
        problem("query-api", "/api/companies/" + Ids.company("AAPL") + "/nothing-here", 404);
    }

    @Test
    void eachServiceServesOnlyItsOwnEndpoints() throws Exception {
        // Given the same path set for every role
        Map<String, String> pathOwner = Map.of(
                "/api/companies", "query-api",
                "/api/registry/companies", "registry",
                "/api/risk/limits", "risk",
                "/api/trading/status", "trading");

        for (String role : ROLES) {
            for (Map.Entry<String, String> path : pathOwner.entrySet()) {
                // When
                HttpResponse<String> response = HTTP.send(request(role, path.getKey()),
                        HttpResponse.BodyHandlers.ofString());

                // Then
                int expected = path.getValue().equals(role) ? 200 : 404;
                assertEquals(expected, response.statusCode(), role + " " + path.getKey() + ": " + response.body());
                if (expected == 404) {
                    assertEquals(404, JSON.readTree(response.body()).get("status").asInt());
                }
            }
        }
    }

    // ---- registry, risk, trading ----------------------------------------------------------------------------

    @Test
    void registryListsCompaniesWithAliasesAndResolvesSymbols() throws Exception {
        JsonNode companies = getJson("registry", "/api/registry/companies", 200);
        assertEquals(DATASET.companies().size(), companies.size());
        JsonNode amazon = StreamSupport.stream(companies.spliterator(), false)
                .filter(c -> c.get("ticker").asText().equals("AMZN")).findFirst().orElseThrow();
        assertEquals(List.of("AWS", "Amazon", "Amazon.com"), texts(amazon.get("aliases"), "alias"));

        JsonNode byAlias = getJson("registry", "/api/registry/resolve?symbol=facebook", 200);
        assertEquals("alias", byAlias.get("matched_by").asText());
        assertEquals(Ids.company("META").toString(), byAlias.get("company").get("id").asText());

        JsonNode byTicker = getJson("registry", "/api/registry/resolve?symbol=nvda", 200);
        assertEquals("ticker", byTicker.get("matched_by").asText());
        assertEquals("NVIDIA Corporation", byTicker.get("company").get("name").asText());

        problem("registry", "/api/registry/resolve?symbol=NOPE", 404);
        assertTrue(problem("registry", "/api/registry/resolve", 400).get("detail").asText().contains("'symbol'"));
        problem("registry", "/api/registry/companies/" + UUID.randomUUID(), 404);
        problem("registry", "/api/registry/companies/xyz", 400);
    }

    @Test
    void riskServesItsLimits() throws Exception {
        JsonNode limits = getJson("risk", "/api/risk/limits", 200);

        assertEquals(250000, limits.get("max_position_notional").asInt());
        assertEquals(0.25, limits.get("max_concentration").asDouble());
    }

    @Test
    void tradingStatusReadsTheEngineStateFromRedis() throws Exception {
        // Given a fresh engine state, initialized by the service on first read
        JsonNode initial = getJson("trading", "/api/trading/status", 200);
        assertEquals("paper", initial.get("mode").asText());
        assertEquals("up", initial.get("risk").get("status").asText(), initial.toString());

        // When someone flips the kill switch in Redis
        try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            jedis.auth(TestRedis.PASSWORD);
            jedis.hset(initial.get("state_key").asText(), Map.of("kill_switch", "true", "state", "halted"));
        }

        // Then the status shows it
        JsonNode halted = getJson("trading", "/api/trading/status", 200);
        assertTrue(halted.get("kill_switch").asBoolean());
        assertEquals("halted", halted.get("engine_state").asText());

        // cleanup for other tests
        try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            jedis.auth(TestRedis.PASSWORD);
            jedis.hset(initial.get("state_key").asText(), Map.of("kill_switch", "false", "state", "idle"));
        }
    }

    // ---- health and start-up --------------------------------------------------------------------------------

    @Test
    void readinessChecksWhatEachRoleUses() throws Exception {
        Map<String, Set<String>> expected = Map.of(
                "query-api", Set.of("database", "object-store"),
                "registry", Set.of("database"),
                "risk", Set.of("database"),
                "trading", Set.of("database", "redis"));
        for (String role : ROLES) {
            JsonNode ready = getJson(role, "/q/health/ready", 200);
            assertEquals("UP", ready.get("status").asText());
            Set<String> checks = StreamSupport.stream(ready.get("checks").spliterator(), false)
                    .map(c -> c.get("name").asText()).collect(Collectors.toSet());
            assertEquals(expected.get(role), checks, role);
            ready.get("checks").forEach(c -> assertEquals(role, c.get("data").get("role").asText()));

            JsonNode live = getJson(role, "/q/health/live", 200);
            assertEquals("UP", live.get("status").asText());
        }
    }

    @Test
    void servicesStartQuickly() {
        STARTUP.forEach((role, time) -> assertTrue(time.compareTo(Duration.ofSeconds(30)) < 0,
                role + " took " + time.toMillis() + " ms to become ready"));
    }

    @Test
    void anUnreachableObjectStoreDoesNotStopStartUpButShowsInReadiness() throws Exception {
        // Given a query-api whose object store is a port nothing listens on
        int port = FreePorts.find();
        Map<String, String> env = env("query-api", port);
        env.put("STONKS_S3_ENDPOINT", "http://127.0.0.1:" + FreePorts.find());
        try (StonksProcess service = StonksProcess.start("query-api-no-s3", port, env)) {

            // When it starts, Then it is alive, not ready, and serves what needs only the database
            service.awaitStatus(HTTP, "/q/health/live", 200, Duration.ofSeconds(90));
            HttpResponse<String> ready = send(service, "/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            JsonNode checks = JSON.readTree(ready.body()).get("checks");
            JsonNode store = StreamSupport.stream(checks.spliterator(), false)
                    .filter(c -> c.get("name").asText().equals("object-store")).findFirst().orElseThrow();
            assertEquals("DOWN", store.get("status").asText());

            assertEquals(200, send(service, "/api/companies").statusCode());
            HttpResponse<String> text = send(service, "/api/documents/" + Ids.document("AAPL", 0) + "/text");
            assertEquals(503, text.statusCode(), text.body());
            assertEquals(503, JSON.readTree(text.body()).get("status").asInt());
            JsonNode health = JSON.readTree(send(service, "/api/ops/pipeline/health").body());
            assertEquals("degraded", health.get("status").asText());
            assertEquals("down", health.get("object_store").get("status").asText());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static HttpRequest request(String role, String path) {
        return HttpRequest.newBuilder(URI.create(SERVICES.get(role).baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> send(StonksProcess service, String path)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(String role, String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request(role, path), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), role + " GET " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** A problem response: the status, {@code application/problem+json}, exactly status, title and detail. */
    private static JsonNode problem(String role, String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request(role, path), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), role + " GET " + path + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                role + " GET " + path);
        JsonNode body = JSON.readTree(response.body());
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("status", "title", "detail"), fields, response.body());
        assertEquals(status, body.get("status").asInt());
        return body;
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }
}
