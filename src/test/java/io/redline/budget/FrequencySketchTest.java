package io.redline.budget;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrequencySketchTest {
    @Test
    void anEstimateIsNeverBelowTheCountAndRarelyAbove() {
        FrequencySketch sketch = new FrequencySketch(4096);
        Map<Long, Integer> counts = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        // 20,000 sightings of 2,000 keys, skewed: below the halving point (10 x 4,096)
        for (int i = 0; i < 20_000; i++) {
            long key = (long) Math.floor(Math.pow(random.nextDouble(), 3) * 2000);
            int expected = Math.min(15, counts.merge(key, 1, Integer::sum));
            assertThat(sketch.add(key)).isGreaterThanOrEqualTo(expected);
        }
        int exact = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            int estimate = sketch.frequency(e.getKey());
            assertThat(estimate).isGreaterThanOrEqualTo(Math.min(15, e.getValue()));
            exact += estimate == Math.min(15, e.getValue()) ? 1 : 0;
        }
        assertThat(exact).isGreaterThan(counts.size() * 9 / 10);
        assertThat(sketch.frequency(-1L)).isZero();
    }

    @Test
    void countersStopAtFifteenAndAreHalvedAfterTenTimesTheWidth() {
        FrequencySketch sketch = new FrequencySketch(16);
        for (int i = 0; i < 40; i++) {
            sketch.add(42L);
        }
        assertThat(sketch.frequency(42L)).isEqualTo(15);

        // 160 sightings in all reach the halving point: 15 becomes 7
        for (int i = 0; i < 120; i++) {
            sketch.add(42L);
        }
        assertThat(sketch.frequency(42L)).isEqualTo(7);
    }

    @Test
    void theSameSightingsGiveTheSameEstimates() {
        FrequencySketch a = new FrequencySketch(1024);
        FrequencySketch b = new FrequencySketch(1024);
        for (long k = 0; k < 5_000; k++) {
            a.add(k * 7919 % 1301);
            b.add(k * 7919 % 1301);
        }
        for (long k = 0; k < 1301; k++) {
            assertThat(a.frequency(k)).isEqualTo(b.frequency(k));
        }
    }

    @Test
    void aWidthOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new FrequencySketch(0)).isInstanceOf(IllegalArgumentException.class);
        // ten times a wider row would overflow the count that triggers halving
        assertThatThrownBy(() -> new FrequencySketch((1 << 26) + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
