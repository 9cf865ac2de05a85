package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.array;
import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.instant;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.Document;
import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.IntelligenceRecord;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.tester.sandbox.ApiResponse;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * query-api: {@code GET /api/documents/{id}} (with intelligence records), its text from the object store, and a
 * company's documents page by page ({@code GET /api/companies/{id}/documents?limit&offset}).
 */
public class DocumentsApiSuite extends StonksSuite {

    @Test
    void documentDetailCarriesItsIntelligenceRecords() {
        Document doc = DATA.document("AAPL", 0);

        JsonNode body = queryApi().get("/api/documents/{id}", doc.id()).json(200);

        assertThat(text(body, "id")).isEqualTo(doc.id().toString());
        assertThat(text(body, "company_id")).isEqualTo(doc.companyId().toString());
        assertThat(text(body, "title")).as("title").isEqualTo(doc.title());
        assertThat(instant(body, "published_at")).as("published_at").isEqualTo(doc.publishedAt());
        assertThat(text(body, "sha256")).as("sha256").isEqualTo(doc.sha256());
        assertThat(integer(body, "word_count")).as("word_count").isEqualTo(doc.wordCount());

        List<JsonNode> records = array(body, "intelligence_records");
        Map<String, JsonNode> byKind = records.stream()
                .collect(Collectors.toMap(r -> text(r, "kind"), Function.identity()));
        List<IntelligenceRecord> expected = DATA.intelligenceRecordsOf(doc.id());
        assertThat(byKind.keySet()).as("intelligence record kinds")
                .containsExactlyInAnyOrder("sentiment", "guidance", "risk", "product");
        for (IntelligenceRecord record : expected) {
            assertThat(number(byKind.get(record.kind().value()), "score")).as("%s score", record.kind().value())
                    .isCloseTo(record.score(), within(1e-9));
        }
    }

    @Test
    void documentTextIsTheStoredObject() {
        Document doc = DATA.document("MSFT", 3);

        ApiResponse response = queryApi().get("/api/documents/{id}/text", doc.id()).expectStatus(200);

        assertThat(response.contentType()).as("content type").startsWith("text/plain");
        assertThat(StonksDataset.sha256Hex(response.bodyBytes())).as("sha256 of the text").isEqualTo(doc.sha256());
        assertThat(response.body()).as("text").isEqualTo(DATA.text(doc));
    }

    @Test
    void anUnknownDocumentIsA404Problem() {
        UUID unknown = Ids.document("NOPE", 0);

        Problems.assertProblem(queryApi().get("/api/documents/{id}", unknown), 404, unknown.toString());
    }

    @Test
    void companyDocumentsComeNewestFirstWithTheirMetadata() {
        UUID msft = Ids.company("MSFT");

        List<JsonNode> page = elements(queryApi().get("/api/companies/{id}/documents", msft).json(200));

        // the default page (20) holds every document of the company
        List<Document> expected = scaled().documentsOf(msft);
        int shown = Math.min(20, expected.size());
        assertThat(texts(page, "id")).as("MSFT documents, newest first")
                .containsExactlyElementsOf(expected.subList(0, shown).stream().map(d -> d.id().toString()).toList());
        for (int i = 0; i < shown; i++) {
            Document want = expected.get(i);
            JsonNode got = page.get(i);
            assertThat(text(got, "title")).as("title of %s", want.id()).isEqualTo(want.title());
            assertThat(instant(got, "published_at")).as("published_at of %s", want.id())
                    .isEqualTo(want.publishedAt());
            assertThat(text(got, "source_id")).as("source of %s", want.id()).isEqualTo(want.sourceId().toString());
            assertThat(text(got, "source_kind")).as("source kind of %s", want.id())
                    .isEqualTo(DATA.source(want.sourceId()).kind().value());
            assertThat(text(got, "sha256")).as("sha256 of %s", want.id()).isEqualTo(want.sha256());
            assertThat(integer(got, "word_count")).as("word_count of %s", want.id()).isEqualTo(want.wordCount());
        }
    }

    @Test
    void limitAndOffsetPageThroughTheDocuments() {
        UUID aapl = Ids.company("AAPL");
        List<String> all = scaled().documentsOf(aapl).stream().map(d -> d.id().toString()).toList();

        List<JsonNode> second = elements(queryApi().request("GET", "/api/companies/{id}/documents", aapl)
                .query("limit", 2).query("offset", 2).send().json(200));
        List<JsonNode> beyond = elements(queryApi().request("GET", "/api/companies/{id}/documents", aapl)
                .query("limit", 5).query("offset", all.size()).send().json(200));

        assertThat(texts(second, "id")).as("limit=2, offset=2").containsExactlyElementsOf(all.subList(2, 4));
        assertThat(beyond).as("a page past the end is empty, not an error").isEmpty();
    }

    @Test
    void aLimitOrOffsetOutOfRangeIsA400NamingIt() {
        UUID aapl = Ids.company("AAPL");

        for (String limit : List.of("0", "101", "ten")) {
            Problems.assertProblem(queryApi().request("GET", "/api/companies/{id}/documents", aapl)
                    .query("limit", limit).send(), 400, "limit");
        }
        Problems.assertProblem(queryApi().request("GET", "/api/companies/{id}/documents", aapl)
                .query("offset", -1).send(), 400, "offset");
    }

    @Test
    void documentsOfAnUnknownCompanyAreA404AndAMalformedDocumentIdA400() {
        UUID unknown = Ids.company("NOPE");

        Problems.assertProblem(queryApi().get("/api/companies/{id}/documents", unknown), 404, unknown.toString());
        Problems.assertProblem(queryApi().get("/api/documents/{id}", "doc-1"), 400, "uuid");
        Problems.assertProblem(queryApi().get("/api/documents/{id}/text", Ids.document("NOPE", 0)), 404,
                Ids.document("NOPE", 0).toString());
    }
}
