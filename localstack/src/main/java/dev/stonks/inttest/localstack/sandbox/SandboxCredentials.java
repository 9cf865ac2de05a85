package dev.stonks.inttest.localstack.sandbox;

import java.net.URI;

/**
 * How to connect to a sandbox's infrastructure: endpoints from sandbox.json, names and secrets from
 * credentials.properties. Fails with {@link SandboxException} (INCOMPLETE) for a component not recorded yet (its
 * infrastructure is not deployed). {@link #toString()} shows no secret.
 */
public final class SandboxCredentials {

    private static final String HOST = "127.0.0.1";

    private final SandboxRecord record;
    private final SandboxSecrets secrets;

    SandboxCredentials(SandboxRecord record, SandboxSecrets secrets) {
        this.record = record;
        this.secrets = secrets;
    }

    public SandboxSecrets secrets() {
        return secrets;
    }

    public String postgresHost() {
        return HOST;
    }

    public int postgresPort() {
        return port(LocalSandbox.POSTGRES);
    }

    public String postgresDatabase() {
        return secrets.postgresDatabase();
    }

    public String postgresUser() {
        return secrets.postgresUser();
    }

    public String postgresPassword() {
        return secrets.postgresPassword();
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>} (no user or password in it). */
    public String postgresJdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + postgresPort() + "/" + postgresDatabase();
    }

    /** {@code postgresql://127.0.0.1:<port>/<database>}, the form of Vert.x / Quarkus reactive clients. */
    public String postgresUrl() {
        return "postgresql://" + HOST + ":" + postgresPort() + "/" + postgresDatabase();
    }

    public String redisHost() {
        return HOST;
    }

    public int redisPort() {
        return port(LocalSandbox.REDIS);
    }

    public String redisPassword() {
        return secrets.redisPassword();
    }

    /** {@code redis://127.0.0.1:<port>} (no password in it). */
    public String redisUri() {
        return "redis://" + HOST + ":" + redisPort();
    }

    /** {@code redis://:<password>@127.0.0.1:<port>}: for clients that take the password in the URI only. */
    public String redisUriWithPassword() {
        return "redis://:" + redisPassword() + "@" + HOST + ":" + redisPort();
    }

    /** {@code http://127.0.0.1:<port>}; use path-style requests. */
    public URI s3Endpoint() {
        return URI.create("http://" + HOST + ":" + port(LocalSandbox.S3));
    }

    public String s3AccessKey() {
        return secrets.s3AccessKey();
    }

    public String s3SecretKey() {
        return secrets.s3SecretKey();
    }

    public String s3Bucket() {
        return secrets.s3Bucket();
    }

    private int port(String component) {
        SandboxComponent c = record.components().get(component);
        if (c == null) {
            throw new SandboxException(SandboxException.Reason.INCOMPLETE, null, "sandbox " + record.namespace()
                    + " (run " + record.runId() + ") has no " + component + " recorded: is its infrastructure deployed?");
        }
        return c.port();
    }

    @Override
    public String toString() {
        return "SandboxCredentials[" + record.namespace() + ", postgresUser=" + postgresUser() + ", database="
                + postgresDatabase() + ", bucket=" + s3Bucket() + ", passwords and keys redacted]";
    }
}
