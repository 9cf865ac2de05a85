package dev.stonks.inttest.artifacts;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's one {@link ArtifactStore}, from {@link ArtifactsConfig}; closed when the application stops. */
@Singleton
public class ArtifactStoreProducer {

    @Produces
    @Singleton
    ArtifactStore artifactStore(ArtifactsConfig config) {
        return ArtifactStore.create(config);
    }

    void close(@Disposes ArtifactStore store) {
        store.close();
    }
}
