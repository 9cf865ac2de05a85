package dev.stonks.inttest.stonks.dataset;

/** Locale-independent number formatting for generated texts. */
final class Formats {

    private Formats() {
    }

    /** {@code value} rounded half-up to {@code decimals} places, e.g. {@code fixed(201.3, 2)} = "201.30". */
    static String fixed(double value, int decimals) {
        long factor = 1;
        for (int i = 0; i < decimals; i++) {
            factor *= 10;
        }
        long units = Math.round(Math.abs(value) * factor);
        StringBuilder out = new StringBuilder();
        if (value < 0 && units != 0) {
            out.append('-');
        }
        out.append(units / factor);
        if (decimals > 0) {
            String fraction = Long.toString(units % factor);
            out.append('.');
            for (int i = fraction.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out.toString();
    }

    static double round(double value, int decimals) {
        return StonksDataset.round(value, decimals);
    }

    /** Fast half-up rounding to 4 decimals for prices (the value is positive). */
    static double price(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    /** Dollars to cents, half-up. */
    static long cents(double dollars) {
        return Math.round(dollars * 100.0);
    }
}
