package dev.stonks.inttest.provisioner.local;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.net.URI;

/** Creates a bucket through the S3 API (path-style, as the sandbox's object store wants). */
final class Buckets {
    private static final String REGION = "us-east-1";

    private Buckets() {
    }

    static void ensure(URI endpoint, String accessKey, String secretKey, String bucket) {
        // closing the client stops its HTTP threads, which would otherwise linger for a minute
        try (MinioClient client = MinioClient.builder().endpoint(endpoint.toString())
                .credentials(accessKey, secretKey).region(REGION).build()) {
            client.setTimeout(5_000, 30_000, 30_000);
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create bucket " + bucket + " at " + endpoint + ": " + e, e);
        }
    }
}
