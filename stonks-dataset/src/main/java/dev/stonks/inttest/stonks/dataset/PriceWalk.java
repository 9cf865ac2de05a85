package dev.stonks.inttest.stonks.dataset;

import java.util.UUID;

/**
 * Daily bars of one company, generated backwards from its anchor close on {@link TradingDays#LAST}: the log close
 * follows a mean-reverting random walk (towards the anchor), so bar {@code t} depends only on the company and
 * {@code t}, never on how many days are generated, and prices stay in a sane band over a century of history.
 * {@link StrictMath} keeps every JVM bit-identical.
 */
final class PriceWalk {

    private static final double REVERSION = 0.003;

    private final UUID companyId;
    private final double mean;
    private final double sigma;
    private final long baseVolume;
    private final Prng prng;
    private double logClose;
    private int t;

    private PriceWalk(UUID companyId, double mean, double sigma, long baseVolume, Prng prng, double logClose, int t) {
        this.companyId = companyId;
        this.mean = mean;
        this.sigma = sigma;
        this.baseVolume = baseVolume;
        this.prng = prng;
        this.logClose = logClose;
        this.t = t;
    }

    static PriceWalk start(String ticker, UUID companyId, double anchorClose, double dailyVolatility, long baseVolume) {
        double x = StrictMath.log(anchorClose);
        return new PriceWalk(companyId, x, dailyVolatility, baseVolume,
                Prng.of(Ids.nameBased("price-walk/" + ticker)), x, 0);
    }

    /** An independent walker at the same point. */
    PriceWalk copy() {
        return new PriceWalk(companyId, mean, sigma, baseVolume, new Prng(prng.state()), logClose, t);
    }

    /** The index of the day {@link #next()} returns. */
    int day() {
        return t;
    }

    /** The bar of the current day; moves one trading day back. */
    PriceBar next() {
        // the sum of four uniforms, centred and scaled to unit variance: close enough to a normal draw
        double z = (prng.nextDouble() + prng.nextDouble() + prng.nextDouble() + prng.nextDouble() - 2.0)
                * 1.7320508075688772;
        double previous = logClose + REVERSION * (mean - logClose) + sigma * z;
        double close = Formats.price(StrictMath.exp(logClose));
        double open = Formats.price(StrictMath.exp(previous) * (1 + (prng.nextDouble() - 0.5) * sigma * 0.5));
        double high = Formats.price(Math.max(open, close) * (1 + prng.nextDouble() * sigma * 0.6));
        double low = Formats.price(Math.min(open, close) * (1 - prng.nextDouble() * sigma * 0.6));
        long volume = (long) (baseVolume * (0.6 + 0.8 * prng.nextDouble()));
        PriceBar bar = new PriceBar(companyId, TradingDays.day(t), open, high, low, close, volume);
        logClose = previous;
        t++;
        return bar;
    }
}
