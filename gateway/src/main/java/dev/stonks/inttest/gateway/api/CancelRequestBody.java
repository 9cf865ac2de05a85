package dev.stonks.inttest.gateway.api;

/** {@code POST /api/runs/{run_id}/cancel}: an optional reason; the body may be empty. */
public record CancelRequestBody(String reason) {
    static final CancelRequestBody NONE = new CancelRequestBody(null);
}
