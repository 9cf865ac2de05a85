package dev.stonks.inttest.tester.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void fillsPlaceholdersInOrder() {
        UUID id = UUID.fromString("7c141f36-2368-5315-b199-286c89bd7312");

        assertThat(PathTemplate.expand("/api/companies/{id}/documents", id))
                .isEqualTo("/api/companies/7c141f36-2368-5315-b199-286c89bd7312/documents");
        assertThat(PathTemplate.expand("/api/risk/approvals/{id}/{action}", "a1", "approve"))
                .isEqualTo("/api/risk/approvals/a1/approve");
        assertThat(PathTemplate.expand("/api/companies")).isEqualTo("/api/companies");
    }

    @Test
    void encodesEachValueAsOneSegment() {
        assertThat(PathTemplate.expand("/api/search/{q}", "a b/c?d&é")).isEqualTo("/api/search/a%20b%2Fc%3Fd%26%C3%A9");
    }

    @Test
    void rejectsAMismatchOfPlaceholdersAndValues() {
        assertThatThrownBy(() -> PathTemplate.expand("/api/companies/{id}")).hasMessageContaining("placeholders");
        assertThatThrownBy(() -> PathTemplate.expand("/api/companies", "x")).hasMessageContaining("0 placeholder");
        assertThatThrownBy(() -> PathTemplate.expand("/api/companies/{id}", (Object) null))
                .hasMessageContaining("null");
        assertThatThrownBy(() -> PathTemplate.expand("api/companies")).hasMessageContaining("starts with '/'");
        assertThatThrownBy(() -> PathTemplate.expand("/api/companies?limit=1")).hasMessageContaining("query");
    }

    @Test
    void getIsKeyedByTheTemplateOtherMethodsByMethodAndTemplate() {
        assertThat(PathTemplate.endpointKey("GET", "/api/companies/{id}")).isEqualTo("/api/companies/{id}");
        assertThat(PathTemplate.endpointKey("POST", "/api/trading/orders")).isEqualTo("POST /api/trading/orders");
    }
}
