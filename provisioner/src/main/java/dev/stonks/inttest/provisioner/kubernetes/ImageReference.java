package dev.stonks.inttest.provisioner.kubernetes;

import dev.stonks.inttest.events.Names;

/**
 * An image reference split structurally: {@code registry/path/name[:tag][@digest]}. Only the repository part is
 * compared, and the tag is replaced as a field of this record, never by editing text.
 */
public record ImageReference(String repository, String tag, String digest) {

    public static ImageReference parse(String image) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("empty image reference");
        }
        String rest = image;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(rest, tag, digest);
    }

    /** The same repository at {@code tag} (validated), without a digest that would pin the old image. */
    public ImageReference withTag(String tag) {
        return new ImageReference(repository, Names.requireImageTag(tag), null);
    }

    @Override
    public String toString() {
        return repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
