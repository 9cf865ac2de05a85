package dev.stonks.inttest.provisioner.backend;

import dev.stonks.inttest.events.StageError;

/** The {@code error.kind} values of the provisioner's stages (see README.md). */
public final class FailureKinds {
    /** The namespace is held by another run, or by something that is not a sandbox of the pipeline. */
    public static final String NAMESPACE_IN_USE = "namespace_in_use";
    /** PostgreSQL, Redis or the object store did not start or become ready. */
    public static final String INFRA_NOT_READY = "infra_not_ready";
    /** The image tag resolves to no runnable build (the local form of an image pull failure). */
    public static final String IMAGE_NOT_FOUND = "image_not_found";
    /** A service under test did not become ready in time, or died. */
    public static final String SERVICE_NOT_READY = "service_not_ready";
    /** The run has no sandbox (service_deploy before or after its infrastructure). */
    public static final String SANDBOX_MISSING = "sandbox_missing";
    /** Teardown refused: the directory or namespace is not the pipeline's, or belongs to another run. */
    public static final String NOT_OWNED = "not_owned";
    /** The run asks for a backend this provisioner does not serve. */
    public static final String BACKEND_UNAVAILABLE = "backend_unavailable";
    /** The run was cancelled: the contract's kind. */
    public static final String CANCELLED = StageError.CANCELLED;
    /** Another operation held the sandbox for longer than the lock timeout. */
    public static final String SANDBOX_BUSY = "sandbox_busy";

    /** kubernetes: the API server refused an object (an invalid manifest, missing RBAC, a quota). */
    public static final String APPLY_REJECTED = "apply_rejected";
    /** kubernetes: the API server could not be reached at all. */
    public static final String CLUSTER_UNREACHABLE = "cluster_unreachable";

    private FailureKinds() {
    }
}
