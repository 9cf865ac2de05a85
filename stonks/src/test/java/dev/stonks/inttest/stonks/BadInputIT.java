package dev.stonks.inttest.stonks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.RiskApproval;
import dev.stonks.inttest.stonks.dataset.SourceKind;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.stonks.dataset.testing.TestRedis;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Jedis;

/**
 * Every class of bad input (unknown id, malformed UUID, bad JSON, out-of-range numbers, duplicates, SQL
 * metacharacters in query strings) against every service: the answer is the 4xx problem, and nothing was written
 * (every table's fingerprint and the engine's Redis hash are unchanged).
 */
@Order(4)
class BadInputIT {

    private static final StonksDataset DATA = StonksDataset.base();
    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";
    private static final String AAPL = Ids.company("AAPL").toString();
    private static final String MSFT = Ids.company("MSFT").toString();
    private static final String AGENT = Ids.agent("paper-trader").toString();
    private static final String VALID_COMPANY = "{\"ticker\": \"NEWCO\", \"name\": \"New Co\", \"sector\": \"Tech\", "
            + "\"exchange\": \"NYSE\"}";
    private static final String BACKTEST = "{\"tickers\": [\"AAPL\"], \"from\": \"2025-01-02\", \"to\": \"2025-06-30\", "
            + "\"strategy\": \"buy_hold\"%s}";
    private static final String CONFIG = "{\"mode\": \"paper\", \"max_daily_orders\": %s, \"max_order_quantity\": %s, "
            + "\"strategy\": \"sma_cross\"}";

    private static Map<String, String> database;
    private static Map<String, String> engine;

    @BeforeAll
    static void fingerprints() {
        StonksSandbox sandbox = StonksSandbox.get();
        Api.get("trading", "/api/trading/status");
        database = sandbox.fingerprint();
        engine = engineHash();
    }

