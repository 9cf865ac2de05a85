package dev.stonks.inttest.promoter.kargo;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Kargo (the Kubernetes API) could not do what the promoter asked. {@link #isTransient()}: the API was unreachable,
 * overloaded or failed on its side (worth retrying); otherwise the request itself was refused (forbidden, invalid, a
 * missing Stage) and retrying would not help.
 */
public class KargoException extends RuntimeException {
    private final boolean transientFailure;

    public KargoException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public static KargoException permanent(String message) {
        return new KargoException(message, false, null);
    }

    static KargoException of(String what, KubernetesClientException e) {
        int code = e.getCode();
        boolean isTransient = code == 0 || code == 429 || code >= 500;
        String status = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : e.getMessage();
        return new KargoException(what + ": " + (code == 0 ? "" : "HTTP " + code + ": ") + status, isTransient, e);
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
