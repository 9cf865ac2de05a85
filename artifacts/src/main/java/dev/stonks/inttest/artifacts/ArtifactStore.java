package dev.stonks.inttest.artifacts;

import dev.stonks.inttest.events.Names;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runs' artifacts in an S3 store (s3proxy locally, any S3 API in a cluster) through the MinIO SDK, path-style.
 * Each run's artifacts are the objects {@code runs/<run id>/<name>} of one bucket, which the first write creates
 * when it is missing (so a service can start before the store). Thread-safe; close it, or the SDK's HTTP client
 * keeps the JVM alive for about a minute.
 *
 * <p>Every failure is an {@link ArtifactStoreException} naming the endpoint, the bucket, the key and what the store
 * answered. A run or an object that is not there is no failure: {@link #get} is empty, {@link #list} is empty.
 */
public final class ArtifactStore implements AutoCloseable {
    public static final String DEFAULT_BUCKET = "inttest-artifacts";
    public static final String DEFAULT_REGION = "us-east-1";
    /** What an artifact may be called: lower case, digits, {@code . _ -}; no path. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(60);
    /** S3's rule for bucket names (simplified: no IP-address check). */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern CHARSET = Pattern.compile("(?i)(;\\s*charset=\"?)([^;\"\\s]+)");
    private static final Set<String> ABSENT = Set.of("NoSuchKey", "NoSuchBucket", "NoSuchObject");
    private static final Set<String> BAD_CREDENTIALS =
            Set.of("AccessDenied", "SignatureDoesNotMatch", "InvalidAccessKeyId", "InvalidSecurity");

    private final MinioClient client;
    private final String endpoint;
    private final String bucket;
    private volatile boolean bucketReady;

    private ArtifactStore(MinioClient client, String endpoint, String bucket) {
        this.client = client;
        this.endpoint = endpoint;
        this.bucket = bucket;
    }

    public static ArtifactStore create(ArtifactsConfig config) {
        return create(config.endpoint(), config.accessKey(), config.secretKey(), config.bucket(), config.region());
    }

    /** A store client; nothing is sent before the first call. */
    public static ArtifactStore create(String endpoint, String accessKey, String secretKey, String bucket,
            String region) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("artifact store " + endpoint
                    + ": the access key and the secret key must be set (ARTIFACTS_ACCESS_KEY, ARTIFACTS_SECRET_KEY)");
        }
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("artifact store " + endpoint + ": '" + bucket
                    + "' is not a bucket name (3-63 of a-z 0-9 . -, starting and ending with a letter or digit)");
        }
        MinioClient client;
        try {
            client = MinioClient.builder()
                    .endpoint(endpoint)
                    .credentials(accessKey, secretKey)
                    .region(region == null || region.isBlank() ? DEFAULT_REGION : region)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("artifact store endpoint '" + endpoint + "' is not an http(s) URL: "
                    + e.getMessage(), e);
        }
        client.setTimeout(CONNECT_TIMEOUT.toMillis(), TRANSFER_TIMEOUT.toMillis(), TRANSFER_TIMEOUT.toMillis());
        return new ArtifactStore(client, endpoint, bucket);
    }

    /**
     * Stores {@code content} as the run's artifact {@code name}, replacing what was there (a stage done again
     * writes the same name again).
     *
     * @param contentType null: {@code application/octet-stream}; a charset is sent in upper case
     */
    public ArtifactRef put(String runId, String name, byte[] content, String contentType) {
        String key = key(runId, name);
        Objects.requireNonNull(content, "content");
        String type = contentType(contentType);
        try {
            ensureBucket(key);
            try {
                write(key, content, type);
            } catch (ErrorResponseException e) {
                if (!"NoSuchBucket".equals(e.errorResponse().code())) {
                    throw e;
                }
                // removed behind our back since we made it: once more
                bucketReady = false;
                ensureBucket(key);
                write(key, content, type);
            }
        } catch (ArtifactStoreException e) {
            throw e;
        } catch (Exception e) {
            throw failure("put", key, e);
        }
        return new ArtifactRef(name, key, type, content.length);
    }

    /** The run's artifact {@code name} with its content; empty when there is none (or no bucket yet). */
    public Optional<Artifact> get(String runId, String name) {
        String key = key(runId, name);
        try (GetObjectResponse response = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            byte[] content = response.readAllBytes();
            String type = response.headers().get("Content-Type");
            return Optional.of(new Artifact(new ArtifactRef(name, key, type == null ? DEFAULT_CONTENT_TYPE : type,
                    content.length), content));
        } catch (ErrorResponseException e) {
            if (ABSENT.contains(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw failure("get", key, e);
        } catch (Exception e) {
            throw failure("get", key, e);
        }
    }

    /** The run's artifacts by name; empty when it has none (or there is no bucket yet). */
    public List<ArtifactRef> list(String runId) {
        String prefix = prefix(runId);
        List<ArtifactRef> refs = new ArrayList<>();
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                    .recursive(true).build())) {
                Item item = result.get();
                String name = item.objectName().substring(prefix.length());
                if (item.isDir() || !NAME.matcher(name).matches()) {
                    continue; // not written through this class
                }
                // the listing carries no content type
                StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket)
                        .object(item.objectName()).build());
                String type = stat.contentType();
                refs.add(new ArtifactRef(name, item.objectName(), type == null ? DEFAULT_CONTENT_TYPE : type,
                        stat.size()));
            }
        } catch (ErrorResponseException e) {
            if ("NoSuchBucket".equals(e.errorResponse().code())) {
                return List.of();
            }
            throw failure("list", prefix, e);
        } catch (Exception e) {
            throw failure("list", prefix, e);
        }
        refs.sort(Comparator.comparing(ArtifactRef::name));
        return List.copyOf(refs);
    }

    /**
     * The content type as sent: the charset's name in upper case ({@code text/html; charset=UTF-8}). s3proxy (its
     * Jetty) answers SignatureDoesNotMatch to a lower-case {@code charset=utf-8}, since it reads the header
     * rewritten; charset names are case-insensitive, so this changes nothing for a reader.
     */
    static String contentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return DEFAULT_CONTENT_TYPE;
        }
        return CHARSET.matcher(contentType.strip())
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2).toUpperCase(Locale.ROOT)));
    }

    /** {@code runs/<run id>/<name>}, after checking both. */
    public static String key(String runId, String name) {
        return prefix(runId) + requireName(name);
    }

    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not an artifact name ([a-z0-9][a-z0-9._-]{0,99})");
        }
        return name;
    }

    static String prefix(String runId) {
        return "runs/" + Names.requireRunId(runId) + "/";
    }

    public String endpoint() {
        return endpoint;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new ArtifactStoreException("artifact store " + endpoint + ": cannot close the client: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "ArtifactStore[" + endpoint + ", bucket " + bucket + "]";
    }

    private void write(String key, byte[] content, String type) throws Exception {
        client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1).contentType(type).build());
    }

    private void ensureBucket(String forKey) {
        if (bucketReady) {
            return;
        }
        synchronized (this) {
            if (bucketReady) {
                return;
            }
            try {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                }
            } catch (ErrorResponseException e) {
                String code = e.errorResponse().code();
                if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                    throw failure("create the bucket to put", forKey, e);
                }
            } catch (Exception e) {
                throw failure("create the bucket to put", forKey, e);
            }
            bucketReady = true;
        }
    }

    private ArtifactStoreException failure(String what, String key, Exception cause) {
        return new ArtifactStoreException("artifact store " + endpoint + ", bucket " + bucket + ": cannot " + what
                + (key == null ? "" : " " + key) + ": " + describe(cause), cause);
    }

    /** What the store answered, or why it could not be reached, in one line. */
    static String describe(Exception e) {
        if (e instanceof ErrorResponseException r) {
            String code = r.errorResponse().code();
            String message = r.errorResponse().message();
            String answer = code + (message == null || message.isBlank() ? "" : " (" + message + ")")
                    + (r.response() == null ? "" : ", HTTP " + r.response().code());
            return BAD_CREDENTIALS.contains(code)
                    ? answer + "; check ARTIFACTS_ACCESS_KEY and ARTIFACTS_SECRET_KEY"
                    : answer;
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
