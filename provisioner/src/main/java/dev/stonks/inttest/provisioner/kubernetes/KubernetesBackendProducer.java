package dev.stonks.inttest.provisioner.kubernetes;

import dev.stonks.inttest.provisioner.config.ProvisionerConfig;
import dev.stonks.inttest.provisioner.target.StonksTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The kubernetes backend, made only when a run asks for it and {@code provisioner.backends} lists it. The client is
 * Quarkus' (quarkus-kubernetes-client): the pod's service account in a cluster, else the kubeconfig
 * ({@code KUBECONFIG}, {@code ~/.kube/config}) and its current context, else {@code quarkus.kubernetes-client.*}.
 */
@ApplicationScoped
public class KubernetesBackendProducer {
    private static final Logger LOG = Logger.getLogger(KubernetesBackendProducer.class);

    @Produces
    @Singleton
    KubernetesBackend kubernetesBackend(ProvisionerConfig config, StonksTarget target, KubernetesClient client) {
        KubernetesBackend backend = new KubernetesBackend(client, KubernetesSettings.from(config), target,
                Clock.systemUTC());
        LOG.infof("kubernetes backend: API server %s, manifests in %s, image %s", client.getMasterUrl(),
                backend.settings().manifestsDir(), backend.settings().imageRepository());
        return backend;
    }
}
