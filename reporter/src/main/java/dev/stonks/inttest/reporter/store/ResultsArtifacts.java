package dev.stonks.inttest.reporter.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.artifacts.ArtifactRef;
import dev.stonks.inttest.artifacts.ArtifactStore;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.resultspage.ResultsPage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import dev.stonks.inttest.reporter.ReporterConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * A verdict's artifacts: stores {@code results.html} (the results page) and {@code results.json} in the artifact
 * store and lists, in the results, everything the store holds for the run ({@code artifacts}: name, content_type,
 * size, url). A store that fails or is too slow never holds the verdict back: the results then name the failure
 * ({@code artifacts_error}) and list nothing.
 */
@Singleton
public class ResultsArtifacts {
    public static final String RESULTS_JSON = "results.json";
    public static final String RESULTS_HTML = "results.html";
    private static final Logger LOG = Logger.getLogger(ResultsArtifacts.class);
    private final ArtifactStore store;
    private final String baseUrl;
    private final Duration timeout;

    @Inject
    public ResultsArtifacts(ArtifactStore store, ReporterConfig config) {
        this(store, config.publicUrl(), config.artifactsTimeout());
    }

    /** {@code baseUrl}: the reporter's public URL, or empty for links that are paths. */
    public ResultsArtifacts(ArtifactStore store, Optional<String> baseUrl, Duration timeout) {
        this.store = store;
        this.baseUrl = baseUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse("");
        this.timeout = timeout;
    }

    /** Stores the run's results and page and adds their list (or the failure) to {@code results}. */
    public void attach(String runId, ObjectNode results) {
        try {
            ArrayNode list = CompletableFuture.supplyAsync(() -> upload(runId, results.deepCopy()))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            results.set("artifacts", list);
        } catch (TimeoutException e) {
            failed(runId, results, "the artifact store did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            failed(runId, results, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(runId, results, "interrupted");
        }
    }

    /** The link of one of a run's artifacts: {@code <public url>/api/runs/<run>/artifacts/<name>}. */
    public String url(String runId, String name) {
        return baseUrl + "/api/runs/" + runId + "/artifacts/" + name;
    }

    /** What the store holds for a run, as the results list it. */
    public ArrayNode list(String runId) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        store.list(runId).forEach(ref -> entry(list, runId, ref.name(), ref.contentType(), ref.size()));
        return list;
    }

    private ArrayNode upload(String runId, ObjectNode results) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (ArtifactRef ref : store.list(runId)) {
            if (!List.of(RESULTS_JSON, RESULTS_HTML).contains(ref.name())) {
                entry(list, runId, ref.name(), ref.contentType(), ref.size());
            }
        }
        // their own sizes cannot be in the documents they describe: the page's is in results.json, not the reverse
        ObjectNode html = entry(list, runId, RESULTS_HTML, "text/html; charset=UTF-8", null);
        entry(list, runId, RESULTS_JSON, "application/json", null);
        results.set("artifacts", list);
        byte[] page = ResultsPage.render(results).getBytes(StandardCharsets.UTF_8);
        store.put(runId, RESULTS_HTML, page, "text/html; charset=UTF-8");
        html.put("size", page.length);
        store.put(runId, RESULTS_JSON, json(results), "application/json");
        return list;
    }

    private ObjectNode entry(ArrayNode list, String runId, String name, String contentType, Long size) {
        ObjectNode entry = list.addObject();
        entry.put("name", name);
        entry.put("content_type", contentType);
        if (size != null) {
            entry.put("size", size);
        }
        entry.put("url", url(runId, name));
        return entry;
    }

    private static void failed(String runId, ObjectNode results, String why) {
        LOG.warnf("run %s: artifacts not stored, the verdict goes on without them: %s", runId, why);
        results.remove("artifacts");
        results.put("artifacts_error", why);
    }

    private static byte[] json(ObjectNode results) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
