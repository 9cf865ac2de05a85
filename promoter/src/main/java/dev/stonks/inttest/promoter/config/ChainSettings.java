package dev.stonks.inttest.promoter.config;

import dev.stonks.inttest.events.Names;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the promotion chain needs to know, checked: the stages in order, which are switched off, which are gated by
 * market hours, and the time limits. A switch or gate naming a stage that is not in the order is an error (a typo
 * such as {@code promoter.stages.lve.enabled=false} must not leave live switched on silently).
 */
public record ChainSettings(List<String> stages, Set<String> switchedOff, Set<String> marketGated,
        Duration freightWait, Duration stageTimeout, boolean awaitVerification, int history) {

    public ChainSettings {
        stages = List.copyOf(stages);
        switchedOff = Set.copyOf(switchedOff);
        marketGated = Set.copyOf(marketGated);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("promoter.stage-order names no stage");
        }
        if (new LinkedHashSet<>(stages).size() != stages.size()) {
            throw new IllegalArgumentException("promoter.stage-order names a stage twice: " + stages);
        }
        for (String stage : stages) {
            if (!Names.isDnsLabel(stage)) {
                throw new IllegalArgumentException("promoter.stage-order: '" + stage
                        + "' is not a Kargo Stage name (a DNS-1123 label)");
            }
        }
        requireKnown("promoter.stages.<stage>.enabled", switchedOff, stages);
        requireKnown("promoter.market.gated-stages", marketGated, stages);
        requirePositive("promoter.freight-wait", freightWait);
        requirePositive("promoter.stage-timeout", stageTimeout);
        if (history < 1) {
            throw new IllegalArgumentException("promoter.state.history must be at least 1, was " + history);
        }
    }

    public static ChainSettings from(PromoterConfig config) {
        List<String> order = config.stageOrder().stream().map(String::trim).toList();
        requireKnown("promoter.stages.<stage>.enabled", config.stages().keySet(), order);
        Set<String> off = new HashSet<>();
        config.stages().forEach((stage, s) -> {
            if (!s.enabled()) {
                off.add(stage);
            }
        });
        return new ChainSettings(order, off, Set.copyOf(config.market().gatedStages()), config.freightWait(),
                config.stageTimeout(), config.awaitVerification(), config.state().history());
    }

    public boolean isSwitchedOff(String stage) {
        return switchedOff.contains(stage);
    }

    public boolean isMarketGated(String stage) {
        return marketGated.contains(stage);
    }

    private static void requireKnown(String property, Set<String> named, List<String> stages) {
        Set<String> unknown = new TreeSet<>(named);
        stages.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(property + " names " + unknown + ", which "
                    + (unknown.size() == 1 ? "is" : "are") + " not in promoter.stage-order " + stages);
        }
    }

    private static void requirePositive(String property, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration, was " + d);
        }
    }
}
