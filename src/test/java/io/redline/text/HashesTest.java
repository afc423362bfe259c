package io.redline.text;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.SplittableRandom;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden values: stored shingle sets and signatures depend on these functions never changing. */
class HashesTest {

    /** The radix sort orders exactly as Arrays.sort: stored shingle sets were sorted that way and are merged with new ones. */
    @Test
    void sortOrdersAsArraysSortDoesAtEveryLength() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n : new int[]{0, 1, 2, 63, Hashes.RADIX_FROM - 1, Hashes.RADIX_FROM, Hashes.RADIX_FROM + 1, 600, 5000}) {
            for (int round = 0; round < 20; round++) {
                // random hashes, small numbers of both signs (equal high bytes), repeats, and the extremes
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = switch (round % 4) {
                        case 0 -> random.nextLong();
                        case 1 -> random.nextLong(-1000, 1000);
                        case 2 -> values[random.nextInt(i + 1)] ^ (i % 3 == 0 ? random.nextLong() : 0);
                        default -> i % 2 == 0 ? Long.MIN_VALUE + i : Long.MAX_VALUE - i;
                    };
                }
                long[] expected = values.clone();
                Arrays.sort(expected);
                Hashes.sort(values);
                assertThat(values).as("length %d, round %d", n, round).containsExactly(expected);
            }
        }
    }

    @Test
    void intersectsTellsWhetherTwoSortedArraysShareAValue() {
        assertThat(Hashes.intersects(new long[]{-5, 1, 9}, new long[]{2, 9, 12})).isTrue();
        assertThat(Hashes.intersects(new long[]{-5, 1, 9}, new long[]{-4, 2, 10})).isFalse();
        assertThat(Hashes.intersects(new long[]{Long.MIN_VALUE}, new long[]{Long.MIN_VALUE, 0})).isTrue();
        assertThat(Hashes.intersects(new long[0], new long[]{1})).isFalse();
    }

    @Test
    void sortedDistinctDropsRepeatsOfALongArray() {
        long[] values = new long[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 250) * 0x0101_0101_0101_0101L - 3;
        }
        long[] distinct = Hashes.sortedDistinct(values);
        assertThat(distinct).hasSize(250).isSorted();
    }

    @Test
    void mixIsPinned() {
        assertThat(Hashes.mix(0L)).isEqualTo(0x0000000000000000L);
        assertThat(Hashes.mix(1L)).isEqualTo(0xB456BCFC34C2CB2CL);
        assertThat(Hashes.mix(42L)).isEqualTo(0x810879608E4259CCL);
        assertThat(Hashes.mix(-1L)).isEqualTo(0x64B5720B4B825F21L);
        assertThat(Hashes.mix(Long.MIN_VALUE)).isEqualTo(0x8F780810AF31A493L);
    }

    @Test
    void mixHasNoCollisionsOnConsecutiveInputs() {
        Set<Long> seen = new HashSet<>();
        for (long i = 0; i < 10_000; i++) {
            seen.add(Hashes.mix(i));
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void combineIsPinned() {
        long[] t = {1, 2, 3, 4};
        assertThat(Hashes.combine(t, 0, 3)).isEqualTo(0x110B103D8ED64ACDL);
        assertThat(Hashes.combine(t, 1, 3)).isEqualTo(0xEA96BD1B96AC31DDL);
        assertThat(Hashes.combine(t, 0, 1)).isEqualTo(0x7DAB71161B9789B8L);
        assertThat(Hashes.combine(t, 0, 4)).isEqualTo(0x9E7C6C07032F6050L);
        assertThat(Hashes.combine(t, 2, 0)).isZero();
    }

    @Test
    void combineDependsOnlyOnTheWindow() {
        assertThat(Hashes.combine(new long[]{9, 2, 3, 4, 9}, 1, 3)).isEqualTo(Hashes.combine(new long[]{2, 3, 4}, 0, 3));
    }

    @Test
    void combineIsOrderSensitive() {
        assertThat(Hashes.combine(new long[]{1, 2, 3}, 0, 3)).isNotEqualTo(Hashes.combine(new long[]{3, 2, 1}, 0, 3));
        assertThat(Hashes.combine(new long[]{1, 2}, 0, 2)).isNotEqualTo(Hashes.combine(new long[]{2, 1}, 0, 2));
    }

    @Test
    void combineDistinguishesLengthFromRepetition() {
        assertThat(Hashes.combine(new long[]{0, 0}, 0, 1)).isNotEqualTo(Hashes.combine(new long[]{0, 0}, 0, 2));
    }

    @Test
    void sortedDistinctSortsAndDropsRepeats() {
        assertThat(Hashes.sortedDistinct(new long[]{5, 1, 5, 3, 1, Long.MIN_VALUE, -2}))
                .containsExactly(Long.MIN_VALUE, -2, 1, 3, 5);
    }

    @Test
    void sortedDistinctReturnsTheSortedInputWhenAllAreDistinct() {
        long[] values = {3, 1, 2};
        long[] result = Hashes.sortedDistinct(values);
        assertThat(result).isSameAs(values).containsExactly(1, 2, 3);
    }

    @Test
    void sortedDistinctOfEmptyAndSingleton() {
        assertThat(Hashes.sortedDistinct(new long[0])).isEmpty();
        assertThat(Hashes.sortedDistinct(new long[]{7, 7, 7})).containsExactly(7);
    }

    @Test
    void intersectionSizeOfSortedSets() {
        assertThat(Hashes.intersectionSize(new long[]{1, 3, 5, 7}, new long[]{3, 4, 5, 8})).isEqualTo(2);
        assertThat(Hashes.intersectionSize(new long[]{-9, -1, 0}, new long[]{-9, 0, 4})).isEqualTo(2);
        assertThat(Hashes.intersectionSize(new long[]{1, 2, 3}, new long[]{1, 2, 3})).isEqualTo(3);
        assertThat(Hashes.intersectionSize(new long[]{1, 2}, new long[]{3, 4})).isZero();
    }

    @Test
    void intersectionWithEmptyIsZero() {
        assertThat(Hashes.intersectionSize(new long[0], new long[]{1})).isZero();
        assertThat(Hashes.intersectionSize(new long[]{1}, new long[0])).isZero();
        assertThat(Hashes.intersectionSize(new long[0], new long[0])).isZero();
    }

    @Test
    void intersectionSizeIsTheSizeOfTheSetIntersection() {
        java.util.Random rng = new java.util.Random(9);
        for (int round = 0; round < 500; round++) {
            int range = 1 + rng.nextInt(round % 2 == 0 ? 50 : 1 << 20);
            long[] a = Hashes.sortedDistinct(rng.longs(rng.nextInt(200), -range, range).toArray());
            long[] b = Hashes.sortedDistinct(rng.longs(rng.nextInt(2000), -range, range).toArray());
            Set<Long> both = new HashSet<>();
            for (long x : a) {
                both.add(x);
            }
            Set<Long> inB = new HashSet<>();
            for (long y : b) {
                inB.add(y);
            }
            both.retainAll(inB);
            assertThat(Hashes.intersectionSize(a, b)).isEqualTo(both.size());
            assertThat(Hashes.intersectionSize(b, a)).isEqualTo(both.size());
        }
    }
}
