package dev.stonks.inttest.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stonks.inttest.events.output.EndpointProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nineteenSamplesHaveAMedianButNoP95OrP99AndSayWhy() {
        EndpointProfile p = Percentiles.of(ms(1, 19));

        assertThat(p.count()).isEqualTo(19);
        assertThat(p.p50Ms()).isCloseTo(10.0, within(0.02));
        assertThat(p.p95Ms()).isNull();
        assertThat(p.p99Ms()).isNull();
        assertThat(p.maxMs()).isEqualTo(19.0);
        assertThat(p.unavailable()).containsOnly(
                entry("p95_ms", "needs >= 20 samples, had 19"),
                entry("p99_ms", "needs >= 100 samples, had 19"));
    }

    @Test
    void twentySamplesHaveAP95ButNoP99() {
        EndpointProfile p = Percentiles.of(ms(1, 20));

        assertThat(p.p95Ms()).isCloseTo(19.0, within(0.02));
        assertThat(p.p99Ms()).isNull();
        assertThat(p.unavailable()).containsOnly(entry("p99_ms", "needs >= 100 samples, had 20"));
    }

    @Test
    void ninetyNineSamplesHaveNoP99AHundredHave() {
        EndpointProfile ninetyNine = Percentiles.of(ms(1, 99));
        assertThat(ninetyNine.p95Ms()).isNotNull();
        assertThat(ninetyNine.p99Ms()).isNull();
        assertThat(ninetyNine.unavailable()).containsOnly(entry("p99_ms", "needs >= 100 samples, had 99"));

        EndpointProfile hundred = Percentiles.of(ms(1, 100));
        assertThat(hundred.p50Ms()).isCloseTo(50.0, within(0.05));
        assertThat(hundred.p95Ms()).isCloseTo(95.0, within(0.1));
        assertThat(hundred.p99Ms()).isCloseTo(99.0, within(0.1));
        assertThat(hundred.maxMs()).isEqualTo(100.0);
        assertThat(hundred.unavailable()).isEmpty();
    }

    @Test
    void aHundredSamplesWithOneOutlierDoNotReportTheOutlierAsP99() {
        // the point of 100 samples: one slow call is the maximum, not the p99
        List<Double> samples = new ArrayList<>(Collections.nCopies(99, 5.0));
        samples.add(2800.0);
        Collections.shuffle(samples, new Random(7));

        EndpointProfile p = Percentiles.of(samples);

        assertThat(p.p99Ms()).isCloseTo(5.0, within(0.01));
        assertThat(p.maxMs()).isEqualTo(2800.0);
    }

    @Test
    void percentilesAreWithinATenthOfAPercentOfTheExactSampleAndNeverAboveTheMaximum() {
        Random random = new Random(42);
        List<Double> samples = IntStream.range(0, 1000).mapToObj(i -> 0.2 + random.nextDouble() * 3000).toList();
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();

        EndpointProfile p = Percentiles.of(samples);

        assertThat(p.p50Ms()).isCloseTo(sorted[499], within(sorted[499] * 0.001 + 0.01));
        assertThat(p.p95Ms()).isCloseTo(sorted[949], within(sorted[949] * 0.001 + 0.01));
        assertThat(p.p99Ms()).isCloseTo(sorted[989], within(sorted[989] * 0.001 + 0.01));
        assertThat(p.p99Ms()).isLessThanOrEqualTo(p.maxMs());
        assertThat(p.maxMs()).isEqualTo(Percentiles.round(sorted[999]));
    }

    @Test
    void aSingleSampleIsItsOwnMedianRoundedToHundredths() {
        EndpointProfile p = Percentiles.of(List.of(12.345));

        assertThat(p.p50Ms()).isEqualTo(12.35);
        assertThat(p.maxMs()).isEqualTo(12.35);
        assertThat(p.count()).isEqualTo(1);
    }

    @Test
    void noSamplesOrNonsenseSamplesAreRefused() {
        assertThatThrownBy(() -> Percentiles.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(List.of(1.0, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(List.of(-1.0))).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Double> ms(int from, int to) {
        List<Double> samples = new ArrayList<>(IntStream.rangeClosed(from, to).mapToObj(i -> (double) i).toList());
        Collections.shuffle(samples, new Random(1));
        return samples;
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
