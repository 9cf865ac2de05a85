package dev.stonks.inttest.tester.suites.api;

import dev.stonks.inttest.stonks.dataset.Ids;
import dev.stonks.inttest.stonks.dataset.PriceBar;
import dev.stonks.inttest.stonks.dataset.StonksDataset;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code POST /api/trading/backtest} must answer, computed from the dataset's bars by the rules stonks-api.md
 * and the trading service document: the cash split equally between the tickers, whole shares at the day's close, no
 * costs; {@code buy_hold} buys on the first common day and holds; {@code sma_cross} holds while the short moving
 * average of the close is above the long one, from the first day the long one exists. Total return, maximum
 * drawdown (largest fall from a peak, a fraction) and Sharpe (mean over sample standard deviation of daily returns,
 * times sqrt 252) from the daily equity.
 */
record BacktestOracle(int days, double finalValue, double totalReturn, double maxDrawdown, double sharpe,
        List<Trade> trades) {

    record Trade(String ticker, LocalDate day, String side, long quantity, double price) {
    }

    static BacktestOracle of(StonksDataset data, List<String> tickers, LocalDate from, LocalDate to, String strategy,
            double cash, int shortWindow, int longWindow) {
        Map<String, Map<LocalDate, Double>> closes = new TreeMap<>();
        for (String ticker : tickers) {
            Map<LocalDate, Double> byDay = new TreeMap<>();
            data.priceBars().stream().filter(b -> b.companyId().equals(Ids.company(ticker)))
                    .filter(b -> !b.day().isBefore(from) && !b.day().isAfter(to))
                    .forEach(b -> byDay.put(b.day(), b.close()));
            closes.put(ticker, byDay);
        }
        TreeSet<LocalDate> common = null;
        for (Map<LocalDate, Double> byDay : closes.values()) {
            if (common == null) {
                common = new TreeSet<>(byDay.keySet());
            } else {
                common.retainAll(byDay.keySet());
            }
        }
        List<LocalDate> days = new ArrayList<>(common);
        double[] equity = new double[days.size()];
        List<Trade> trades = new ArrayList<>();
        for (Map.Entry<String, Map<LocalDate, Double>> e : closes.entrySet()) {
            double money = cash / tickers.size();
            long held = 0;
            double[] c = days.stream().mapToDouble(d -> e.getValue().get(d)).toArray();
            for (int d = 0; d < c.length; d++) {
                boolean longWanted = strategy.equals("buy_hold") ? d == 0 || held > 0
                        : d >= longWindow - 1 && average(c, d, shortWindow) > average(c, d, longWindow);
                if (longWanted && held == 0 && (d == 0 || strategy.equals("sma_cross"))) {
                    long qty = (long) Math.floor(money / c[d]);
                    if (qty > 0) {
                        held = qty;
                        money -= qty * c[d];
                        trades.add(new Trade(e.getKey(), days.get(d), "buy", qty, c[d]));
                    }
                } else if (!longWanted && held > 0) {
                    money += held * c[d];
                    trades.add(new Trade(e.getKey(), days.get(d), "sell", held, c[d]));
                    held = 0;
                }
                equity[d] += money + held * c[d];
            }
        }
        trades.sort(Comparator.comparing(Trade::day).thenComparing(Trade::ticker));
        double last = equity[equity.length - 1];
        return new BacktestOracle(days.size(), round(last, 2), round(last / cash - 1, 6), round(drawdown(equity), 6),
                round(sharpe(equity), 6), trades);
    }

    private static double average(double[] c, int end, int window) {
        double sum = 0;
        for (int i = end - window + 1; i <= end; i++) {
            sum += c[i];
        }
        return sum / window;
    }

    private static double drawdown(double[] equity) {
        double peak = 0;
        double worst = 0;
        for (double v : equity) {
            peak = Math.max(peak, v);
            worst = peak > 0 ? Math.max(worst, 1 - v / peak) : worst;
        }
        return worst;
    }

    private static double sharpe(double[] equity) {
        int n = equity.length - 1;
        if (n < 2) {
            return 0;
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = equity[i + 1] / equity[i] - 1;
        }
        double mean = java.util.Arrays.stream(r).average().orElse(0);
        double var = java.util.Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum() / (n - 1);
        double sd = Math.sqrt(var);
        return sd < 1e-12 ? 0 : mean / sd * Math.sqrt(252);
    }

    private static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** The dataset's bars of one ticker, for a precondition. */
    static List<PriceBar> bars(StonksDataset data, String ticker) {
        return data.priceBars().stream().filter(b -> b.companyId().equals(Ids.company(ticker))).toList();
    }
}
