package dev.stonks.inttest.tester.runner;

import dev.stonks.inttest.tester.suites.api.AgentsApiSuite;
import dev.stonks.inttest.tester.suites.api.BacktestApiSuite;
import dev.stonks.inttest.tester.suites.api.CompaniesApiSuite;
import dev.stonks.inttest.tester.suites.api.DocumentsApiSuite;
import dev.stonks.inttest.tester.suites.api.ErrorsApiSuite;
import dev.stonks.inttest.tester.suites.api.EventsApiSuite;
import dev.stonks.inttest.tester.suites.api.OpsApiSuite;
import dev.stonks.inttest.tester.suites.api.PortfolioApiSuite;
import dev.stonks.inttest.tester.suites.api.RecommendationsApiSuite;
import dev.stonks.inttest.tester.suites.api.RegistryApiSuite;
import dev.stonks.inttest.tester.suites.api.RiskApiSuite;
import dev.stonks.inttest.tester.suites.api.RiskExposureApiSuite;
import dev.stonks.inttest.tester.suites.api.SearchApiSuite;
import dev.stonks.inttest.tester.suites.api.ServicesApiSuite;
import dev.stonks.inttest.tester.suites.api.TradingApiSuite;
import dev.stonks.inttest.tester.suites.api.TradingHistoryApiSuite;
import dev.stonks.inttest.tester.suites.api.TrendsApiSuite;
import dev.stonks.inttest.tester.suites.frontend.FrontendPagesSuite;
import dev.stonks.inttest.tester.suites.write.PaperOrdersSuite;
import dev.stonks.inttest.tester.suites.write.RegistryCrudSuite;
import dev.stonks.inttest.tester.suites.write.RiskDecisionsSuite;
import dev.stonks.inttest.tester.suites.write.TradingConfigSuite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suites the tester ships, by group. {@code tester.suites} names groups or fully qualified class names. Suites
 * are listed explicitly (no classpath scanning): it works the same in the packaged application's class loader.
 */
public final class SuiteCatalog {
    /** Suite groups in run order: {@code api} (exact values per endpoint), {@code frontend} (data per page). */
    public static final Map<String, List<Class<?>>> GROUPS;

    static {
        Map<String, List<Class<?>>> groups = new LinkedHashMap<>();
        // the endpoints of stonks' first cut (companies, trends, documents, search, ops, registry reads, risk limits,
        // trading status)
        List<Class<?>> firstCut = List.of(ServicesApiSuite.class, CompaniesApiSuite.class, TrendsApiSuite.class,
                DocumentsApiSuite.class, SearchApiSuite.class, OpsApiSuite.class, RegistryApiSuite.class,
                RiskApiSuite.class, TradingApiSuite.class, ErrorsApiSuite.class);
        // the rest of stonks-api.md; the write suites are @Mutating and run after every read-only test
        List<Class<?>> rest = List.of(RecommendationsApiSuite.class, EventsApiSuite.class, AgentsApiSuite.class,
                PortfolioApiSuite.class, TradingHistoryApiSuite.class, RiskExposureApiSuite.class,
                BacktestApiSuite.class, RegistryCrudSuite.class, RiskDecisionsSuite.class, PaperOrdersSuite.class,
                TradingConfigSuite.class);
        List<Class<?>> all = new ArrayList<>(firstCut);
        all.addAll(rest);
        groups.put("api", List.copyOf(all));
        groups.put("api-first-cut", firstCut);
        groups.put("frontend", List.of(FrontendPagesSuite.class));
        GROUPS = java.util.Collections.unmodifiableMap(groups);
    }

    private SuiteCatalog() {
    }

    /** Every suite class of the catalog. */
    public static List<Class<?>> all() {
        Set<Class<?>> all = new LinkedHashSet<>();
        GROUPS.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /**
     * The suite classes named by {@code names} (group names or class names), in order, without duplicates.
     *
     * @throws IllegalArgumentException for a name that is neither a group nor a loadable class
     */
    public static List<Class<?>> resolve(List<String> names) {
        Set<Class<?>> suites = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            List<Class<?>> group = GROUPS.get(name);
            if (group != null) {
                suites.addAll(group);
                continue;
            }
            try {
                suites.add(Class.forName(name, false, SuiteCatalog.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown suite(s) " + unknown + ": name a group " + GROUPS.keySet()
                    + " or a suite class");
        }
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("no suites selected");
        }
        return List.copyOf(suites);
    }
}
