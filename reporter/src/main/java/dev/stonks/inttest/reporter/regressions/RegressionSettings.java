package dev.stonks.inttest.reporter.regressions;

/**
 * When a figure counts as a regression, and what it is compared with ({@code reporter.regressions.*}).
 *
 * @param minRatio     worse than the baseline by more than this fraction (0.20: more than 20 %)
 * @param minDeltaMs   and by more than this many milliseconds (stage durations too), so noise on tiny figures is not
 *                     a regression
 * @param baselineRuns the newest this many earlier passing runs of the same target and seed fingerprint are the
 *                     baseline
 * @param minRuns      fewer earlier runs than this (or fewer figures of a subject among them): nothing is compared
 * @param noiseMads    and worse by more than this many (scaled) median absolute deviations of the subject's baseline
 *                     figures: a figure that already varies that much from run to run on this machine is not a
 *                     regression when it varies again. 0 = off.
 */
public record RegressionSettings(double minRatio, double minDeltaMs, int baselineRuns, int minRuns,
        double noiseMads) {

    public static final RegressionSettings DEFAULT = new RegressionSettings(0.20, 5, 5, 3, 3);

    /** Without the noise band. */
    public RegressionSettings(double minRatio, double minDeltaMs, int baselineRuns, int minRuns) {
        this(minRatio, minDeltaMs, baselineRuns, minRuns, 0);
    }

    public RegressionSettings {
        if (!(minRatio >= 0) || Double.isInfinite(minRatio)) {
            throw new IllegalArgumentException("reporter.regressions.min-ratio must be a number >= 0, was " + minRatio);
        }
        if (!(minDeltaMs >= 0) || Double.isInfinite(minDeltaMs)) {
            throw new IllegalArgumentException("reporter.regressions.min-delta-ms must be a number >= 0, was "
                    + minDeltaMs);
        }
        if (!(noiseMads >= 0) || Double.isInfinite(noiseMads)) {
            throw new IllegalArgumentException("reporter.regressions.noise-mads must be a number >= 0, was "
                    + noiseMads);
        }
        if (minRuns < 1) {
            throw new IllegalArgumentException("reporter.regressions.min-runs must be >= 1, was " + minRuns);
        }
        if (baselineRuns < minRuns) {
            throw new IllegalArgumentException("reporter.regressions.baseline-runs (" + baselineRuns
                    + ") must be >= min-runs (" + minRuns + ")");
        }
    }
}
