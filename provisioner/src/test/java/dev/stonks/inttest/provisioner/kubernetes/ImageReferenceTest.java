package dev.stonks.inttest.provisioner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void splitsRepositoryTagAndDigest() {
        assertThat(ImageReference.parse("ghcr.io/stonks/stonks:latest"))
                .isEqualTo(new ImageReference("ghcr.io/stonks/stonks", "latest", null));
        assertThat(ImageReference.parse("localhost:5000/stonks")).isEqualTo(new ImageReference("localhost:5000/stonks",
                null, null));
        assertThat(ImageReference.parse("r.io/s@sha256:abc")).isEqualTo(new ImageReference("r.io/s", null,
                "sha256:abc"));
    }

    @Test
    void withTagReplacesTheTagAndDropsADigest() {
        assertThat(ImageReference.parse("localhost:5000/stonks:1@sha256:abc").withTag("abc123"))
                .hasToString("localhost:5000/stonks:abc123");
        assertThatThrownBy(() -> ImageReference.parse("r.io/s:1").withTag("a b"))
                .hasMessageContaining("not a valid OCI tag");
    }
}
