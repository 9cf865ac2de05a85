package dev.stonks.inttest.stonks.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response.Status;
import java.net.ConnectException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ParamsTest {

    @Test
    void acceptsCanonicalUuidsInAnyCase() {
        UUID id = UUID.fromString("7c141f36-2368-5315-b199-286c89bd7312");
        assertEquals(id, Params.uuid("id", "7c141f36-2368-5315-b199-286c89bd7312"));
        assertEquals(id, Params.uuid("id", "7C141F36-2368-5315-B199-286C89BD7312"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "7c141f3623685315b199286c89bd7312",
        "7c141f36-2368-5315-b199-286c89bd7312x", " 7c141f36-2368-5315-b199-286c89bd7312"})
    void rejectsAnythingElseWithA400NamingTheParameter(String value) {
        ApiException error = assertThrows(ApiException.class, () -> Params.uuid("company_id", value));

        assertEquals(Status.BAD_REQUEST, error.status());
        assertTrue(error.getMessage().startsWith("parameter 'company_id' must be a UUID"), error.getMessage());
    }

    @Test
    void echoesLongValuesAbbreviated() {
        ApiException error = assertThrows(ApiException.class, () -> Params.uuid("id", "x".repeat(500)));
        assertTrue(error.getMessage().length() < 200, error.getMessage());
    }

    @Test
    void requiredQueryParameters() {
        assertEquals("AAPL", Params.required("symbol", " AAPL "));
        ApiException error = assertThrows(ApiException.class, () -> Params.required("symbol", "  "));
        assertEquals("query parameter 'symbol' is required", error.getMessage());
    }

    @Test
    void problemsCarryStatusTitleAndDetail() {
        Problem problem = Problem.of(Status.NOT_FOUND, "company x does not exist");
        assertEquals(new Problem(404, "Not Found", "company x does not exist"), problem);
        assertEquals(Problem.MEDIA_TYPE, ApiException.notFound("x").toResponse().getMediaType().toString());
    }

    @Test
    void connectionFailuresAreUnavailableNotBugs() {
        assertTrue(ProblemMappers.isUnavailable(new RuntimeException(new ConnectException("refused"))));
        assertTrue(!ProblemMappers.isUnavailable(new IllegalStateException("bug")));
    }
}
