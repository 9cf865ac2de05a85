package dev.stonks.inttest.sandboxaccess;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.StageFailedException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The kubernetes backend keeps a sandbox's credentials in the Secret {@value #SECRET} of its namespace (made by the
 * provisioner; key names as in infra/inttest/*.yaml and the provisioner's {@code SandboxSecret}). Stages run in
 * the cluster and connects to the in-cluster DNS names the provisioner put in the run's context.
 */
@ApplicationScoped
public class KubernetesSandboxAccess implements SandboxAccessResolver {
    static final String SECRET = "sandbox-credentials";
    static final String POSTGRES_USERNAME = "postgres-username";
    static final String POSTGRES_PASSWORD = "postgres-password";
    static final String S3_ACCESS_KEY = "s3-access-key";
    static final String S3_SECRET_KEY = "s3-secret-key";

    private final Supplier<KubernetesClient> client;

    /** The client is made on first use, so a service that only sees local runs never opens one. */
    @Inject
    public KubernetesSandboxAccess(Instance<KubernetesClient> client) {
        this((Supplier<KubernetesClient>) client::get);
    }

    KubernetesSandboxAccess(Supplier<KubernetesClient> client) {
        this.client = client;
    }

    @Override
    public SandboxAccess resolve(RunContext context) {
        String ns = context.namespace();
        String postgres = context.infra().get("postgres");
        String s3 = context.infra().get("s3");
        if (postgres == null || s3 == null) {
            throw new StageFailedException("sandbox_unavailable", "the run's context has no postgres or s3 endpoint "
                    + "for namespace " + ns + ": " + context.infra());
        }
        Secret secret;
        try {
            secret = client.get().secrets().inNamespace(ns).withName(SECRET).get();
        } catch (KubernetesClientException e) {
            throw new StageFailedException("sandbox_unavailable", "cannot read secret " + ns + "/" + SECRET + ": "
                    + e.getMessage(), e);
        }
        if (secret == null) {
            throw new StageFailedException("sandbox_unavailable", "namespace " + ns + " has no secret " + SECRET);
        }
        return new SandboxAccess("jdbc:" + postgres, value(secret, POSTGRES_USERNAME), value(secret,
                POSTGRES_PASSWORD), s3, value(secret, S3_ACCESS_KEY), value(secret, S3_SECRET_KEY));
    }

    private static String value(Secret secret, String key) {
        Map<String, String> data = secret.getData();
        if (data != null && data.get(key) != null) {
            return new String(Base64.getDecoder().decode(data.get(key)), StandardCharsets.UTF_8);
        }
        Map<String, String> plain = secret.getStringData();
        if (plain != null && plain.get(key) != null) {
            return plain.get(key);
        }
        throw new StageFailedException("sandbox_unavailable", "secret " + secret.getMetadata().getNamespace() + "/"
                + SECRET + " has no " + key);
    }
}
