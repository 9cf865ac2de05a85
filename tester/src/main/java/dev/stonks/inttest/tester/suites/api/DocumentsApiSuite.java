package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.array;
import static dev.stonks.inttest.tester.suites.Fields.instant;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.text;
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

/** query-api: {@code GET /api/documents/{id}} (with intelligence records) and its text from the object store. */
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
}
