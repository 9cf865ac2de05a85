package dev.stonks.inttest.events.output;

import java.util.List;

/**
 * The statements the services under test spent most time in, and the slow ones.
 *
 * @param statements the top statements by total time, most first
 * @param slowMeanMs a statement whose mean time exceeds this is slow
 */
public record SqlProfile(List<SqlStatement> statements, double slowMeanMs) {

    public SqlProfile {
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    public List<SqlStatement> slow() {
        return statements.stream().filter(SqlStatement::slow).toList();
    }
}
