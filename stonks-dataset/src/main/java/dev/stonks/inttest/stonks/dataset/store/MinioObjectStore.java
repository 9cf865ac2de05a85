package dev.stonks.inttest.stonks.dataset.store;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ObjectStore} over the MinIO Java SDK, for MinIO or any S3-compatible store (path-style requests).
 * Close it: the SDK's HTTP client otherwise keeps the JVM alive for about a minute.
 */
public final class MinioObjectStore implements ObjectStore {

    /** Region sent with every request, so the SDK never asks the server for one. */
    public static final String DEFAULT_REGION = "us-east-1";

    private final MinioClient client;
    private final String endpoint;

    private MinioObjectStore(MinioClient client, String endpoint) {
        this.client = client;
        this.endpoint = endpoint;
    }

    /**
     * A store at {@code endpoint} (e.g. {@code http://127.0.0.1:9000}) with short connect timeouts so an
     * unreachable store fails fast.
     */
    public static MinioObjectStore create(String endpoint, String accessKey, String secretKey) {
        return create(endpoint, accessKey, secretKey, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    public static MinioObjectStore create(String endpoint, String accessKey, String secretKey, Duration connectTimeout,
            Duration readWriteTimeout) {
        Objects.requireNonNull(endpoint, "endpoint");
        MinioClient client = MinioClient.builder()
                .endpoint(endpoint)
                .credentials(Objects.requireNonNull(accessKey, "accessKey"),
                        Objects.requireNonNull(secretKey, "secretKey"))
                .region(DEFAULT_REGION)
                .build();
        client.setTimeout(connectTimeout.toMillis(), readWriteTimeout.toMillis(), readWriteTimeout.toMillis());
        return new MinioObjectStore(client, endpoint);
    }

    /** The SDK client, for what this port does not cover. */
    public MinioClient client() {
        return client;
    }

    @Override
    public void ensureBucket(String bucket) {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                throw failure("create bucket " + bucket, e);
            }
        } catch (Exception e) {
            throw failure("create bucket " + bucket, e);
        }
    }

    @Override
    public void put(String bucket, String key, byte[] bytes, String contentType) {
        try {
            client.putObject(PutObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
                    .contentType(contentType)
                    .build());
        } catch (Exception e) {
            throw failure("put " + bucket + "/" + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        try (GetObjectResponse response = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return Optional.of(response.readAllBytes());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw failure("get " + bucket + "/" + key, e);
        } catch (Exception e) {
            throw failure("get " + bucket + "/" + key, e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw failure("close the client", e);
        }
    }

    private ObjectStoreException failure(String what, Exception cause) {
        return new ObjectStoreException("object store " + endpoint + ": cannot " + what + ": " + cause, cause);
    }

    @Override
    public String toString() {
        return "MinioObjectStore[" + endpoint + "]";
    }
}
