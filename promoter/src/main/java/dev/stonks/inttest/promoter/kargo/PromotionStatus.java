package dev.stonks.inttest.promoter.kargo;

import java.util.Set;

/**
 * A Promotion's {@code status.phase} (empty while Kargo has not picked it up) and {@code status.message}. Kargo's
 * phases: Pending, Running, Succeeded, Failed, Errored, Aborted.
 */
public record PromotionStatus(String phase, String message) {
    public static final String SUCCEEDED = "Succeeded";
    private static final Set<String> UNSUCCESSFUL = Set.of("Failed", "Errored", "Aborted");

    public boolean succeeded() {
        return SUCCEEDED.equals(phase);
    }

    /** Ended without success: the chain stops. */
    public boolean unsuccessful() {
        return UNSUCCESSFUL.contains(phase);
    }

    public String describe() {
        String p = phase == null || phase.isEmpty() ? "not yet picked up by Kargo" : phase;
        return message == null || message.isBlank() ? p : p + " (" + message + ")";
    }
}
