package dev.stonks.inttest.reporter;

/**
 * The limits of the seed's performance targets, as configured ({@code reporter.budgets.*}).
 *
 * @param seedInsertionS  seed insertion, seconds
 * @param serviceStartupS start-up of each service, seconds
 * @param apiP95Ms        P95 of every endpoint, milliseconds
 * @param apiP99Ms        P99 of every endpoint, milliseconds
 * @param totalPipelineS  the whole run, seconds
 */
record BudgetLimits(double seedInsertionS, double serviceStartupS, double apiP95Ms, double apiP99Ms,
        double totalPipelineS) {

    /** The seed's table: 30 s, 30 s each, 200 ms, 500 ms, 10 min. */
    static final BudgetLimits SEED = new BudgetLimits(30, 30, 200, 500, 600);

    BudgetLimits {
        for (double limit : new double[] {seedInsertionS, serviceStartupS, apiP95Ms, apiP99Ms, totalPipelineS}) {
            if (!(limit > 0) || Double.isInfinite(limit)) {
                throw new IllegalArgumentException("a budget limit must be a positive number, was " + limit);
            }
        }
    }
}
