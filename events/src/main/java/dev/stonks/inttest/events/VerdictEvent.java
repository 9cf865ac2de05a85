package dev.stonks.inttest.events;

/** Events on {@link Topics#VERDICTS}. */
public sealed interface VerdictEvent extends InttestEvent permits RunVerdict, PromotionDecided, BreakGlassRecorded {
}
