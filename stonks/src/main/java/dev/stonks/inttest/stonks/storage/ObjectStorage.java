package dev.stonks.inttest.stonks.storage;

import dev.stonks.inttest.stonks.config.StonksConfig;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The object store (MinIO SDK, path-style) holding document texts. The SDK blocks, so every call runs on the
 * worker pool. Building the client does no I/O: a slow or absent store never delays start-up, it shows in
 * readiness and in the calls that need it.
 */
@ApplicationScoped
public class ObjectStorage {

    private static final Logger LOG = Logger.getLogger(ObjectStorage.class);

    private final StonksConfig.S3 config;
    private final MinioClient client;

    public ObjectStorage(StonksConfig config) {
        this.config = config.s3();
        this.client = MinioClient.builder()
                .endpoint(this.config.endpoint())
                .credentials(this.config.accessKey(), this.config.secretKey())
                .region(this.config.region())
                .build();
        long connect = this.config.connectTimeout().toMillis();
        long read = this.config.readTimeout().toMillis();
        this.client.setTimeout(connect, read, read);
    }

    public String bucket() {
        return config.bucket();
    }

    public String endpoint() {
        return config.endpoint();
    }

    /** An object of the bucket, empty if there is no such key. */
    public Uni<Optional<byte[]>> get(String key) {
        return Uni.createFrom().item(() -> {
            try (GetObjectResponse response = client.getObject(
                    GetObjectArgs.builder().bucket(config.bucket()).object(key).build())) {
                return Optional.of(response.readAllBytes());
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code())) {
                    return Optional.<byte[]>empty();
                }
                throw new ObjectStoreUnavailableException("object store " + config.endpoint() + ": get "
                        + config.bucket() + "/" + key + ": " + e.errorResponse().code(), e);
            } catch (Exception e) {
                throw new ObjectStoreUnavailableException("object store " + config.endpoint() + ": get "
                        + config.bucket() + "/" + key + ": " + e, e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Succeeds when the store answers and the bucket exists. */
    public Uni<Void> checkBucket() {
        return Uni.createFrom().<Void>item(() -> {
            boolean exists;
            try {
                exists = client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build());
            } catch (Exception e) {
                throw new ObjectStoreUnavailableException("object store " + config.endpoint() + " unreachable: " + e,
                        e);
            }
            if (!exists) {
                throw new ObjectStoreUnavailableException("bucket " + config.bucket() + " does not exist at "
                        + config.endpoint(), null);
            }
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @PreDestroy
    void close() {
        try {
            client.close();
        } catch (Exception e) {
            LOG.debugf("closing the object store client: %s", e);
        }
    }

    /** The store could not be reached or refused the request. */
    public static class ObjectStoreUnavailableException extends RuntimeException {

        public ObjectStoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
