package dev.stonks.inttest.stonks.dataset.testing;

import dev.stonks.inttest.stonks.dataset.store.MinioObjectStore;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/** A real S3 endpoint (s3proxy in-process over jclouds' transient, in-memory blob store) on a free port. */
public final class TestS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "stonks-access";
    public static final String SECRET_KEY = "stonks-secret-key";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final int port;

    private TestS3(S3Proxy proxy, BlobStoreContext context, int port) {
        this.proxy = proxy;
        this.context = context;
        this.port = port;
    }

    public static TestS3 start() {
        int port = FreePorts.find();
        Properties overrides = new Properties();
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(overrides)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("cannot start s3proxy on port " + port + ": " + e.getMessage(), e);
        }
        return new TestS3(proxy, context, port);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A store client for this endpoint; the caller closes it. */
    public MinioObjectStore store() {
        return MinioObjectStore.create(endpoint(), ACCESS_KEY, SECRET_KEY);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop s3proxy", e);
        } finally {
            context.close();
        }
    }
}
