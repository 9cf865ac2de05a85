package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.output.SqlProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;

/**
 * The statements the services under test spent most time in, from {@code pg_stat_statements} of the sandbox
 * database (the seeder resets it after seeding, so what it counts is the services' work; see {@link StatStatements}
 * for what is left out): the top ones by total execution time, a statement slow when its mean exceeds the threshold.
 */
@ApplicationScoped
public class SlowSqlReader {
    /** Longest query text reported; longer ones are cut. */
    static final int MAX_QUERY_CHARS = 300;

    /** @param top how many statements to report; @param slowMeanMs a statement with a higher mean is slow */
    public record Settings(int top, double slowMeanMs) {
        static Settings of(ProfilerConfig config) {
            return new Settings(config.sqlTop(), config.slowSqlMs());
        }
    }

    private final Settings settings;

    @Inject
    public SlowSqlReader(ProfilerConfig config) {
        this(Settings.of(config));
    }

    SlowSqlReader(Settings settings) {
        this.settings = settings;
    }

    SqlReading read(StatStatements database) {
        if (database.unavailable() != null) {
            return SqlReading.unavailable(database.unavailable());
        }
        try {
            return SqlReading.of(new SqlProfile(database.top(settings.top(), settings.slowMeanMs()),
                    settings.slowMeanMs()));
        } catch (SQLException e) {
            return SqlReading.unavailable(database.cannotRead(e));
        }
    }

    /** Whitespace collapsed to single spaces, cut to {@value #MAX_QUERY_CHARS} characters. */
    static String readable(String query) {
        String oneLine = query == null ? "" : query.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_QUERY_CHARS ? oneLine : oneLine.substring(0, MAX_QUERY_CHARS - 3) + "...";
    }
}
