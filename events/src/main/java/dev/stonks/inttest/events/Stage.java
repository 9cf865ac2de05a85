package dev.stonks.inttest.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The stages of a run, in chain order. */
public enum Stage {
    INFRA_DEPLOY, SEED_DATA, SERVICE_DEPLOY, INTEGRATION_TESTS, PROFILING, TEARDOWN;

    @JsonValue
    public String id() {
        return name().toLowerCase();
    }

    /** Stages whose failure is an infrastructure failure (exit code 2). */
    public boolean isSetup() {
        return this == INFRA_DEPLOY || this == SEED_DATA || this == SERVICE_DEPLOY;
    }

    @JsonCreator
    public static Stage fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stage '" + id + "'"));
    }
}
