package dev.stonks.inttest.stonks.health;

import dev.stonks.inttest.stonks.config.Role;
import dev.stonks.inttest.stonks.config.StonksConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Registers the checks of this process's role at start-up: readiness = the database (every role), plus Redis
 * (trading) and the object store (query-api); liveness = the process itself, tagged with its role.
 */
@ApplicationScoped
public class RoleHealthChecks {

    private static final Logger LOG = Logger.getLogger(RoleHealthChecks.class);

    private final HealthRegistry readiness;
    private final HealthRegistry liveness;
    private final DependencyProbes probes;
    private final Role role;

    public RoleHealthChecks(@Readiness HealthRegistry readiness, @Liveness HealthRegistry liveness,
            DependencyProbes probes, StonksConfig config) {
        this.readiness = readiness;
        this.liveness = liveness;
        this.probes = probes;
        this.role = config.role();
    }

    void register(@Observes StartupEvent event) {
        readiness.register("database", check("database", probes::database));
        if (role.usesRedis()) {
            readiness.register("redis", check("redis", probes::redis));
        }
        if (role.usesObjectStore()) {
            readiness.register("object-store", check("object-store", probes::objectStore));
        }
        liveness.register("stonks", (HealthCheck) () -> HealthCheckResponse.named("stonks").up()
                .withData("role", role.value()).build());
        LOG.infof("stonks %s: readiness checks the database%s%s", role.value(), role.usesRedis() ? ", redis" : "",
                role.usesObjectStore() ? ", object store" : "");
    }

    private AsyncHealthCheck check(String name, Supplier<Uni<Probe>> probe) {
        return () -> probe.get().map(result -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named(name)
                    .status(result.isUp())
                    .withData("role", role.value())
                    .withData("latency_ms", result.latencyMs());
            if (result.detail() != null) {
                response.withData("detail", result.detail());
            }
            return response.build();
        });
    }
}
