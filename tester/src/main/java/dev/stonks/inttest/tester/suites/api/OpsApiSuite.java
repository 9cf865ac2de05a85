package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.array;
import static dev.stonks.inttest.tester.suites.Fields.instant;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.object;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.IngestionRun;
import dev.stonks.inttest.stonks.dataset.IngestionStatus;
import dev.stonks.inttest.stonks.dataset.Source;
import dev.stonks.inttest.stonks.dataset.SourceKind;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** query-api: {@code GET /api/ops/pipeline/health} and {@code GET /api/ops/ingestion/summary}. */
public class OpsApiSuite extends StonksSuite {

    @Test
    void pipelineHealthReportsEveryDependencyUpAndTheLastIngestion() {
        JsonNode body = queryApi().get("/api/ops/pipeline/health").json(200);

        for (String dependency : List.of("database", "redis", "object_store")) {
            assertThat(text(object(body, dependency), "status")).as("%s probe", dependency).isEqualTo("up");
        }
        assertThat(text(body, "status")).as("overall status").isEqualTo("ok");
        IngestionRun last = DATA.lastIngestionRun();
        JsonNode lastIngestion = object(body, "last_ingestion");
        assertThat(text(lastIngestion, "id")).as("last ingestion run").isEqualTo(last.id().toString());
        assertThat(text(lastIngestion, "status")).as("last ingestion status").isEqualTo("running");
        assertThat(instant(lastIngestion, "started_at")).as("last ingestion start").isEqualTo(last.startedAt());
    }

    @Test
    void ingestionSummaryCountsTheSeededSourcesRunsAndDocuments() {
        JsonNode body = queryApi().get("/api/ops/ingestion/summary").json(200);

        SoftAssertions soft = new SoftAssertions();
        Expected total = Expected.of(scaled(), Set.of(SourceKind.values()));
        total.check(soft, body, "total");
        soft.assertThat(text(object(body, "last_run"), "id")).as("last_run")
                .isEqualTo(DATA.lastIngestionRun().id().toString());
        List<JsonNode> byKind = array(body, "by_kind");
        soft.assertThat(texts(byKind, "kind")).as("by_kind kinds")
                .containsExactlyElementsOf(Arrays.stream(SourceKind.values()).map(SourceKind::value).toList());
        for (JsonNode entry : byKind) {
            SourceKind kind = SourceKind.fromValue(text(entry, "kind"));
            Expected.of(scaled(), Set.of(kind)).check(soft, entry, kind.value());
            soft.assertThat(text(object(entry, "last_run"), "id")).as("%s last_run", kind.value())
                    .isEqualTo(Expected.lastRun(kind).id().toString());
        }
        soft.assertAll();
    }

    /** The counts of the summary (or of one of its kinds), from the dataset. */
    record Expected(long sources, long activeSources, long runs, Map<IngestionStatus, Long> byStatus,
            long documentsIngested, long documents) {

        static Expected of(StonksDataset scaled, Set<SourceKind> kinds) {
            Map<UUID, Source> sources = DATA.sources().stream().filter(s -> kinds.contains(s.kind()))
                    .collect(Collectors.toMap(Source::id, Function.identity()));
            List<IngestionRun> runs = DATA.ingestionRuns().stream().filter(r -> sources.containsKey(r.sourceId()))
                    .toList();
            return new Expected(sources.size(), sources.values().stream().filter(Source::active).count(),
                    runs.size(),
                    runs.stream().collect(Collectors.groupingBy(IngestionRun::status, Collectors.counting())),
                    runs.stream().mapToLong(IngestionRun::documentsIngested).sum(),
                    scaled.documents().stream().filter(d -> sources.containsKey(d.sourceId())).count());
        }

        static IngestionRun lastRun(SourceKind kind) {
            return DATA.ingestionRuns().stream()
                    .filter(r -> DATA.source(r.sourceId()).kind() == kind)
                    .max(Comparator.comparing(IngestionRun::startedAt)).orElseThrow();
        }

        void check(SoftAssertions soft, JsonNode actual, String what) {
            soft.assertThat(integer(actual, "sources")).as("%s sources", what).isEqualTo(sources);
            soft.assertThat(integer(actual, "active_sources")).as("%s active_sources", what).isEqualTo(activeSources);
            soft.assertThat(integer(actual, "runs")).as("%s runs", what).isEqualTo(runs);
            for (IngestionStatus status : IngestionStatus.values()) {
                soft.assertThat(integer(actual, status.value())).as("%s %s runs", what, status.value())
                        .isEqualTo(byStatus.getOrDefault(status, 0L));
            }
            soft.assertThat(integer(actual, "documents_ingested")).as("%s documents_ingested", what)
                    .isEqualTo(documentsIngested);
            soft.assertThat(integer(actual, "documents")).as("%s documents", what).isEqualTo(documents);
        }
    }
}
