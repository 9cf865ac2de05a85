package dev.stonks.inttest.stonks.dataset;

/** {@code sources.kind}. */
public enum SourceKind {
    RSS("rss"),
    SEC_FILING("sec_filing"),
    NEWS_API("news_api"),
    EARNINGS_CALL("earnings_call");

    private final String value;

    SourceKind(String value) {
        this.value = value;
    }

    /** The value in the database and in JSON. */
    public String value() {
        return value;
    }

    public static SourceKind fromValue(String value) {
        for (SourceKind kind : values()) {
            if (kind.value.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown source kind: " + value);
    }
}