    static Stream<Arguments> badInputs() {
        List<Arguments> cases = new ArrayList<>();
        // ---- unknown ids: 404 ----
        for (String path : List.of("/api/recommendations/%s", "/api/events/%s", "/api/agents/%s",
                "/api/agents/%s/performance", "/api/companies/%s/recommendations", "/api/companies/%s/macro-impacts")) {
            cases.add(of("unknown id", "GET", "query-api", path.formatted(UNKNOWN), null, 404));
        }
        cases.add(of("unknown id", "GET", "query-api", "/api/companies/NOPE/macro-impacts", null, 404));
        cases.add(of("unknown id", "PUT", "registry", "/api/registry/companies/" + UNKNOWN, VALID_COMPANY, 404));
        cases.add(of("unknown id", "DELETE", "registry", "/api/registry/companies/" + UNKNOWN, null, 404));
        cases.add(of("unknown id", "GET", "registry", "/api/registry/companies/" + UNKNOWN + "/aliases", null, 404));
        cases.add(of("unknown id", "POST", "registry", "/api/registry/companies/" + UNKNOWN + "/aliases",
                "{\"alias\": \"Nobody Inc\"}", 404));
        cases.add(of("unknown id", "DELETE", "registry", "/api/registry/aliases/" + UNKNOWN, null, 404));
        cases.add(of("unknown id", "POST", "registry", "/api/registry/companies/" + UNKNOWN + "/sources",
                "{\"kind\": \"rss\", \"url\": \"https://feeds.example.com/nobody.xml\"}", 404));
        cases.add(of("unknown id", "PATCH", "registry", "/api/registry/sources/" + UNKNOWN, "{\"active\": false}",
                404));
        cases.add(of("unknown id", "GET", "risk", "/api/risk/evaluations/" + UNKNOWN, null, 404));
        cases.add(of("unknown id", "GET", "risk", "/api/risk/exposure?company_id=" + UNKNOWN, null, 404));
        cases.add(of("unknown id", "POST", "risk", "/api/risk/evaluate", "{\"company_id\": \"" + UNKNOWN
                + "\", \"side\": \"buy\", \"quantity\": 1, \"limit_price\": 10}", 404));
        cases.add(of("unknown id", "POST", "risk", "/api/risk/approvals/" + UNKNOWN + "/approve", null, 404));
        cases.add(of("unknown id", "POST", "risk", "/api/risk/approvals/" + UNKNOWN + "/reject", null, 404));
        cases.add(of("unknown id", "GET", "trading", "/api/trading/decisions/" + UNKNOWN, null, 404));
        cases.add(of("unknown id", "GET", "trading", "/api/trading/orders/" + UNKNOWN, null, 404));
        cases.add(of("unknown id", "POST", "trading", "/api/trading/orders", "{\"company_id\": \"" + UNKNOWN
                + "\", \"side\": \"buy\", \"quantity\": 1}", 404));
        cases.add(of("unknown id", "POST", "trading", "/api/trading/orders", "{\"company_id\": \"" + AAPL
                + "\", \"side\": \"buy\", \"quantity\": 1, \"recommendation_id\": \"" + UNKNOWN + "\"}", 404));
        cases.add(of("unknown id", "POST", "trading", "/api/trading/backtest",
                "{\"tickers\": [\"NOPE\"], \"from\": \"2025-01-02\", \"to\": \"2025-06-30\", \"strategy\": \"buy_hold\"}",
                404));

        // ---- malformed UUIDs: 400 ----
        for (String id : List.of("not-a-uuid", "1-1-1-1-1", "%27%3B--")) {
            for (String path : List.of("/api/recommendations/%s", "/api/events/%s", "/api/agents/%s",
                    "/api/agents/%s/performance", "/api/companies/%s/recommendations")) {
                cases.add(of("malformed uuid", "GET", "query-api", path.formatted(id), null, 400));
            }
            cases.add(of("malformed uuid", "PUT", "registry", "/api/registry/companies/" + id, VALID_COMPANY, 400));
            cases.add(of("malformed uuid", "DELETE", "registry", "/api/registry/companies/" + id, null, 400));
            cases.add(of("malformed uuid", "POST", "registry", "/api/registry/companies/" + id + "/aliases",
                    "{\"alias\": \"X\"}", 400));
            cases.add(of("malformed uuid", "DELETE", "registry", "/api/registry/aliases/" + id, null, 400));
            cases.add(of("malformed uuid", "PATCH", "registry", "/api/registry/sources/" + id, "{\"active\": true}",
                    400));
            cases.add(of("malformed uuid", "GET", "risk", "/api/risk/evaluations/" + id, null, 400));
            cases.add(of("malformed uuid", "POST", "risk", "/api/risk/approvals/" + id + "/approve", null, 400));
            cases.add(of("malformed uuid", "GET", "trading", "/api/trading/decisions/" + id, null, 400));
            cases.add(of("malformed uuid", "GET", "trading", "/api/trading/orders/" + id, null, 400));
        }
        cases.add(of("malformed uuid", "GET", "risk", "/api/risk/exposure?company_id=abc", null, 400));
        cases.add(of("malformed uuid", "GET", "trading", "/api/trading/decisions?company_id=abc", null, 400));
        cases.add(of("malformed uuid", "GET", "trading", "/api/trading/positions?company_id=abc", null, 400));
        cases.add(of("malformed uuid", "POST", "risk", "/api/risk/evaluate",
                "{\"company_id\": \"abc\", \"side\": \"buy\", \"quantity\": 1}", 400));
        cases.add(of("malformed uuid", "POST", "trading", "/api/trading/orders",
                "{\"company_id\": \"abc\", \"side\": \"buy\", \"quantity\": 1}", 400));

        // ---- bad JSON: 400 ----
        String companies = "/api/registry/companies";
        for (String body : List.of("{\"ticker\":", "[]", "", "null", VALID_COMPANY + " trailing",
                VALID_COMPANY.replace("}", ", \"extra\": 1}"), "{\"ticker\": \"NEWCO\"}",
                VALID_COMPANY.replace("NEWCO", "newco"), VALID_COMPANY.replace("\"New Co\"", "\"   \""),
                VALID_COMPANY.replace("}", ", \"aliases\": \"Solo\"}"),
                "{\"ticker\": \"NEWCO\", \"ticker\": \"OTHER\", \"name\": \"n\", \"sector\": \"s\", \"exchange\": \"e\"}")) {
            cases.add(of("bad json", "POST", "registry", companies, body, 400));
        }
        String appleRss = "/api/registry/sources/" + Ids.source("AAPL", SourceKind.RSS);
        cases.add(of("bad json", "PATCH", "registry", appleRss, "{\"active\": \"yes\"}", 400));
        cases.add(of("bad json", "PATCH", "registry", appleRss, "{}", 400));
        cases.add(of("bad json", "POST", "registry", "/api/registry/companies/" + AAPL + "/sources",
                "{\"kind\": \"twitter\", \"url\": \"https://x.example\"}", 400));
        cases.add(of("bad json", "POST", "registry", "/api/registry/companies/" + AAPL + "/sources",
                "{\"kind\": \"rss\", \"url\": \"javascript:alert(1)\"}", 400));
        cases.add(of("bad json", "POST", "risk", "/api/risk/evaluate", "{\"company_id\": \"" + AAPL
                + "\", \"side\": \"hold\", \"quantity\": 1}", 400));
        cases.add(of("bad json", "POST", "risk", "/api/risk/evaluate", "{\"company_id\": \"" + AAPL
                + "\", \"side\": \"buy\", \"quantity\": \"ten\"}", 400));
        cases.add(of("bad json", "POST", "trading", "/api/trading/orders", "not json", 400));
        cases.add(of("bad json", "POST", "trading", "/api/trading/orders", "{\"company_id\": \"" + AAPL
                + "\", \"side\": \"buy\", \"quantity\": 1, \"order_type\": \"limit\"}", 400));
        cases.add(of("bad json", "POST", "trading", "/api/trading/orders", "{\"company_id\": \"" + AAPL
                + "\", \"side\": \"buy\", \"quantity\": 1, \"limit_price\": 10}", 400));
        cases.add(of("bad json", "PUT", "trading", "/api/trading/config", "{\"mode\": \"yolo\", "
                + "\"max_daily_orders\": 1, \"max_order_quantity\": 1, \"strategy\": \"sma_cross\"}", 400));
        cases.add(of("bad json", "PUT", "trading", "/api/trading/config", "{\"mode\": \"paper\"}", 400));
        cases.add(of("bad json", "POST", "trading", "/api/trading/kill-switch", "{}", 400));
        cases.add(of("bad json", "POST", "trading", "/api/trading/kill-switch", "{\"active\": \"maybe\"}", 400));
        cases.add(of("bad json", "POST", "trading", "/api/trading/backtest", BACKTEST.formatted("")
                .replace("[\"AAPL\"]", "\"AAPL\""), 400));
        cases.add(of("bad json", "POST", "trading", "/api/trading/backtest", BACKTEST.formatted("")
                .replace("2025-01-02", "2025-13-01"), 400));
        cases.add(of("bad json", "POST", "trading", "/api/trading/backtest", BACKTEST.formatted("")
                .replace("buy_hold", "martingale"), 400));
        RiskApproval pending = DATA.riskApprovals().stream().filter(a -> a.status().equals("pending")).findFirst()
                .orElseThrow();
        cases.add(of("bad json", "POST", "risk", "/api/risk/approvals/" + pending.id() + "/approve",
                "{\"note\": [1]}", 400));

        // ---- out-of-range numbers: 400 ----
        for (String quantity : List.of("0", "-5", "1000001", "1.5", "1e30", "99999999999999999999")) {
            cases.add(of("out of range", "POST", "risk", "/api/risk/evaluate", "{\"company_id\": \"" + AAPL
                    + "\", \"side\": \"buy\", \"quantity\": " + quantity + "}", 400));
            cases.add(of("out of range", "POST", "trading", "/api/trading/orders", "{\"company_id\": \"" + AAPL
                    + "\", \"side\": \"buy\", \"quantity\": " + quantity + "}", 400));
        }
        for (String price : List.of("-1", "0", "10000000", "1.123456")) {
            cases.add(of("out of range", "POST", "risk", "/api/risk/evaluate", "{\"company_id\": \"" + AAPL
                    + "\", \"side\": \"buy\", \"quantity\": 1, \"limit_price\": " + price + "}", 400));
        }
        cases.add(of("out of range", "POST", "trading", "/api/trading/orders", "{\"company_id\": \"" + AAPL
                + "\", \"side\": \"buy\", \"quantity\": 6000}", 400));
        cases.add(of("out of range", "PUT", "trading", "/api/trading/config", CONFIG.formatted("0", "10"), 400));
        cases.add(of("out of range", "PUT", "trading", "/api/trading/config", CONFIG.formatted("10", "2000000"),
                400));
        for (String extra : List.of(", \"short_window\": 1", ", \"long_window\": 1000",
                ", \"short_window\": 20, \"long_window\": 20", ", \"initial_cash\": 0")) {
            cases.add(of("out of range", "POST", "trading", "/api/trading/backtest", BACKTEST.formatted(extra), 400));
        }
        cases.add(of("out of range", "POST", "trading", "/api/trading/backtest", BACKTEST.formatted("")
                .replace("2025-01-02", "2025-07-01"), 400));
        for (String path : List.of("/api/recommendations?limit=0", "/api/recommendations?limit=-1",
                "/api/portfolio/snapshots?limit=1001", "/api/events?min_severity=9", "/api/events?limit=abc",
                "/api/trends?min_confidence=2", "/api/agents/" + AGENT + "/performance?from=2025-06-30&to=2025-06-01",
                "/api/agents/" + AGENT + "/performance?from=2023-01-01&to=2025-06-30",
                "/api/agents/" + AGENT + "/performance?from=2025-02-30")) {
            cases.add(of("out of range", "GET", "query-api", path, null, 400));
        }
        cases.add(of("out of range", "GET", "trading", "/api/trading/decisions?limit=100000", null, 400));
        cases.add(of("out of range", "GET", "trading", "/api/trading/orders?limit=0", null, 400));
        cases.add(of("out of range", "GET", "risk", "/api/risk/approvals?limit=abc", null, 400));

        // ---- duplicates: 409 ----
        cases.add(of("duplicate", "POST", "registry", companies, VALID_COMPANY.replace("NEWCO", "AAPL"), 409));
        cases.add(of("duplicate", "POST", "registry", companies,
                VALID_COMPANY.replace("}", ", \"aliases\": [\"apple\"]}"), 409));
        cases.add(of("duplicate", "PUT", "registry", companies + "/" + MSFT, VALID_COMPANY.replace("NEWCO", "AAPL"),
                409));
        cases.add(of("duplicate", "POST", "registry", companies + "/" + MSFT + "/aliases", "{\"alias\": \"APPLE\"}",
                409));
        cases.add(of("duplicate", "POST", "registry", companies + "/" + AAPL + "/sources",
                "{\"kind\": \"rss\", \"url\": \"" + DATA.source(Ids.source("AAPL", SourceKind.RSS)).url() + "\"}",
                409));
        cases.add(of("duplicate", "DELETE", "registry", companies + "/" + AAPL, null, 409));
        RiskApproval decided = DATA.riskApprovals().stream().filter(a -> a.status().equals("approved")).findFirst()
                .orElseThrow();
        cases.add(of("duplicate", "POST", "risk", "/api/risk/approvals/" + decided.id() + "/approve", null, 409));
        cases.add(of("duplicate", "POST", "risk", "/api/risk/approvals/" + decided.id() + "/reject", null, 409));

        // ---- SQL metacharacters in query strings: 4xx ----
        cases.add(of("sql metacharacters", "GET", "query-api", "/api/trends?direction=" + q("bullish' OR '1'='1"),
                null, 400));
        cases.add(of("sql metacharacters", "GET", "query-api", "/api/recommendations?status="
                + q("open'; DROP TABLE orders; --"), null, 400));
        cases.add(of("sql metacharacters", "GET", "query-api", "/api/events?kind=" + q("rate_decision' OR 1=1 --"),
                null, 400));
        cases.add(of("sql metacharacters", "GET", "query-api", "/api/companies/" + q("AAPL'--") + "/macro-impacts",
                null, 400));
        cases.add(of("sql metacharacters", "GET", "query-api", "/api/agents/" + AGENT + "/performance?from="
                + q("2025-01-01'; DELETE FROM ai_agents; --"), null, 400));
        cases.add(of("sql metacharacters", "GET", "query-api", "/api/companies/" + AAPL + "/documents?limit="
                + q("1; DROP TABLE documents"), null, 400));
        cases.add(of("sql metacharacters", "GET", "registry", "/api/registry/resolve?symbol="
                + q("AAPL'; DROP TABLE companies; --"), null, 404));
        cases.add(of("sql metacharacters", "GET", "trading", "/api/trading/orders?status="
                + q("filled' OR 'a'='a"), null, 400));
        cases.add(of("sql metacharacters", "GET", "trading", "/api/trading/decisions?company_id="
                + q("' OR 1=1 --"), null, 400));
        cases.add(of("sql metacharacters", "GET", "risk", "/api/risk/exposure?company_id="
                + q("1; DROP TABLE positions"), null, 400));
        cases.add(of("sql metacharacters", "GET", "risk", "/api/risk/approvals?status="
                + q("pending' UNION SELECT * FROM risk_limits --"), null, 400));
        cases.add(of("sql metacharacters", "POST", "registry", companies,
                VALID_COMPANY.replace("NEWCO", "X'; DROP TABLE companies; --"), 400));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} {3} -> {5}")
    @MethodSource("badInputs")
    void isAProblemAndWritesNothing(String kind, String method, String role, String path, String body, int status) {
        JsonNode problem = Api.problem(method, role, path, body, status);

        assertFalse(problem.get("detail").asText().isBlank());
        assertEquals(database, StonksSandbox.get().fingerprint(), "the database changed");
        assertEquals(engine, engineHash(), "the engine state in Redis changed");
    }

