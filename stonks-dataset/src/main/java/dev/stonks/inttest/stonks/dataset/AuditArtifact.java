package dev.stonks.inttest.stonks.dataset;

import java.nio.charset.StandardCharsets;

/** An object of the audit trail: one trading day's report (JSON), at {@code key} in {@link StonksDataset#BUCKET}. */
public record AuditArtifact(String key, String json) {

    public static final String CONTENT_TYPE = "application/json";

    public AuditArtifact {
        Checks.nonBlank(key, "key");
        Checks.nonBlank(json, "json");
    }

    public byte[] bytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
