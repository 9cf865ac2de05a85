package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3ServerIT {

    @TempDir
    Path tmp;

    @Test
    void realS3StoreServesBucketsAndObjectsToMinio() throws Exception {
        long begin = System.nanoTime();
        S3Instance s3 = S3Server.start(S3Config.of(tmp.resolve("s3"), "inttest-access", "inttest-secret-key"));
        try {
            System.out.printf("s3proxy started in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            assertThat(s3.endpoint().toString()).isEqualTo("http://127.0.0.1:" + s3.port());
            byte[] body = "{\"run\":42,\"verdict\":\"pass\"}".getBytes(StandardCharsets.UTF_8);
            try (MinioClient minio = MinioClient.builder().endpoint(s3.endpoint().toString())
                    .credentials(s3.accessKey(), s3.secretKey()).region("us-east-1").build()) {
                minio.makeBucket(MakeBucketArgs.builder().bucket("reports").build());
                assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket("reports").build())).isTrue();
                minio.putObject(PutObjectArgs.builder().bucket("reports").object("runs/42/result.json")
                        .stream(new ByteArrayInputStream(body), body.length, -1).contentType("application/json").build());
                try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket("reports")
                        .object("runs/42/result.json").build())) {
                    assertThat(in.readAllBytes()).isEqualTo(body);
                }
                List<String> names = new ArrayList<>();
                for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder().bucket("reports")
                        .prefix("runs/").recursive(true).build())) {
                    names.add(item.get().objectName());
                }
                assertThat(names).containsExactly("runs/42/result.json");
            }
            try (MinioClient wrong = MinioClient.builder().endpoint(s3.endpoint().toString())
                    .credentials(s3.accessKey(), "not-the-secret").region("us-east-1").build()) {
                assertThatThrownBy(() -> wrong.bucketExists(BucketExistsArgs.builder().bucket("reports").build()))
                        .isInstanceOf(ErrorResponseException.class);
            }
            assertThat(s3.dataDir().resolve("reports")).isDirectory();
            assertThat(s3.logFile()).content().doesNotContain("DEBUG");
        } finally {
            assertThat(S3Server.stop(s3.pid())).isTrue();
        }
        assertThat(ProcessControl.isAlive(s3.pid())).isFalse();
        // Not FreePorts.isFree: s3proxy's listener has no SO_REUSEADDR, so the connection it closed itself
        // (the 403 above) keeps the port in TIME_WAIT for a minute although nothing listens any more.
        assertThat(FreePorts.isListening(s3.port())).as(() -> Sockets.on(s3.port())).isFalse();
    }
}
