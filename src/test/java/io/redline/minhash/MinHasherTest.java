package io.redline.minhash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MinHasherTest {
    private static final MinHasher DEFAULT = new MinHasher(MinHasher.DEFAULT_LENGTH, MinHasher.DEFAULT_SEED);

    /** Two random sets whose exact Jaccard similarity is {@code common / union}. */
    private record SetPair(long[] a, long[] b, double jaccard) {
        static SetPair generate(Random random, int union, double jaccard) {
            int common = (int) Math.round(jaccard * union);
            int onlyA = (union - common) / 2;
            int onlyB = union - common - onlyA;
            long[] a = new long[common + onlyA];
            long[] b = new long[common + onlyB];
            for (int i = 0; i < common; i++) {
                a[i] = b[i] = random.nextLong();
            }
            for (int i = common; i < a.length; i++) {
                a[i] = random.nextLong();
            }
            for (int i = common; i < b.length; i++) {
                b[i] = random.nextLong();
            }
            return new SetPair(a, b, (double) common / union);
        }
    }

    private static double agreement(long[] x, long[] y) {
        int same = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                same++;
            }
        }
        return (double) same / x.length;
    }

    @Test
    void signatureValuesArePinned() {
        long[] shingles = new long[20];
        for (int i = 0; i < shingles.length; i++) {
            shingles[i] = i + 1;
        }
        assertThat(new MinHasher(16, MinHasher.DEFAULT_SEED).minHashes(shingles, shingles.length)).containsExactly(
                739972365L, 739972365L, 4125341057L, 3566254247L, 4125341057L, 597554473L, 3630825553L, 98099412L,
                739972365L, 1659225463L, 530871417L, 597554473L, 572225441L, 2717638856L, 572225441L, 293396147L);
    }

    @Test
    void defaultsArePinned() {
        assertThat(MinHasher.DEFAULT_LENGTH).isEqualTo(128);
        assertThat(MinHasher.DEFAULT_SEED).isEqualTo(0x7ED11E5EEDL);
        assertThat(MinHasher.EMPTY).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void twoInstancesGiveTheSameSignature() {
        long[] shingles = SetPair.generate(new Random(1), 300, 0.5).a();
        assertThat(new MinHasher(128, 99L).minHashes(shingles, shingles.length))
                .isEqualTo(new MinHasher(128, 99L).minHashes(shingles.clone(), shingles.length));
    }

    @Test
    void anotherSeedGivesAnotherSignature() {
        long[] shingles = SetPair.generate(new Random(2), 300, 0.5).a();
        long[] a = new MinHasher(128, MinHasher.DEFAULT_SEED).minHashes(shingles, shingles.length);
        long[] b = new MinHasher(128, MinHasher.DEFAULT_SEED + 1).minHashes(shingles, shingles.length);
        assertThat(agreement(a, b)).isLessThan(0.1);
    }

    @Test
    void orderAndRepeatsOfShinglesDoNotMatter() {
        long[] forward = {10, 20, 30, 40, 50};
        long[] shuffledWithRepeats = {50, 30, 10, 30, 40, 20, 10};
        assertThat(DEFAULT.minHashes(shuffledWithRepeats, shuffledWithRepeats.length))
                .isEqualTo(DEFAULT.minHashes(forward, forward.length));
    }

    @Test
    void onlyTheFirstCountShinglesAreSigned() {
        assertThat(DEFAULT.minHashes(new long[]{1, 2, 3, 999}, 3)).isEqualTo(DEFAULT.minHashes(new long[]{1, 2, 3}, 3));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5, 0.8})
    void agreementEstimatesJaccardWithinPointOne(double jaccard) {
        Random random = new Random(20240501L);
        for (int trial = 0; trial < 3; trial++) {
            SetPair pair = SetPair.generate(random, 1000, jaccard);
            double estimate = agreement(DEFAULT.minHashes(pair.a(), pair.a().length),
                    DEFAULT.minHashes(pair.b(), pair.b().length));
            assertThat(estimate).as("trial %d", trial).isCloseTo(pair.jaccard(), within(0.1));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 30})
    void densifiedSignaturesOfShortSetsAreUnbiasedOnAverage(int union) {
        Random random = new Random(7L);
        for (double jaccard : new double[]{0.2, 0.5, 0.8}) {
            double sum = 0;
            int trials = 200;
            for (int t = 0; t < trials; t++) {
                SetPair pair = SetPair.generate(random, union, jaccard);
                sum += agreement(DEFAULT.minHashes(pair.a(), pair.a().length),
                        DEFAULT.minHashes(pair.b(), pair.b().length));
            }
            assertThat(sum / trials).as("union %d, jaccard %s", union, jaccard).isCloseTo(jaccard, within(0.03));
        }
    }

    @Test
    void threeShinglesStillFillEveryPosition() {
        long[] signature = DEFAULT.minHashes(new long[]{101, 202, 303}, 3);
        assertThat(signature).hasSize(128).doesNotContain(MinHasher.EMPTY);
        assertThat(Arrays.stream(signature).distinct().count()).isBetween(1L, 3L);
    }

    @Test
    void oneShingleFillsEveryPositionWithItsValue() {
        long[] signature = DEFAULT.minHashes(new long[]{42}, 1);
        assertThat(Arrays.stream(signature).distinct().toArray()).hasSize(1).doesNotContain(MinHasher.EMPTY);
    }

    @Test
    void noShinglesGiveAnAllEmptySignature() {
        long[] signature = DEFAULT.minHashes(new long[0], 0);
        assertThat(signature).hasSize(128).containsOnly(MinHasher.EMPTY);
    }

    @Test
    void valuesFitInThirtyTwoBits() {
        long[] shingles = SetPair.generate(new Random(3), 500, 0.5).a();
        assertThat(Arrays.stream(DEFAULT.minHashes(shingles, shingles.length)).allMatch(v -> v >= 0 && v <= 0xFFFFFFFFL)).isTrue();
    }

    @Test
    void lengthOneIsAllowed() {
        MinHasher one = new MinHasher(1, 5L);
        assertThat(one.length()).isEqualTo(1);
        assertThat(one.minHashes(new long[]{1, 2, 3}, 3)).hasSize(1).doesNotContain(MinHasher.EMPTY);
    }

    @Test
    void constructorRejectsLengthZeroWithAMessage() {
        assertThatThrownBy(() -> new MinHasher(0, MinHasher.DEFAULT_SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signature length must be between 1 and 4096, got 0");
    }

    @Test
    void constructorRejectsLengthAbove4096WithAMessage() {
        assertThatThrownBy(() -> new MinHasher(4097, MinHasher.DEFAULT_SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signature length must be between 1 and 4096, got 4097");
    }
}
