package dev.stonks.inttest.reporter.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every IT against the reporter on {@link HistoryStackResource} needs: a producer of the pipeline's events on its
 * broker, an HTTP client and the reporter's base URL. The subclass carries {@code @QuarkusTest} and
 * {@code @QuarkusTestResource(value = HistoryStackResource.class, restrictToAnnotatedClass = true)}.
 */
public abstract class OnHistoryStack {
    protected static PipelineEvents events;
    protected final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    protected URI base;

    @BeforeAll
    static void producer() {
        events = new PipelineEvents(HistoryStackResource.broker.bootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        events.close();
    }
}
