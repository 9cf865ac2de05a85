package dev.stonks.inttest.tester.suites.api;

import static dev.stonks.inttest.tester.suites.Fields.array;
import static dev.stonks.inttest.tester.suites.Fields.integer;
import static dev.stonks.inttest.tester.suites.Fields.number;
import static dev.stonks.inttest.tester.suites.Fields.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.tester.suites.Problems;
import dev.stonks.inttest.tester.suites.StonksSuite;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * trading: {@code POST /api/trading/backtest}, deterministic on the seeded bars: the exact figures of
 * {@link BacktestOracle}. Computes, stores nothing: read-only.
 */
public class BacktestApiSuite extends StonksSuite {

    @Test
    void buyAndHoldOfOneTickerHasTheExactFigures() {
        LocalDate from = LocalDate.parse("2025-01-02");
        LocalDate to = LocalDate.parse("2025-06-30");

        JsonNode result = backtest(Map.of("tickers", List.of("AAPL"), "from", from.toString(), "to", to.toString(),
                "strategy", "buy_hold", "initial_cash", 100000));

        assertMatches(result, BacktestOracle.of(DATA, List.of("AAPL"), from, to, "buy_hold", 100000, 10, 30));
        assertThat(array(result, "trades")).as("one buy, held to the end").hasSize(1);
    }

    @Test
    void smaCrossOverTwoTickersHasTheExactFiguresAndTrades() {
        LocalDate from = LocalDate.parse("2024-09-02");
        LocalDate to = LocalDate.parse("2025-06-30");

        JsonNode result = backtest(Map.of("tickers", List.of("NVDA", "TSLA"), "from", from.toString(), "to",
                to.toString(), "strategy", "sma_cross", "initial_cash", 250000, "short_window", 5, "long_window", 20));

        BacktestOracle expected = BacktestOracle.of(DATA, List.of("NVDA", "TSLA"), from, to, "sma_cross", 250000, 5,
                20);
        assertThat(expected.trades()).as("the bars give the strategy something to do").hasSizeGreaterThan(2);
        assertMatches(result, expected);
    }

    @Test
    void theSameBacktestTwiceGivesTheSameAnswer() {
        Map<String, Object> request = Map.of("tickers", List.of("MSFT", "GOOGL", "JPM"), "from", "2024-07-01",
                "to", "2025-06-30", "strategy", "sma_cross");

        assertThat(backtest(request)).isEqualTo(backtest(request));
    }

    @Test
    void aBadBacktestRequestIsA400NamingTheFieldAndAnUnknownTickerA404() {
        Problems.assertProblem(trading().post("/api/trading/backtest").json(Map.of("tickers", List.of("AAPL"),
                "from", "2025-06-30", "to", "2025-01-01", "strategy", "buy_hold")).send(), 400, "from");
        Problems.assertProblem(trading().post("/api/trading/backtest").json(Map.of("tickers", List.of("AAPL"),
                "from", "2025-01-01", "to", "2025-06-30", "strategy", "martingale")).send(), 400, "strategy");
        Problems.assertProblem(trading().post("/api/trading/backtest").json(Map.of("tickers", List.of(),
                "from", "2025-01-01", "to", "2025-06-30", "strategy", "buy_hold")).send(), 400, "tickers");
        Problems.assertProblem(trading().post("/api/trading/backtest").json(Map.of("tickers", List.of("ZZZZ"),
                "from", "2025-01-01", "to", "2025-06-30", "strategy", "buy_hold")).send(), 404, "ZZZZ");
    }

    /** A pure computation: repeatable, so the profiler may send the first successful one again. */
    private JsonNode backtest(Map<String, Object> request) {
        return trading().post("/api/trading/backtest").json(request).repeatable().send().json(200);
    }

    private static void assertMatches(JsonNode result, BacktestOracle expected) {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(integer(result, "days")).as("days").isEqualTo(expected.days());
        soft.assertThat(number(result, "final_value")).as("final_value").isCloseTo(expected.finalValue(),
                within(0.005));
        soft.assertThat(number(result, "total_return")).as("total_return").isCloseTo(expected.totalReturn(),
                within(1e-6));
        soft.assertThat(number(result, "max_drawdown")).as("max_drawdown").isCloseTo(expected.maxDrawdown(),
                within(1e-6));
        soft.assertThat(number(result, "sharpe")).as("sharpe").isCloseTo(expected.sharpe(), within(1e-6));
        List<JsonNode> trades = array(result, "trades");
        soft.assertThat(trades).as("trades").hasSize(expected.trades().size());
        for (int i = 0; i < Math.min(trades.size(), expected.trades().size()); i++) {
            BacktestOracle.Trade want = expected.trades().get(i);
            JsonNode got = trades.get(i);
            soft.assertThat(text(got, "ticker") + " " + text(got, "day") + " " + text(got, "side") + " "
                    + integer(got, "quantity")).as("trade %d", i)
                    .isEqualTo(want.ticker() + " " + want.day() + " " + want.side() + " " + want.quantity());
            soft.assertThat(number(got, "price")).as("trade %d price", i).isCloseTo(want.price(), within(1e-6));
        }
        soft.assertAll();
    }
}