    @Test
    void sqlMetacharactersInASearchFindNothingAndWriteNothing() {
        for (String q : List.of("'; DELETE FROM companies; --", "%' OR '1'='1", "\\", "_")) {
            JsonNode found = Api.get("query-api", "/api/search?q=" + q(q));

            assertEquals(0, found.size(), q);
        }
        assertEquals(database, StonksSandbox.get().fingerprint());
    }

    @Test
    void malformedIdsNameTheParameter() {
        JsonNode problem = Api.problem("GET", "trading", "/api/trading/decisions/xyz", null, 400);

        assertEquals("Bad Request", problem.get("title").asText());
        assertEquals("parameter 'id' must be a UUID (8-4-4-4-12 hex digits), got 'xyz'",
                problem.get("detail").asText());
        JsonNode body = Api.problem("POST", "risk", "/api/risk/evaluate", "{\"company_id\": \"" + AAPL
                + "\", \"side\": \"buy\", \"quantity\": 0}", 400);
        assertEquals("field 'quantity' must be from 1 to 1000000, got 0", body.get("detail").asText());
    }

    @Test
    void aTruncatedJsonBodyIsSaidToBeMalformedJsonOnEveryEndpointThatTakesOne() {
        String[][] endpoints = {{"POST", "registry", "/api/registry/companies"},
                {"POST", "risk", "/api/risk/evaluate"}, {"POST", "trading", "/api/trading/orders"},
                {"PUT", "trading", "/api/trading/config"}, {"POST", "trading", "/api/trading/kill-switch"},
                {"POST", "trading", "/api/trading/backtest"}};
        for (String[] e : endpoints) {
            JsonNode problem = Api.problem(e[0], e[1], e[2], "{\"mode\": ", 400);

            org.junit.jupiter.api.Assertions.assertTrue(problem.get("detail").asText().startsWith("malformed JSON body"),
                    e[0] + " " + e[2] + ": " + problem.get("detail").asText());
        }
        assertEquals(database, StonksSandbox.get().fingerprint());
    }

    private static Arguments of(String kind, String method, String role, String path, String body, int status) {
        return Arguments.of(kind, method, role, path, body, status);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Map<String, String> engineHash() {
        try (Jedis jedis = new Jedis("127.0.0.1", StonksSandbox.get().redis().port())) {
            jedis.auth(TestRedis.PASSWORD);
            return jedis.hgetAll("stonks:trading:engine");
        }
    }
}
