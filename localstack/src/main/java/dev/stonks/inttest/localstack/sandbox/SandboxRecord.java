package dev.stonks.inttest.localstack.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The content of {@code sandbox.json}: the pipeline's marker of ownership ({@code created_by = inttest}), the run
 * the sandbox belongs to, when it expires, and every process started in it.
 *
 * @param createdBy    {@value LocalSandbox#CREATED_BY} for a sandbox of the pipeline
 * @param format       version of this layout ({@value #FORMAT})
 * @param runId        the run that owns the sandbox
 * @param namespace    the sandbox's name (its directory's name)
 * @param imageTag     the image tag the run asked for
 * @param skipTeardown whether the run asked to keep the sandbox after it ends
 * @param scale        the run's dataset scale factor
 * @param createdAt    when the sandbox was created
 * @param expiresAt    after this the reaper removes it, whatever became of its run
 * @param components   by name: {@code postgres}, {@code redis}, {@code s3} and the services under test
 * @param owner        the process the sandbox lives for (the CLI that started the local stack), or null: then only
 *                     its expiry ends it. Once the owner is gone, a sandbox without skip_teardown is an orphan
 */
public record SandboxRecord(String createdBy, int format, String runId, String namespace, String imageTag,
        boolean skipTeardown, int scale, Instant createdAt, Instant expiresAt,
        Map<String, SandboxComponent> components, @JsonInclude(JsonInclude.Include.NON_NULL) ProcessIdentity owner) {

    public static final int FORMAT = 1;

    public SandboxRecord {
        Objects.requireNonNull(runId, "run_id");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(expiresAt, "expires_at");
        scale = Math.max(scale, 1);
        components = Collections.unmodifiableMap(new TreeMap<>(components == null ? Map.of() : components));
    }

    /** A new record of the pipeline, without components yet. */
    public static SandboxRecord create(String runId, String namespace, String imageTag, boolean skipTeardown,
            int scale, Instant createdAt, Instant expiresAt) {
        return new SandboxRecord(LocalSandbox.CREATED_BY, FORMAT, runId, namespace, imageTag, skipTeardown, scale,
                createdAt, expiresAt, Map.of(), null);
    }

    /** The same record, owned by {@code owner} (null: no owner). */
    public SandboxRecord withOwner(ProcessIdentity owner) {
        return new SandboxRecord(createdBy, format, runId, namespace, imageTag, skipTeardown, scale, createdAt,
                expiresAt, components, owner);
    }

    /**
     * Whether the pipeline wrote it for an owner that is gone (not running, or its pid now names another process)
     * and the run did not ask to keep it: nobody will tear it down, so it may be removed whatever its expiry.
     */
    @JsonIgnore
    public boolean isOrphan() {
        return isPipelineOwned() && !skipTeardown && owner != null && !owner.isRunning();
    }

    /** Whether the pipeline wrote it. */
    public boolean isPipelineOwned() {
        return LocalSandbox.CREATED_BY.equals(createdBy);
    }

    public boolean isExpired(Instant now) {
        return now.isAfter(expiresAt);
    }

    public SandboxRecord withComponent(String name, SandboxComponent component) {
        Map<String, SandboxComponent> all = new TreeMap<>(components);
        all.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(component, "component"));
        return withComponents(all);
    }

    public SandboxRecord withoutComponents(Predicate<SandboxComponent> which) {
        Map<String, SandboxComponent> all = new TreeMap<>(components);
        all.values().removeIf(which);
        return withComponents(all);
    }

    /** The components of one kind, by name. */
    public Map<String, SandboxComponent> components(ComponentKind kind) {
        Map<String, SandboxComponent> some = new TreeMap<>(components);
        some.values().removeIf(c -> c.kind() != kind);
        return Collections.unmodifiableMap(some);
    }

    private SandboxRecord withComponents(Map<String, SandboxComponent> all) {
        return new SandboxRecord(createdBy, format, runId, namespace, imageTag, skipTeardown, scale, createdAt,
                expiresAt, all, owner);
    }
}
