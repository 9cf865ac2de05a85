package dev.stonks.inttest.events;

import java.util.regex.Pattern;

/** Validation of the names that cross process boundaries: run ids, namespaces and image tags. */
public final class Names {
    /** Prefix every namespace of the pipeline carries; a user-given namespace must start with it. */
    public static final String NAMESPACE_PREFIX = "stonks-inttest-";
    public static final int MAX_LABEL_LENGTH = 63;
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern OCI_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private Names() {
    }

    public static String requireRunId(String runId) {
        requireDnsLabel("run id", runId);
        return runId;
    }

    public static String requireNamespace(String namespace) {
        requireDnsLabel("namespace", namespace);
        if (!namespace.startsWith(NAMESPACE_PREFIX)) {
            throw new IllegalArgumentException(
                    "namespace '" + namespace + "' must start with '" + NAMESPACE_PREFIX + "'");
        }
        return namespace;
    }

    public static String requireImageTag(String tag) {
        if (tag == null || !OCI_TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("image tag '" + tag
                    + "' is not a valid OCI tag ([A-Za-z0-9_][A-Za-z0-9._-]{0,127})");
        }
        return tag;
    }

    public static boolean isDnsLabel(String value) {
        return value != null && value.length() <= MAX_LABEL_LENGTH && DNS_1123_LABEL.matcher(value).matches();
    }

    private static void requireDnsLabel(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException(what + " '" + value + "' is longer than " + MAX_LABEL_LENGTH
                    + " characters");
        }
        if (!DNS_1123_LABEL.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending alphanumeric)");
        }
    }
}
