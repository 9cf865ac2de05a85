package dev.stonks.inttest.stonks.query.ops;

import dev.stonks.inttest.stonks.health.DependencyProbes;
import dev.stonks.inttest.stonks.health.Probe;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;

/** query-api: the ingestion pipeline's state, for the Home and Ops pages. */
@Path("/api/ops")
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

    private final DependencyProbes probes;
    private final OpsRepository ops;

    public OpsResource(DependencyProbes probes, OpsRepository ops) {
        this.probes = probes;
        this.ops = ops;
    }

    /** Whether the database, Redis and the object store answer, and the newest ingestion run. */
    @GET
    @Path("pipeline/health")
    public Uni<PipelineHealth> pipelineHealth() {
        return Uni.combine().all().unis(probes.database(), probes.redis(), probes.objectStore())
                .asTuple()
                .flatMap(probe -> {
                    Probe database = probe.getItem1();
                    Uni<Optional<IngestionRunView>> last = database.isUp()
                            ? ops.lastRun().onFailure().recoverWithItem(Optional.empty())
                            : Uni.createFrom().item(Optional.empty());
                    return last.map(run -> new PipelineHealth(
                            !database.isUp() ? "down"
                                    : probe.getItem2().isUp() && probe.getItem3().isUp() ? "ok" : "degraded",
                            Instant.now(), database, probe.getItem2(), probe.getItem3(), run.orElse(null)));
                });
    }

    /** Sources, runs and documents per source kind, with totals and the newest run. */
    @GET
    @Path("ingestion/summary")
    public Uni<IngestionSummary> ingestionSummary() {
        return Uni.combine().all().unis(ops.summaryByKind(), ops.lastRun())
                .with((kinds, last) -> IngestionSummary.of(kinds, last.orElse(null)));
    }
}
