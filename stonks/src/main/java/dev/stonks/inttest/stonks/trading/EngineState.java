package dev.stonks.inttest.stonks.trading;

import java.util.Map;

/**
 * The trading engine's live state, a Redis hash: {@code mode} (paper|live), {@code kill_switch} (true|false),
 * {@code state} (idle|running|halted), {@code updated_at} (ISO-8601).
 */
public record EngineState(String mode, boolean killSwitch, String state, String updatedAt) {

    public static final String MODE = "mode";
    public static final String KILL_SWITCH = "kill_switch";
    public static final String STATE = "state";
    public static final String UPDATED_AT = "updated_at";

    static EngineState fromHash(Map<String, String> hash) {
        return new EngineState(hash.getOrDefault(MODE, "paper"), Boolean.parseBoolean(hash.get(KILL_SWITCH)),
                hash.getOrDefault(STATE, "idle"), hash.get(UPDATED_AT));
    }
}
