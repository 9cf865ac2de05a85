package dev.stonks.inttest.artifacts;

import java.util.Objects;

/**
 * An artifact of a run as it is in the store.
 *
 * @param name        {@code junit.xml}, {@code results.json} ...
 * @param key         its object key, {@code runs/<run id>/<name>}
 * @param contentType as stored
 * @param size        in bytes
 */
public record ArtifactRef(String name, String key, String contentType, long size) {

    public ArtifactRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
    }
}
