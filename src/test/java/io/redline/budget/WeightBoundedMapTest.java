package io.redline.budget;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeightBoundedMapTest {
    @Test
    void theLeastRecentlyUsedGoFirstOnceTheBoundIsPassed() {
        WeightBoundedMap<String, String> map = new WeightBoundedMap<>(10);
        map.put("a", "x", 6);
        map.put("b", "y", 3);
        assertThat(map.get("a")).isEqualTo("x");
        map.put("c", "z", 4);

        assertThat(map.get("b")).isNull();
        assertThat(map.get("a")).isEqualTo("x");
        assertThat(map.get("c")).isEqualTo("z");
        assertThat(map.weight()).isEqualTo(10);
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void aValueTooHeavyForTheWholeBoundIsNotKeptAndDropsWhatItReplaced() {
        WeightBoundedMap<String, String> map = new WeightBoundedMap<>(10);
        map.put("a", "x", 6);
        map.put("b", "y", 2);
        map.put("a", "too heavy", 11);

        assertThat(map.get("a")).isNull();
        assertThat(map.get("b")).isEqualTo("y");
        assertThat(map.weight()).isEqualTo(2);
    }

    @Test
    void replacingAndRemovingKeepTheWeightRight() {
        WeightBoundedMap<String, String> map = new WeightBoundedMap<>(10);
        map.put("a", "x", 6);
        map.put("a", "x2", 4);
        assertThat(map.weight()).isEqualTo(4);
        assertThat(map.remove("a")).isEqualTo("x2");
        assertThat(map.remove("a")).isNull();
        assertThat(map.weight()).isZero();
        assertThat(new WeightBoundedMap<String, String>(0)).satisfies(empty -> {
            empty.put("a", "x", 1);
            assertThat(empty.size()).isZero();
        });
    }
}
