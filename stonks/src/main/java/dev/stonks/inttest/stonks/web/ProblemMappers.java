package dev.stonks.inttest.stonks.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves as a {@link Problem}; bad input is a 4xx, never a 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final java.util.Set<String> UNAVAILABLE_TYPES = java.util.Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.http.ConnectionPoolTooBusyException",
            "io.vertx.core.net.ConnectTimeoutException",
            "io.netty.channel.ConnectTimeoutException",
            "io.netty.channel.AbstractChannel$AnnotatedConnectException");

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request) {
        if (e.status().getFamily() == Status.Family.SERVER_ERROR) {
            // a dependency being away is an expected condition: one line, no stack trace
            LOG.warnf("%s %s: %d %s", request.method(), request.path(), e.status().getStatusCode(), e.getMessage());
        }
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int code = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (code == 400) {
            // Quarkus REST wraps some body-reading failures (e.g. a truncated body) in a bare 400: say what it was
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof JsonProcessingException json) {
                    return badJson(json);
                }
            }
        }
        Response.StatusType status = Status.fromStatusCode(code);
        if (status == null) {
            status = Status.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (code) {
            case 404 -> "no resource at " + request.method() + " " + request.path();
            case 405 -> "method " + request.method() + " is not allowed on " + request.path();
            case 406 -> "cannot produce the requested media type for " + request.path();
            case 415 -> "unsupported content type for " + request.method() + " " + request.path();
            default -> e.getMessage();
        };
        if (code >= 500) {
            LOG.errorf(e, "%s %s failed", request.method(), request.path());
        }
        return Problem.of(status, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return badJson(e);
    }

    // Quarkus REST has its own mappers for these subclasses; ours answer with a problem body instead.
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response unrecognized(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response mapping(com.fasterxml.jackson.databind.JsonMappingException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response parse(com.fasterxml.jackson.core.JsonParseException e) {
        return badJson(e);
    }

    private static Response badJson(JsonProcessingException e) {
        String where = "";
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where = " at '" + mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining(".")) + "'";
        }
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        Throwable root = e.getCause();
        if (root instanceof ApiException api) {
            message = api.getMessage();
        } else if (root instanceof IllegalArgumentException illegal && illegal.getMessage() != null) {
            message = illegal.getMessage();
        }
        int newline = message.indexOf('\n');
        return Problem.of(Status.BAD_REQUEST, "malformed JSON body" + where + ": "
                + (newline < 0 ? message : message.substring(0, newline))).toResponse();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        java.util.Optional<ApiException> data = dev.stonks.inttest.stonks.db.SqlErrors.asProblem(e);
        if (data.isPresent()) {
            return data.get().toResponse();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api(api, request);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (isUnavailable(e)) {
            LOG.warnf("%s %s: dependency unavailable: %s", request.method(), request.path(), e.toString());
            return Problem.of(Status.SERVICE_UNAVAILABLE, "a dependency of the service is unavailable: "
                    + e.getMessage()).toResponse();
        }
        LOG.errorf(e, "%s %s failed", request.method(), request.path());
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "unexpected error, see the service log").toResponse();
    }

    /** Connection refused, timeouts and closed connections: the database or store is away, not a bug. */
    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || UNAVAILABLE_TYPES.contains(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
