package dev.stonks.inttest.localstack.stack;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of {@code stack.json} in a local stack's directory: the pipeline's marker ({@code created_by = inttest}),
 * the process the stack lives for (its owner, the CLI), and every process of the stack with its identity (pid and
 * start time), so a later run can remove a stack whose owner died without ever signalling a recycled pid.
 *
 * @param createdBy {@value StackFile#CREATED_BY} for a stack of the pipeline
 * @param format    version of this layout ({@value #FORMAT})
 * @param name      the stack directory's name
 * @param owner     the owner process
 * @param startedAt when the stack was started
 * @param updatedAt when this record was last written (after each restart of a process)
 * @param kafka     the broker, or null before it started
 * @param services  the pipeline services (an entry per service that runs or ran)
 * @param guard     the guard process that cleans up when the owner is killed, or null
 * @param components the stack's infrastructure beside Kafka (the reporter's PostgreSQL, the artifact store)
 */
public record StackRecord(String createdBy, int format, String name, ProcessIdentity owner, Instant startedAt,
        Instant updatedAt, Kafka kafka, List<Service> services, ProcessIdentity guard, List<Component> components) {

    public static final int FORMAT = 1;

    public StackRecord {
        Objects.requireNonNull(name, "name");
        services = services == null ? List.of() : List.copyOf(services);
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** A record without components (as written before they existed). */
    public StackRecord(String createdBy, int format, String name, ProcessIdentity owner, Instant startedAt,
            Instant updatedAt, Kafka kafka, List<Service> services, ProcessIdentity guard) {
        this(createdBy, format, name, owner, startedAt, updatedAt, kafka, services, guard, List.of());
    }

    /** The broker: its process, its two ports and its data directory. */
    public record Kafka(ProcessIdentity process, int port, int controllerPort, String dataDir, int restarts) {
    }

    /** A pipeline service: its process, HTTP port, and how often the stack restarted it. */
    public record Service(String name, ProcessIdentity process, int port, int restarts) {
    }

    /**
     * A piece of the stack's infrastructure that is not a pipeline service: its process, port and data directory
     * (e.g. {@code history-db}, PostgreSQL; {@code artifacts}, the S3 store).
     */
    public record Component(String name, ProcessIdentity process, int port, String dataDir, int restarts) {
    }

    /** A new record of the pipeline for {@code owner}, without processes yet. */
    public static StackRecord create(String name, ProcessIdentity owner, Instant now) {
        return new StackRecord(StackFile.CREATED_BY, FORMAT, name, owner, now, now, null, List.of(), null, List.of());
    }

    /** Every recorded process by name: the services, {@code kafka}, the components and {@code guard}. */
    @JsonIgnore
    public Map<String, ProcessIdentity> processes() {
        Map<String, ProcessIdentity> all = new LinkedHashMap<>();
        services.stream().filter(s -> s.process() != null).forEach(s -> all.put(s.name(), s.process()));
        if (kafka != null && kafka.process() != null) {
            all.put("kafka", kafka.process());
        }
        components.stream().filter(c -> c.process() != null).forEach(c -> all.put(c.name(), c.process()));
        if (guard != null) {
            all.put("guard", guard);
        }
        return all;
    }

    @JsonIgnore
    public boolean isPipelineOwned() {
        return StackFile.CREATED_BY.equals(createdBy);
    }

    /** Whether the owner is gone (its pid no longer runs, or now names another process). */
    @JsonIgnore
    public boolean isOwnerGone() {
        return owner != null && !owner.isRunning();
    }

    public StackRecord with(Kafka kafka, List<Service> services, ProcessIdentity guard, Instant now) {
        return new StackRecord(createdBy, format, name, owner, startedAt, now, kafka, services, guard, components);
    }

    public StackRecord withComponents(List<Component> next, Instant now) {
        return new StackRecord(createdBy, format, name, owner, startedAt, now, kafka, services, guard, next);
    }
}
