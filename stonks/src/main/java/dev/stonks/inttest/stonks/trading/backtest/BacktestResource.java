package dev.stonks.inttest.stonks.trading.backtest;

import dev.stonks.inttest.stonks.web.ApiException;
import dev.stonks.inttest.stonks.web.Bodies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** trading: backtests on the daily bars (read only; nothing is stored). */
@Path("/api/trading/backtest")
@Produces(MediaType.APPLICATION_JSON)
public class BacktestResource {

    private final BarRepository bars;

    public BacktestResource(BarRepository bars) {
        this.bars = bars;
    }

    /** 404 for an unknown ticker, 400 when a ticker has no bars in the range. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Backtester.Result> run(BacktestRequest body) {
        BacktestRequest.Valid request = Bodies.present(body).validated();
        return bars.knownTickers(request.tickers())
                .flatMap(known -> {
                    List<String> unknown = request.tickers().stream().filter(t -> !known.contains(t)).toList();
                    if (!unknown.isEmpty()) {
                        throw ApiException.notFound("no company has the ticker " + String.join(", ", unknown));
                    }
                    return bars.closes(request.tickers(), request.from(), request.to());
                })
                .map(closes -> {
                    closes.forEach((ticker, list) -> {
                        if (list.isEmpty()) {
                            throw ApiException.badRequest("no price bars for " + ticker + " between " + request.from()
                                    + " and " + request.to());
                        }
                    });
                    return Backtester.run(closes, request.strategy(), request.initialCash(), request.shortWindow(),
                            request.longWindow());
                });
    }
}
