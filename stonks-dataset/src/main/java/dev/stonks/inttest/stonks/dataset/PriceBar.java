package dev.stonks.inttest.stonks.dataset;

import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code price_bars}: one company's daily OHLCV bar; prices with 4 decimals. */
public record PriceBar(UUID companyId, LocalDate day, double open, double high, double low, double close,
        long volume) {

    public PriceBar {
        Checks.required(companyId, "companyId");
        Checks.required(day, "day");
        if (!(low > 0 && low <= open && low <= close && high >= open && high >= close)) {
            throw new IllegalArgumentException("inconsistent bar " + day + ": " + open + "/" + high + "/" + low + "/"
                    + close);
        }
    }
}
