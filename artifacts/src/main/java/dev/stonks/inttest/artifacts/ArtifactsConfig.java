package dev.stonks.inttest.artifacts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the artifact store is (env {@code ARTIFACTS_ENDPOINT}, {@code ARTIFACTS_ACCESS_KEY},
 * {@code ARTIFACTS_SECRET_KEY}, {@code ARTIFACTS_BUCKET}, {@code ARTIFACTS_REGION}).
 */
@ConfigMapping(prefix = "artifacts")
public interface ArtifactsConfig {
    /** The S3 API's base URL, e.g. {@code http://127.0.0.1:9000}; requests are path-style. */
    String endpoint();

    String accessKey();

    String secretKey();

    /** Created on the first write when missing. */
    @WithDefault(ArtifactStore.DEFAULT_BUCKET)
    String bucket();

    /** Sent with every request, so the SDK never asks the store for the bucket's location. */
    @WithDefault(ArtifactStore.DEFAULT_REGION)
    String region();
}
