package dev.stonks.inttest.provisioner.kubernetes;

import dev.stonks.inttest.events.Names;
import java.util.function.UnaryOperator;

/**
 * The placeholders a manifest may hold, each with the validation its value must pass before it is put in. They are
 * replaced in the parsed tree's string values ({@link ManifestTemplate}), never in the text, so a value can neither
 * add YAML nor escape its field.
 */
public enum Placeholder {
    /** The sandbox namespace: a DNS-1123 label starting with {@code stonks-inttest-}. */
    NAMESPACE(Names::requireNamespace),
    /** The image tag under test (OCI tag grammar); used by runner.yaml only; services get it on the image field. */
    IMAGE_TAG(Names::requireImageTag);

    private final UnaryOperator<String> validation;

    Placeholder(UnaryOperator<String> validation) {
        this.validation = validation;
    }

    /** {@code ${NAME}} as written in a manifest. */
    public String token() {
        return "${" + name() + "}";
    }

    /** The value, once it passed this placeholder's validation; throws {@link IllegalArgumentException} otherwise. */
    public String validated(String value) {
        return validation.apply(value);
    }
}
