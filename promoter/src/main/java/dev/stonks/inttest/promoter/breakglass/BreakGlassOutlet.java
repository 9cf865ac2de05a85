package dev.stonks.inttest.promoter.breakglass;

import dev.stonks.inttest.events.BreakGlassRecorded;

/** Where the audit trail goes: {@code promotion.break-glass} on inttest.verdicts in the service, a list in tests. */
@FunctionalInterface
public interface BreakGlassOutlet {
    /** Publishes {@code step}; throws when it could not (it is then kept and published on a later check). */
    void publish(BreakGlassRecorded step);
}
