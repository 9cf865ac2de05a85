package dev.stonks.inttest.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

public enum StageStatus {
    OK, FAILED, SKIPPED;

    @JsonValue
    public String id() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static StageStatus fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stage status '" + id + "'"));
    }
}
