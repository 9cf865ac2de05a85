package dev.stonks.inttest.stonks.dataset;

/** {@code intelligence_records.kind}. */
public enum IntelligenceKind {
    SENTIMENT("sentiment"),
    GUIDANCE("guidance"),
    RISK("risk"),
    PRODUCT("product");

    private final String value;

    IntelligenceKind(String value) {
        this.value = value;
    }

    /** The value in the database and in JSON. */
    public String value() {
        return value;
    }

    public static IntelligenceKind fromValue(String value) {
        for (IntelligenceKind kind : values()) {
            if (kind.value.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown intelligence kind: " + value);
    }
}
