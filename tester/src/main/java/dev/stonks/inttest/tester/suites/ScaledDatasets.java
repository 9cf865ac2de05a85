package dev.stonks.inttest.tester.suites;

import dev.stonks.inttest.stonks.dataset.StonksDataset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Datasets at scale factors above 1 are large to build: built once per scale and kept. */
final class ScaledDatasets {
    private static final Map<Integer, StonksDataset> CACHE = new ConcurrentHashMap<>();

    private ScaledDatasets() {
    }

    static StonksDataset of(int scale) {
        return CACHE.computeIfAbsent(scale, StonksDataset::of);
    }
}
