package dev.stonks.inttest.stonks.trading.backtest;

import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Bodies;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Body of {@code POST /api/trading/backtest}: tickers (1..8 distinct), from and to (ISO dates, from before to, at most
 * 100 years apart), strategy sma_cross|buy_hold, and optionally initial_cash (default 100000, up to 1e9),
 * short_window (default 10, 2..100) and long_window (default 30, above short_window, up to 250).
 */
public record BacktestRequest(List<String> tickers, String from, String to, String strategy, BigDecimal initialCash,
        Long shortWindow, Long longWindow) {

    static final Pattern TICKER = Pattern.compile("[A-Z][A-Z0-9.\\-]{0,9}");

    public Valid validated() {
        Bodies.required("tickers", tickers);
        if (tickers.isEmpty() || tickers.size() > 8) {
            throw ApiException.badRequest("field 'tickers' must list 1 to 8 tickers, got " + tickers.size());
        }
        for (String ticker : tickers) {
            Bodies.matching("tickers[]", ticker, TICKER, "an upper-case ticker");
        }
        if (tickers.stream().distinct().count() < tickers.size()) {
            throw ApiException.badRequest("field 'tickers' repeats a ticker");
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("field 'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        if (start.plusYears(100).isBefore(end)) {
            throw ApiException.badRequest("fields 'from' and 'to' may be at most 100 years apart");
        }
        Bodies.oneOf("strategy", strategy, List.of("sma_cross", "buy_hold"));
        double cash = initialCash == null ? 100_000
                : Bodies.positive("initial_cash", initialCash, BigDecimal.valueOf(1_000_000_000L), 2).doubleValue();
        int shortW = shortWindow == null ? 10 : (int) Bodies.between("short_window", shortWindow, 2, 100);
        int longW = longWindow == null ? 30 : (int) Bodies.between("long_window", longWindow, shortW + 1, 250);
        return new Valid(List.copyOf(tickers), start, end, strategy, cash, shortW, longW);
    }

    private static LocalDate date(String field, String value) {
        Bodies.required(field, value);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("field '" + field + "' must be a date (YYYY-MM-DD), got '"
                    + dev.stonks.inttest.stonks.web.Params.abbreviate(value) + "'");
        }
    }

    public record Valid(List<String> tickers, LocalDate from, LocalDate to, String strategy, double initialCash,
            int shortWindow, int longWindow) {
    }
}
