package dev.stonks.inttest.tester.suites.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.tester.sandbox.ApiResponse;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import org.junit.jupiter.api.Test;

/**
 * The error contract every service keeps: problems as JSON ({@code {"status","title","detail"}}), 404 for a path it
 * does not serve (including another service's), never a 500 for bad input.
 */
public class ErrorsApiSuite extends StonksSuite {

    @Test
    void anUnknownPathIsA404Problem() {
        ApiResponse response = queryApi().probe("/api/nothing-here");

        Problems.assertProblem(response, 404, "/api/nothing-here");
    }

    @Test
    void aServiceDoesNotAnswerAnotherServicesPaths() {
        // the registry's list exists, but not on query-api; the query API's companies exist, but not on trading.
        // Probes: these 404s must not count among the real endpoints' latencies
        assertThat(queryApi().probe("/api/registry/companies").status()).as("registry path on query-api")
                .isEqualTo(404);
        assertThat(trading().probe("/api/companies").status()).as("query-api path on trading").isEqualTo(404);
        assertThat(risk().probe("/api/trading/status").status()).as("trading path on risk").isEqualTo(404);
    }

    @Test
    void garbageInTheQueryIsNeverA500() {
        for (ApiResponse response : new ApiResponse[] {
            queryApi().request("GET", "/api/trends").query("min_confidence", "NaN").send(),
            queryApi().request("GET", "/api/trends").query("limit", "99999999999999999999").send(),
            queryApi().request("GET", "/api/search").query("q", "%' OR 1=1 --").send(),
            registry().request("GET", "/api/registry/resolve").query("symbol", "\u00e9\u00e8\u2603").send()}) {
            assertThat(response.status()).as("%s", response.describe()).isLessThan(500);
        }
    }
}
