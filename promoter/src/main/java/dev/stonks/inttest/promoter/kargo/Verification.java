package dev.stonks.inttest.promoter.kargo;

/** Where a Freight's verification in a Stage stands. */
public record Verification(Outcome outcome, String message) {
    public enum Outcome {
        /** Freight {@code status.verifiedIn} names the Stage. */
        VERIFIED,
        /** The Stage's latest verification of this Freight ended Failed, Error, Aborted or Inconclusive. */
        FAILED,
        /** Neither yet. */
        PENDING
    }

    public static Verification verified() {
        return new Verification(Outcome.VERIFIED, null);
    }

    public static Verification pending() {
        return new Verification(Outcome.PENDING, null);
    }
}
