package dev.stonks.inttest.localstack.sandbox;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Infrastructure (PostgreSQL, Redis, object store) or a service under test. */
public enum ComponentKind {
    INFRA, SERVICE;

    @JsonValue
    public String id() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static ComponentKind fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown component kind '" + id + "'"));
    }
}
