package dev.stonks.inttest.reporter.regressions;

/**
 * A figure of this run worse than its baseline by more than both thresholds.
 *
 * @param kind     {@value #ENDPOINT} (an endpoint's p95) or {@value #STAGE} (a stage's duration)
 * @param subject  the endpoint key or the stage id
 * @param metric   {@code p95_ms} or {@code duration_s}
 * @param unit     of {@code actual} and {@code baseline}: {@code ms} or {@code s}
 * @param actual   this run's figure
 * @param baseline the median of the baseline runs' figures
 * @param ratio    actual / baseline
 * @param deltaMs  actual - baseline, in milliseconds whatever the unit
 */
public record Regression(String kind, String subject, String metric, String unit, double actual, double baseline,
        double ratio, double deltaMs) {
    public static final String ENDPOINT = "endpoint";
    public static final String STAGE = "stage";
}
