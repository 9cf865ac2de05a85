package dev.stonks.inttest.stonks.db;

import dev.stonks.inttest.stonks.web.ApiException;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response.Status;
import java.util.Optional;

/**
 * PostgreSQL errors caused by the request's data, as problems: a unique violation is a 409, a foreign-key
 * violation a 409 (something still refers to the row, or the row refers to something gone), a check violation or
 * a value the column cannot hold a 400. Anything else is not the caller's fault and stays an error.
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** The PostgreSQL error anywhere in the cause chain (the reactive client's, or wrapped by Hibernate). */
    public static Optional<PgException> find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                return Optional.of(pg);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The problem for a data error, empty when the error is not about the request's data. */
    public static Optional<ApiException> asProblem(Throwable error) {
        return find(error).flatMap(pg -> {
            String state = pg.getSqlState() == null ? "" : pg.getSqlState();
            String constraint = pg.getConstraint() == null ? "" : " (" + pg.getConstraint() + ")";
            String detail = pg.getDetail() == null ? pg.getErrorMessage() : pg.getDetail();
            return switch (state) {
                case "23505" -> Optional.of(new ApiException(Status.CONFLICT, "already exists" + constraint + ": "
                        + detail));
                case "23503" -> Optional.of(new ApiException(Status.CONFLICT, "still referenced or referring to a "
                        + "missing row" + constraint + ": " + detail));
                case "23514", "23502", "22001", "22003", "22P02", "22007", "22008" ->
                        Optional.of(new ApiException(Status.BAD_REQUEST, "value rejected by the database" + constraint
                                + ": " + pg.getErrorMessage()));
                default -> Optional.empty();
            };
        });
    }
}
