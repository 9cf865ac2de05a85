package dev.stonks.inttest.provisioner.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels and annotations that mark a namespace as a sandbox of the pipeline. Teardown and the reaper delete a
 * namespace only when {@link #ownership} says it is the pipeline's (all three labels) and, for teardown, the run's.
 */
public final class SandboxLabels {
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "inttest";
    public static final String CREATED_BY = "inttest.stonks.dev/created-by";
    public static final String CREATED_BY_VALUE = "inttest-provisioner";
    public static final String RUN_ID = "inttest.stonks.dev/run-id";
    /** Expiry in epoch seconds (a label value cannot hold an ISO instant), for the reaper's selection. */
    public static final String EXPIRES_AT = "inttest.stonks.dev/expires-at";

    /** Annotations: the same expiry as an ISO instant, and what the run asked for (for findRun). */
    public static final String ANNOTATION_EXPIRES_AT = "inttest.stonks.dev/expires-at";
    public static final String ANNOTATION_CREATED_AT = "inttest.stonks.dev/created-at";
    public static final String ANNOTATION_IMAGE_TAG = "inttest.stonks.dev/image-tag";
    public static final String ANNOTATION_SKIP_TEARDOWN = "inttest.stonks.dev/skip-teardown";
    public static final String ANNOTATION_SCALE = "inttest.stonks.dev/scale";

    /** A label selector for every namespace the pipeline created. */
    public static final Map<String, String> PIPELINE_SELECTOR = Map.of(MANAGED_BY, MANAGED_BY_VALUE, CREATED_BY,
            CREATED_BY_VALUE);

    private SandboxLabels() {
    }

    /** What a namespace is to a run. */
    public enum Ownership {
        /** no such namespace */
        ABSENT,
        /** it exists without the pipeline's labels: never touched */
        FOREIGN,
        /** a sandbox of the pipeline, of another run */
        OTHER_RUN,
        /** the run's own sandbox */
        OWNED
    }

    public static Ownership ownership(Namespace namespace, String runId) {
        if (namespace == null) {
            return Ownership.ABSENT;
        }
        Optional<String> owner = runIdOf(namespace);
        if (owner.isEmpty()) {
            return Ownership.FOREIGN;
        }
        return owner.get().equals(runId) ? Ownership.OWNED : Ownership.OTHER_RUN;
    }

    /** The run id of a namespace the pipeline created; empty for any other namespace. */
    public static Optional<String> runIdOf(HasMetadata namespace) {
        Map<String, String> labels = labels(namespace);
        if (!MANAGED_BY_VALUE.equals(labels.get(MANAGED_BY)) || !CREATED_BY_VALUE.equals(labels.get(CREATED_BY))) {
            return Optional.empty();
        }
        return Optional.ofNullable(labels.get(RUN_ID)).filter(id -> !id.isBlank());
    }

    /** The expiry of a namespace the pipeline created; empty when absent or unreadable (then never reaped). */
    public static Optional<Instant> expiresAt(HasMetadata namespace) {
        try {
            return Optional.ofNullable(labels(namespace).get(EXPIRES_AT)).map(Long::parseLong)
                    .map(Instant::ofEpochSecond);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Why a namespace is foreign, for messages. */
    public static String describe(HasMetadata namespace) {
        Map<String, String> labels = labels(namespace);
        return "labels " + MANAGED_BY + "=" + labels.get(MANAGED_BY) + ", " + CREATED_BY + "="
                + labels.get(CREATED_BY) + ", " + RUN_ID + "=" + labels.get(RUN_ID);
    }

    static Map<String, String> ownerLabels(String runId, Instant expiresAt) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, MANAGED_BY_VALUE);
        labels.put(CREATED_BY, CREATED_BY_VALUE);
        labels.put(RUN_ID, runId);
        labels.put(EXPIRES_AT, Long.toString(expiresAt.getEpochSecond()));
        return labels;
    }

    private static Map<String, String> labels(HasMetadata object) {
        Map<String, String> labels = object.getMetadata() == null ? null : object.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
