package dev.stonks.inttest.stonks.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** A request that cannot be answered normally; becomes a {@link Problem} with its status. */
public class ApiException extends RuntimeException {

    private final Status status;

    public ApiException(Status status, String detail) {
        super(detail);
        this.status = status;
    }

    public ApiException(Status status, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Status.NOT_FOUND, detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(Status.BAD_REQUEST, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Status.CONFLICT, detail);
    }

    public static ApiException unavailable(String detail, Throwable cause) {
        return new ApiException(Status.SERVICE_UNAVAILABLE, detail, cause);
    }

    public Status status() {
        return status;
    }

    public Response toResponse() {
        return Problem.of(status, getMessage()).toResponse();
    }
}
