package dev.stonks.inttest.stonks.trading.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A deterministic backtest on daily closes. The cash is split equally between the tickers; each sleeve trades only
 * whole shares at the day's close, no costs. {@code buy_hold}: buy on the first day, hold. {@code sma_cross}: hold
 * while the short moving average of the close is above the long one (buy when it rises above, sell all when it falls
 * to or below), starting once the long average has enough days. Only days on which every ticker has a bar count.
 * Daily equity gives the total return, the maximum drawdown (largest fall from a peak, a fraction) and the Sharpe
 * ratio (mean over sample standard deviation of daily returns, times sqrt 252; 0 when flat).
 */
public final class Backtester {

    public record Bar(LocalDate day, double close) {
    }

    public record Trade(String ticker, LocalDate day, String side, long quantity, double price) {
    }

    public record Result(String strategy, List<String> tickers, LocalDate from, LocalDate to, int days,
            double initialCash, double finalValue, double totalReturn, double maxDrawdown, double sharpe,
            List<Trade> trades) {
    }

    private Backtester() {
    }

    public static Result run(Map<String, List<Bar>> barsByTicker, String strategy, double initialCash,
            int shortWindow, int longWindow) {
        List<String> tickers = List.copyOf(barsByTicker.keySet());
        SortedSet<LocalDate> common = null;
        for (List<Bar> bars : barsByTicker.values()) {
            SortedSet<LocalDate> days = new TreeSet<>();
            bars.forEach(b -> days.add(b.day()));
            if (common == null) {
                common = days;
            } else {
                common.retainAll(days);
            }
        }
        List<LocalDate> days = new ArrayList<>(common == null ? new TreeSet<>() : common);
        int n = days.size();
        double[] equity = new double[n];
        List<Trade> trades = new ArrayList<>();
        double sleeve = initialCash / tickers.size();
        for (String ticker : tickers) {
            double[] closes = closesOn(barsByTicker.get(ticker), days);
            double cash = sleeve;
            long shares = 0;
            for (int d = 0; d < n; d++) {
                double close = closes[d];
                boolean wantLong = strategy.equals("buy_hold") ? d == 0 || shares > 0
                        : d + 1 >= longWindow && mean(closes, d, shortWindow) > mean(closes, d, longWindow);
                if (wantLong && shares == 0 && (strategy.equals("sma_cross") || d == 0)) {
                    long qty = (long) Math.floor(cash / close);
                    if (qty > 0) {
                        shares = qty;
                        cash -= qty * close;
                        trades.add(new Trade(ticker, days.get(d), "buy", qty, close));
                    }
                } else if (!wantLong && shares > 0) {
                    cash += shares * close;
                    trades.add(new Trade(ticker, days.get(d), "sell", shares, close));
                    shares = 0;
                }
                equity[d] += cash + shares * close;
            }
        }
        trades.sort(java.util.Comparator.comparing(Trade::day).thenComparing(Trade::ticker));
        double finalValue = n == 0 ? initialCash : equity[n - 1];
        return new Result(strategy, tickers, n == 0 ? null : days.get(0), n == 0 ? null : days.get(n - 1), n,
                initialCash, round(finalValue, 2), round(finalValue / initialCash - 1, 6),
                round(maxDrawdown(equity), 6), round(sharpe(equity), 6), List.copyOf(trades));
    }

    /** Mean of the {@code window} closes ending at {@code end}. */
    static double mean(double[] closes, int end, int window) {
        double sum = 0;
        for (int i = end - window + 1; i <= end; i++) {
            sum += closes[i];
        }
        return sum / window;
    }

    static double maxDrawdown(double[] equity) {
        double peak = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (double value : equity) {
            peak = Math.max(peak, value);
            if (peak > 0) {
                worst = Math.max(worst, (peak - value) / peak);
            }
        }
        return worst;
    }

    static double sharpe(double[] equity) {
        int n = equity.length - 1;
        if (n < 2) {
            return 0;
        }
        double[] returns = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            returns[i] = equity[i + 1] / equity[i] - 1;
            sum += returns[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        return sd < 1e-12 ? 0 : mean / sd * Math.sqrt(252);
    }

    private static double[] closesOn(List<Bar> bars, List<LocalDate> days) {
        Map<LocalDate, Double> byDay = new java.util.HashMap<>();
        bars.forEach(b -> byDay.put(b.day(), b.close()));
        double[] closes = new double[days.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = byDay.get(days.get(i));
        }
        return closes;
    }

    static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return 0;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
