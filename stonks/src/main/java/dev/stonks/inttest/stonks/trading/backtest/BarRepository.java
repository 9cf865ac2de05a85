package dev.stonks.inttest.stonks.trading.backtest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Daily closes for the backtest (a range scan of price_bars' primary key per company). */
@ApplicationScoped
public class BarRepository {

    private final Pool pool;

    public BarRepository(Pool pool) {
        this.pool = pool;
    }

    /** Tickers that exist, in the given order. */
    public Uni<List<String>> knownTickers(List<String> tickers) {
        return pool.preparedQuery("SELECT ticker FROM companies WHERE ticker = ANY($1)")
                .execute(Tuple.of(tickers.toArray(String[]::new)))
                .map(rows -> {
                    List<String> found = new ArrayList<>();
                    rows.forEach(row -> found.add(row.getString("ticker")));
                    return tickers.stream().filter(found::contains).toList();
                });
    }

    /** Closes per ticker (in the given order), oldest first. */
    public Uni<Map<String, List<Backtester.Bar>>> closes(List<String> tickers, LocalDate from, LocalDate to) {
        return pool.preparedQuery("SELECT c.ticker, b.day, b.close FROM companies c "
                        + "JOIN price_bars b ON b.company_id = c.id "
                        + "WHERE c.ticker = ANY($1) AND b.day BETWEEN $2 AND $3 ORDER BY c.ticker, b.day")
                .execute(Tuple.of(tickers.toArray(String[]::new), from, to))
                .map(rows -> {
                    Map<String, List<Backtester.Bar>> byTicker = new LinkedHashMap<>();
                    tickers.forEach(t -> byTicker.put(t, new ArrayList<>()));
                    for (Row row : rows) {
                        byTicker.get(row.getString("ticker")).add(new Backtester.Bar(row.getLocalDate("day"),
                                row.getBigDecimal("close").doubleValue()));
                    }
                    return byTicker;
                });
    }
}
