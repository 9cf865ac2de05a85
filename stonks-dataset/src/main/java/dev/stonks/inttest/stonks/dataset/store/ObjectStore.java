package dev.stonks.inttest.stonks.dataset.store;

import java.util.Optional;

/**
 * The little the dataset needs from an S3-compatible object store. Implementations are thread-safe; failures
 * are {@link ObjectStoreException}s.
 */
public interface ObjectStore extends AutoCloseable {

    /** Creates the bucket unless it exists (safe to call concurrently and repeatedly). */
    void ensureBucket(String bucket);

    /** Writes (or overwrites) an object. */
    void put(String bucket, String key, byte[] bytes, String contentType);

    /** Reads an object, empty if it does not exist. */
    Optional<byte[]> get(String bucket, String key);

    @Override
    default void close() {
    }
}
