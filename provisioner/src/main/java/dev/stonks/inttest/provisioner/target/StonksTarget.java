package dev.stonks.inttest.provisioner.target;

import dev.stonks.inttest.localstack.sandbox.SandboxCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * stonks (see stonks/README.md): one Quarkus jar run as four processes, the role chosen by {@code STONKS_ROLE}; the
 * trading engine calls risk over HTTP.
 */
@ApplicationScoped
public class StonksTarget implements TargetSystem {

    public static final String QUERY_API = "query-api";
    public static final String REGISTRY = "registry";
    public static final String RISK = "risk";
    public static final String TRADING = "trading";
    private static final List<String> SERVICES = List.of(QUERY_API, REGISTRY, RISK, TRADING);

    @Override
    public List<String> services() {
        return SERVICES;
    }

    @Override
    public Path workingTreeBuild(Path home) {
        return home.resolve("stonks/target/quarkus-app/quarkus-run.jar");
    }

    @Override
    public String readinessPath() {
        return "/q/health/ready";
    }

    @Override
    public Map<String, String> environment(String service, int port, SandboxCredentials credentials,
            Map<String, String> serviceUrls) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STONKS_ROLE", service);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", credentials.postgresUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", credentials.postgresUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", credentials.postgresPassword());
        env.put("QUARKUS_REDIS_HOSTS", credentials.redisUriWithPassword());
        env.put("STONKS_S3_ENDPOINT", credentials.s3Endpoint().toString());
        env.put("STONKS_S3_ACCESS_KEY", credentials.s3AccessKey());
        env.put("STONKS_S3_SECRET_KEY", credentials.s3SecretKey());
        env.put("STONKS_S3_BUCKET", credentials.s3Bucket());
        env.put("STONKS_RISK_URL", serviceUrls.get(RISK));
        return env;
    }

    @Override
    public List<String> isolatedEnvironmentPrefixes() {
        return List.of("QUARKUS_", "STONKS_");
    }
}
