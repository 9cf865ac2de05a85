package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stonks.inttest.events.output.EndpointSql;
import dev.stonks.inttest.events.output.EndpointStatement;
import dev.stonks.inttest.events.output.NPlusOne;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointSqlWatchTest {
    private static final StatementSnapshot.Key LIST = new StatementSnapshot.Key(1, 10, 100);
    private static final StatementSnapshot.Key PER_ROW = new StatementSnapshot.Key(2, 10, 100);
    private static final StatementSnapshot.Key IDLE = new StatementSnapshot.Key(3, 10, 100);

    @Test
    void theDifferenceOfTwoSnapshotsIsWhatRanInBetweenStatementsThatDidNotRunLeftOut() {
        StatementSnapshot before = snapshot(Map.of(
                LIST, totals(40, 20.0, "SELECT id FROM companies"),
                IDLE, totals(7, 3.0, "SELECT 1")));
        StatementSnapshot after = snapshot(Map.of(
                LIST, totals(140, 70.0, "SELECT id FROM companies"),
                PER_ROW, totals(1200, 300.0, "SELECT count(*) FROM trades WHERE company_id = $1"),
                IDLE, totals(7, 3.0, "SELECT 1")));

        assertThat(after.since(before)).containsExactlyInAnyOrder(
                totals(100, 50.0, "SELECT id FROM companies"),
                totals(1200, 300.0, "SELECT count(*) FROM trades WHERE company_id = $1"));
    }

    @Test
    void countersThatWentDownCountFromZero() {
        // the statistics were reset between the snapshots
        StatementSnapshot before = snapshot(Map.of(LIST, totals(500, 90.0, "SELECT id FROM companies")));
        StatementSnapshot after = snapshot(Map.of(LIST, totals(30, 6.0, "SELECT id FROM companies")));

        assertThat(after.since(before)).containsExactly(totals(30, 6.0, "SELECT id FROM companies"));
    }

    @Test
    void perRequestAllStatementsTogetherAndTheTopFiveByCallsPerRequest() {
        List<StatementSnapshot.Totals> ran = List.of(
                totals(100, 10.0, "SELECT a"), totals(1200, 300.0, "SELECT b WHERE x = $1"),
                totals(200, 5.0, "SELECT c"), totals(100, 50.0, "SELECT d"), totals(50, 1.0, "SELECT e"),
                totals(300, 2.0, "SELECT f"));

        EndpointSql sql = EndpointSqlWatch.perRequest(ran, 100);

        assertThat(sql.requests()).isEqualTo(100);
        assertThat(sql.callsPerRequest()).isEqualTo(19.5);
        assertThat(sql.statements()).extracting(EndpointStatement::query)
                .containsExactly("SELECT b WHERE x = $1", "SELECT f", "SELECT c", "SELECT d", "SELECT a");
        assertThat(sql.statements().get(0)).isEqualTo(new EndpointStatement("SELECT b WHERE x = $1", 12.0, 300.0));
    }

    @Test
    void onlyStatementsMoreThanTheThresholdTimesPerRequestAreNPlusOne() {
        List<StatementSnapshot.Totals> ran = List.of(
                totals(500, 20.0, "SELECT exactly_five"), totals(501, 21.0, "SELECT just_over"),
                totals(1200, 300.0, "SELECT per_row"), totals(100, 1.0, "SELECT once"));

        List<NPlusOne> found = EndpointSqlWatch.nPlusOne("/api/companies", ran, 100, 5);

        assertThat(found).containsExactlyInAnyOrder(
                new NPlusOne("/api/companies", "SELECT just_over", 5.01, 21.0),
                new NPlusOne("/api/companies", "SELECT per_row", 12.0, 300.0));
    }

    @Test
    void noStatementsIsZeroPerRequest() {
        EndpointSql sql = EndpointSqlWatch.perRequest(List.of(), 20);

        assertThat(sql.callsPerRequest()).isZero();
        assertThat(sql.statements()).isEmpty();
    }

    private static StatementSnapshot snapshot(Map<StatementSnapshot.Key, StatementSnapshot.Totals> totals) {
        return new StatementSnapshot(totals);
    }

    private static StatementSnapshot.Totals totals(long calls, double totalMs, String query) {
        return new StatementSnapshot.Totals(calls, totalMs, query);
    }
}
