package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.elements;
import static dev.stonks.inttest.tester.suites.Fields.instant;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static dev.stonks.inttest.tester.suites.Fields.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.stonks.dataset.PortfolioSnapshot;
import dev.stonks.inttest.stonks.dataset.Position;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The paper portfolio: positions (trading and query-api) and the daily snapshots. */
public class PortfolioApiSuite extends StonksSuite {

    @Test
    void positionsAreTheSeededOnesByTicker() {
        List<JsonNode> positions = elements(trading().get("/api/trading/positions").json(200));

        List<Position> expected = DATA.positions().stream()
                .sorted(Comparator.comparing(p -> DATA.company(p.companyId()).ticker())).toList();
        assertThat(texts(positions, "company_id"))
                .containsExactlyElementsOf(expected.stream().map(p -> p.companyId().toString()).toList());
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < expected.size(); i++) {
            Position want = expected.get(i);
            String ticker = DATA.company(want.companyId()).ticker();
            soft.assertThat(integer(positions.get(i), "quantity")).as("%s quantity", ticker)
                    .isEqualTo(want.quantity());
            soft.assertThat(number(positions.get(i), "avg_cost")).as("%s avg_cost", ticker)
                    .isCloseTo(want.avgCost(), within(1e-6));
            soft.assertThat(number(positions.get(i), "last_close")).as("%s last_close", ticker)
                    .isCloseTo(DATA.lastClose(ticker), within(1e-6));
        }
        soft.assertAll();
    }

    @Test
    void thePortfolioPositionsAgreeWithTrading() {
        List<JsonNode> portfolio = elements(queryApi().get("/api/portfolio/positions").json(200));
        List<JsonNode> trading = elements(trading().get("/api/trading/positions").json(200));

        assertThat(texts(portfolio, "ticker")).isEqualTo(texts(trading, "ticker"));
        assertThat(portfolio.stream().map(p -> integer(p, "quantity")).toList())
                .isEqualTo(trading.stream().map(p -> integer(p, "quantity")).toList());
    }

    @Test
    void snapshotsComeNewestFirstAndAddUp() {
        List<JsonNode> snapshots = elements(queryApi().request("GET", "/api/portfolio/snapshots").query("limit", 5)
                .send().json(200));

        List<PortfolioSnapshot> newest = new ArrayList<>(DATA.portfolioSnapshots());
        Collections.reverse(newest);
        newest = newest.subList(0, 5);
        assertThat(snapshots).hasSize(5);
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < 5; i++) {
            PortfolioSnapshot want = newest.get(i);
            JsonNode got = snapshots.get(i);
            soft.assertThat(text(got, "id")).isEqualTo(want.id().toString());
            soft.assertThat(instant(got, "taken_at")).isEqualTo(want.takenAt());
            soft.assertThat(number(got, "cash")).as("cash %s", want.takenAt()).isCloseTo(want.cash(), within(0.005));
            soft.assertThat(number(got, "positions_value")).as("positions %s", want.takenAt())
                    .isCloseTo(want.positionsValue(), within(0.005));
            soft.assertThat(number(got, "total_value")).as("total %s", want.takenAt())
                    .isCloseTo(number(got, "cash") + number(got, "positions_value"), within(0.005));
        }
        soft.assertAll();
    }
}
