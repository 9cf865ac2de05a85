package dev.stonks.inttest.stonks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonks.inttest.stonks.dataset.testing.FreePorts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A test build's delay (stonks.test-build.*, here from the environment, which overrides the build's baked-in values):
 * a query-api whose {@code /api/companies} answers 150 ms later, while its other endpoints and the normal build's
 * query-api do not. The packaged jar itself carries no delay (the normal service of the sandbox is fast).
 */
@Order(7)
class InjectedDelayIT {
    private static final Duration DELAY = Duration.ofMillis(150);

    @Test
    void onlyTheConfiguredPathIsSlowerAndOnlyInTheTestBuild() throws Exception {
        StonksSandbox sandbox = StonksSandbox.get();
        int port = FreePorts.find();
        Map<String, String> env = new java.util.LinkedHashMap<>(sandbox.env("query-api", port));
        env.put("STONKS_TEST_BUILD_DELAY", "PT0.15S");
        env.put("STONKS_TEST_BUILD_DELAY_PATH", "/api/companies");
        try (StonksProcess slow = StonksProcess.start("query-api-delayed", port, env)) {
            slow.awaitStatus(StonksSandbox.HTTP, "/q/health/ready", 200, Duration.ofSeconds(90));
            String normal = sandbox.service("query-api").baseUrl();

            long delayed = median(slow.baseUrl() + "/api/companies");
            long other = median(slow.baseUrl() + "/api/events");
            long normalBuild = median(normal + "/api/companies");
            assertTrue(delayed >= DELAY.toMillis(), "delayed /api/companies answered in " + delayed + " ms");
            assertTrue(other < DELAY.toMillis(), "/api/events of the test build answered in " + other + " ms");
            assertTrue(normalBuild < DELAY.toMillis(), "the normal build answered in " + normalBuild + " ms");
        }
    }

    private static long median(String url) throws Exception {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            HttpResponse<Void> response = StonksSandbox.HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            ms.add((System.nanoTime() - t0) / 1_000_000);
            assertEquals(200, response.statusCode(), url);
        }
        Collections.sort(ms);
        return ms.get(ms.size() / 2);
    }
}
