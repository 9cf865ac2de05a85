package dev.stonks.inttest.provisioner.local;

import dev.stonks.inttest.provisioner.config.ProvisionerConfig;
import dev.stonks.inttest.provisioner.target.StonksTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

@ApplicationScoped
public class LocalBackendProducer {
    private static final Logger LOG = Logger.getLogger(LocalBackendProducer.class);

    @Produces
    @Singleton
    LocalBackend localBackend(ProvisionerConfig config, StonksTarget target) {
        LocalBackend backend = new LocalBackend(LocalSettings.from(config), target, Clock.systemUTC());
        LOG.infof("local backend: sandboxes in %s, builds of image tags in %s", backend.settings().sandboxRoot(),
                backend.settings().buildsDir());
        return backend;
    }

    void close(@Disposes LocalBackend backend) {
        backend.close();
    }
}
