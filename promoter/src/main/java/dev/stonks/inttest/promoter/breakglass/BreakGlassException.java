package dev.stonks.inttest.promoter.breakglass;

/** A well-formed break-glass request that cannot be done: unknown (404), not allowed (403), conflicting (409). */
public class BreakGlassException extends RuntimeException {
    private final int status;

    public BreakGlassException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
