package dev.stonks.inttest.provisioner.kubernetes;

import dev.stonks.inttest.localstack.sandbox.SandboxSecrets;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Secret {@value #NAME} of a sandbox: random credentials made by the provisioner in the namespace, read there by
 * the workloads (secretKeyRef in infra/inttest/*.yaml) and by the seeder. Never in an event, a log or a dry run.
 */
public final class SandboxSecret {
    public static final String NAME = "sandbox-credentials";
    public static final String POSTGRES_USERNAME = "postgres-username";
    public static final String POSTGRES_PASSWORD = "postgres-password";
    public static final String POSTGRES_DATABASE = "postgres-database";
    public static final String REDIS_PASSWORD = "redis-password";
    public static final String S3_ACCESS_KEY = "s3-access-key";
    public static final String S3_SECRET_KEY = "s3-secret-key";
    public static final String S3_BUCKET = "s3-bucket";
    static final String REDACTED = "<generated in the namespace at deploy time>";

    private SandboxSecret() {
    }

    /** The Secret holding {@code secrets}, in {@code namespace}. */
    public static Secret of(String namespace, SandboxSecrets secrets) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(POSTGRES_USERNAME, secrets.postgresUser());
        data.put(POSTGRES_PASSWORD, secrets.postgresPassword());
        data.put(POSTGRES_DATABASE, secrets.postgresDatabase());
        data.put(REDIS_PASSWORD, secrets.redisPassword());
        data.put(S3_ACCESS_KEY, secrets.s3AccessKey());
        data.put(S3_SECRET_KEY, secrets.s3SecretKey());
        data.put(S3_BUCKET, secrets.s3Bucket());
        return new SecretBuilder().withNewMetadata().withName(NAME).withNamespace(namespace)
                .addToLabels("app.kubernetes.io/name", NAME)
                .addToLabels("app.kubernetes.io/instance", namespace)
                .addToLabels("app.kubernetes.io/part-of", "stonks-inttest-sandbox")
                .addToLabels(SandboxLabels.MANAGED_BY, SandboxLabels.MANAGED_BY_VALUE)
                .endMetadata().withType("Opaque").withImmutable(true).withStringData(data).build();
    }

    /** The same Secret with every value replaced by a note: what a dry run prints. */
    public static Secret redacted(String namespace, String user, String database, String bucket) {
        Secret secret = of(namespace, new SandboxSecrets(user, REDACTED, database, REDACTED, REDACTED, REDACTED,
                bucket));
        return secret;
    }
}
