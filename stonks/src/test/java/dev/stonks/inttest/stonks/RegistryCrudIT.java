package dev.stonks.inttest.stonks;

import static dev.stonks.inttest.stonks.Api.get;
import static dev.stonks.inttest.stonks.Api.json;
import static dev.stonks.inttest.stonks.Api.problem;
import static dev.stonks.inttest.stonks.Api.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The registry's CRUD through Hibernate Reactive, on companies the test creates (the seeded ones stay as they are). */
@Order(5)
class RegistryCrudIT {

    @BeforeAll
    static void sandbox() {
        StonksSandbox.get();
    }

    @Test
    void aCompanyIsCreatedReadUpdatedAndDeleted() {
        // Given / When: a new company with two aliases
        HttpResponse<String> created = Api.call("POST", "registry", "/api/registry/companies", "{\"ticker\": "
                + "\"ZZREG\", \"name\": \"Zed Registry Corp\", \"sector\": \"Industrials\", \"exchange\": \"NYSE\", "
                + "\"aliases\": [\"Zed Reg\", \"ZR Holdings\"]}");

        // Then
        assertEquals(201, created.statusCode(), created.body());
        JsonNode company = Api.parse(created.body());
        String id = company.get("id").asText();
        assertEquals("/api/registry/companies/" + id, created.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^http://[^/]+", ""));
        assertEquals("ZZREG", company.get("ticker").asText());
        assertEquals(List.of("ZR Holdings", "Zed Reg"), texts(company.get("aliases"), "alias"));
        assertTrue(Instant.parse(company.get("created_at").asText()).isAfter(Instant.now().minusSeconds(120)));
        assertEquals(company, get("registry", "/api/registry/companies/" + id));
        assertEquals("Zed Registry Corp", get("query-api", "/api/companies/" + id).get("name").asText());
        assertEquals(id, get("registry", "/api/registry/resolve?symbol=zed%20reg").get("company").get("id").asText());
        assertEquals(1, StonksSandbox.get().scalar("SELECT count(*) FROM companies WHERE ticker = 'ZZREG'"));

        // When: renamed and moved
        JsonNode updated = json("PUT", "registry", "/api/registry/companies/" + id, "{\"ticker\": \"ZZREG2\", "
                + "\"name\": \"Zed Registry Holdings\", \"sector\": \"Industrials\", \"exchange\": \"NASDAQ\"}", 200);

        // Then
        assertEquals("ZZREG2", updated.get("ticker").asText());
        assertEquals("NASDAQ", updated.get("exchange").asText());
        assertEquals(company.get("created_at"), updated.get("created_at"), "creation time is kept");
        assertEquals(2, updated.get("aliases").size(), "aliases are kept");
        problem("GET", "registry", "/api/registry/resolve?symbol=ZZREG", null, 404);
        assertEquals("ticker", get("registry", "/api/registry/resolve?symbol=zzreg2").get("matched_by").asText());

        // When: deleted
        assertEquals(204, Api.call("DELETE", "registry", "/api/registry/companies/" + id, null).statusCode());

        // Then: gone, with its aliases
        problem("GET", "registry", "/api/registry/companies/" + id, null, 404);
        problem("DELETE", "registry", "/api/registry/companies/" + id, null, 404);
        assertEquals(0, StonksSandbox.get().scalar("SELECT count(*) FROM company_aliases WHERE company_id = '"
                + id + "'"));
    }

    @Test
    void aliasesAreAddedListedAndRemoved() {
        String id = createCompany("ZZALI");

        JsonNode alias = json("POST", "registry", "/api/registry/companies/" + id + "/aliases",
                "{\"alias\": \"  Zed Alias Group  \"}", 201);

        assertEquals("Zed Alias Group", alias.get("alias").asText(), "trimmed");
        assertEquals(List.of("Zed Alias Group"), texts(get("registry", "/api/registry/companies/" + id
                + "/aliases"), "alias"));
        problem("POST", "registry", "/api/registry/companies/" + id + "/aliases", "{\"alias\": \"zed alias group\"}",
                409);
        assertEquals(204, Api.call("DELETE", "registry", "/api/registry/aliases/" + alias.get("id").asText(), null)
                .statusCode());
        assertEquals(0, get("registry", "/api/registry/companies/" + id + "/aliases").size());
        problem("DELETE", "registry", "/api/registry/aliases/" + alias.get("id").asText(), null, 404);
    }

    @Test
    void sourcesAreAddedAndSwitchedOff() {
        String id = createCompany("ZZSRC");

        JsonNode source = json("POST", "registry", "/api/registry/companies/" + id + "/sources",
                "{\"kind\": \"news_api\", \"url\": \"https://newsapi.example.com/v2/everything?q=zzsrc\"}", 201);

        assertTrue(source.get("active").asBoolean(), "active by default");
        assertEquals("news_api", source.get("kind").asText());
        JsonNode off = json("PATCH", "registry", "/api/registry/sources/" + source.get("id").asText(),
                "{\"active\": false}", 200);
        assertFalse(off.get("active").asBoolean());
        JsonNode listed = get("query-api", "/api/companies/" + id + "/sources");
        assertEquals(1, listed.size());
        assertFalse(listed.get(0).get("active").asBoolean());
        assertEquals(1, StonksSandbox.get().scalar("SELECT count(*) FROM sources WHERE company_id = '" + id
                + "' AND NOT active"));
    }

    /** A fresh company, by ticker; returns its id. */
    static String createCompany(String ticker) {
        return json("POST", "registry", "/api/registry/companies", "{\"ticker\": \"" + ticker + "\", \"name\": \""
                + ticker + " Inc.\", \"sector\": \"Tests\", \"exchange\": \"NYSE\"}", 201).get("id").asText();
    }
}
