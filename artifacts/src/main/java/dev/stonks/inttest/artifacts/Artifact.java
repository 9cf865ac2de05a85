package dev.stonks.inttest.artifacts;

import java.util.Objects;

/** An artifact with its content. */
public record Artifact(ArtifactRef ref, byte[] content) {

    public Artifact {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "Artifact[" + ref + "]";
    }
}
