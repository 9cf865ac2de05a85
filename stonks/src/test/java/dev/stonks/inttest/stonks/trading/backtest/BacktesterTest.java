package dev.stonks.inttest.stonks.trading.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktesterTest {

    private static List<Backtester.Bar> bars(double... closes) {
        List<Backtester.Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            bars.add(new Backtester.Bar(LocalDate.of(2025, 1, 1).plusDays(i), closes[i]));
        }
        return bars;
    }

    @Test
    void buyAndHoldBuysWholeSharesOnTheFirstDay() {
        // 1,050 buys 10 shares at 100 (50 left); the last close 120 makes 10 x 120 + 50 = 1,250
        Backtester.Result result = Backtester.run(Map.of("AAA", bars(100, 90, 110, 120)), "buy_hold", 1050, 2, 3);

        assertEquals(1250.0, result.finalValue());
        assertEquals(0.190476, result.totalReturn());
        // peak 1,050 then 10 x 90 + 50 = 950: a drawdown of 100 / 1,050
        assertEquals(0.095238, result.maxDrawdown());
        assertEquals(List.of(new Backtester.Trade("AAA", LocalDate.of(2025, 1, 1), "buy", 10, 100.0)),
                result.trades());
        assertEquals(4, result.days());
    }

    @Test
    void smaCrossHoldsWhileTheShortAverageIsAbove() {
        // windows 2 and 3: day 2 (index) sma2 = 11 > sma3 = 10.67 -> buy at 12; day 4 sma2 = 10 < sma3 = 10.67 -> sell
        Backtester.Result result = Backtester.run(Map.of("AAA", bars(10, 10, 12, 12, 8, 8)), "sma_cross", 120, 2, 3);

        assertEquals(List.of("buy", "sell"), result.trades().stream().map(Backtester.Trade::side).toList());
        assertEquals(10, result.trades().get(0).quantity());
        assertEquals(80.0, result.finalValue());
        assertEquals(-0.333333, result.totalReturn());
    }

    @Test
    void onlyDaysEveryTickerTradedCountAndTheCashIsSplit() {
        Map<String, List<Backtester.Bar>> bars = new LinkedHashMap<>();
        bars.put("AAA", bars(10, 10, 10));
        bars.put("BBB", bars(20, 20));

        Backtester.Result result = Backtester.run(bars, "buy_hold", 200, 2, 3);

        assertEquals(2, result.days());
        assertEquals(200.0, result.finalValue());
        assertEquals(0.0, result.sharpe(), "a flat equity curve has no Sharpe ratio");
    }

    @Test
    void theSharpeRatioAnnualizesDailyReturns() {
        double[] equity = {100, 101, 100, 102};
        // returns 0.01, -0.00990099, 0.02: mean 0.00669967, sample sd 0.01522131; 0.440153 x sqrt(252)
        assertEquals(6.987, Backtester.round(Backtester.sharpe(equity), 3));
    }
}
