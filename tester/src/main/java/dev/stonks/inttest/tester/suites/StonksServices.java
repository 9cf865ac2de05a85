package dev.stonks.inttest.tester.suites;

/** The names of the stonks services in the run context ({@code context.services()}). */
public final class StonksServices {
    public static final String QUERY_API = "query-api";
    public static final String REGISTRY = "registry";
    public static final String RISK = "risk";
    public static final String TRADING = "trading";

    private StonksServices() {
    }
}
