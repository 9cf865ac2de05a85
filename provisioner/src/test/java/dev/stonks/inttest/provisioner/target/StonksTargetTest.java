package dev.stonks.inttest.provisioner.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.localstack.sandbox.ComponentKind;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.sandbox.SandboxComponent;
import dev.stonks.inttest.localstack.sandbox.SandboxCredentials;
import dev.stonks.inttest.localstack.sandbox.SandboxRecord;
import dev.stonks.inttest.localstack.sandbox.SandboxSecrets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StonksTargetTest {
    @TempDir
    Path root;

    @Test
    void everyRoleGetsTheSandboxEndpointsAndTradingGetsRisksUrl() {
        // Given
        SandboxSecrets secrets = SandboxSecrets.generate("stonks", "stonks", "stonks-documents");
        LocalSandbox sandbox = LocalSandbox.create(root, SandboxRecord.create("r", "stonks-inttest-t", "latest",
                false, 1, Instant.now(), Instant.now()), secrets);
        ProcessIdentity self = ProcessIdentity.ofRunning(ProcessHandle.current().pid());
        sandbox.update(r -> r
                .withComponent("postgres", SandboxComponent.of(ComponentKind.INFRA, self, 5001,
                        "postgresql://127.0.0.1:5001/stonks", null, Path.of("p.log"), 1))
                .withComponent("redis", SandboxComponent.of(ComponentKind.INFRA, self, 5002,
                        "redis://127.0.0.1:5002", null, Path.of("r.log"), 1))
                .withComponent("s3", SandboxComponent.of(ComponentKind.INFRA, self, 5003,
                        "http://127.0.0.1:5003", null, Path.of("s.log"), 1)));
        SandboxCredentials credentials = sandbox.credentials();
        Map<String, String> urls = Map.of("query-api", "http://127.0.0.1:6001", "registry", "http://127.0.0.1:6002",
                "risk", "http://127.0.0.1:6003", "trading", "http://127.0.0.1:6004");

        // When
        Map<String, String> env = new StonksTarget().environment("trading", 6004, credentials, urls);

        // Then
        assertThat(env).containsEntry("STONKS_ROLE", "trading")
                .containsEntry("QUARKUS_HTTP_PORT", "6004")
                .containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1")
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5001/stonks")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "stonks")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", secrets.postgresPassword())
                .containsEntry("QUARKUS_REDIS_HOSTS", "redis://:" + secrets.redisPassword() + "@127.0.0.1:5002")
                .containsEntry("STONKS_S3_ENDPOINT", "http://127.0.0.1:5003")
                .containsEntry("STONKS_S3_ACCESS_KEY", secrets.s3AccessKey())
                .containsEntry("STONKS_S3_SECRET_KEY", secrets.s3SecretKey())
                .containsEntry("STONKS_S3_BUCKET", "stonks-documents")
                .containsEntry("STONKS_RISK_URL", "http://127.0.0.1:6003");
        assertThat(new StonksTarget().services()).containsExactly("query-api", "registry", "risk", "trading");
    }
}
