package io.redline.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShinglerTest {

    private static LongList tokens(long... values) {
        LongList list = new LongList(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }

    private static long[] shingles(int size, long... values) {
        LongList out = new LongList(8);
        new Shingler(size).shingle(tokens(values), 0, out);
        return out.toArray();
    }

    @Test
    void javadocExampleSizeThree() {
        long[] t = {11, 22, 33, 44};
        assertThat(shingles(3, t)).containsExactly(Hashes.combine(t, 0, 3), Hashes.combine(t, 1, 3));
    }

    @Test
    void shingleValuesArePinned() {
        assertThat(shingles(3, 1, 2, 3, 4)).containsExactly(0x110B103D8ED64ACDL, 0xEA96BD1B96AC31DDL);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 16})
    void nTokensGiveNMinusKPlusOneShingles(int size) {
        for (int n = 0; n <= 20; n++) {
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = 1000 + i;
            }
            int expected = n == 0 ? 0 : n < size ? 1 : n - size + 1;
            assertThat(shingles(size, values)).as("%d tokens, size %d", n, size).hasSize(expected);
        }
    }

    @Test
    void aParagraphShorterThanTheSizeGivesOneShingleOfAllItsTokens() {
        long[] t = {7, 8};
        assertThat(shingles(3, t)).containsExactly(Hashes.combine(t, 0, 2));
    }

    @Test
    void shinglesAreOrderSensitive() {
        assertThat(shingles(3, 1, 2, 3)).doesNotContain(shingles(3, 3, 2, 1));
    }

    @Test
    void shinglingStartsAtFrom() {
        LongList out = new LongList(4);
        new Shingler(2).shingle(tokens(5, 6, 7, 8), 2, out);
        assertThat(out.toArray()).containsExactly(shingles(2, 7, 8));
        out.clear();
        new Shingler(2).shingle(tokens(5, 6), 2, out);
        assertThat(out.size()).isZero();
    }

    @Test
    void shinglesAreAppendedToWhatIsAlreadyThere() {
        LongList out = new LongList(4);
        out.add(-1);
        new Shingler(1).shingle(tokens(5, 6), 0, out);
        assertThat(out.toArray()).containsExactly(-1, Hashes.combine(new long[]{5}, 0, 1), Hashes.combine(new long[]{6}, 0, 1));
    }

    @Test
    void constructorRejectsSizeZeroWithAMessage() {
        assertThatThrownBy(() -> new Shingler(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shingle size must be between 1 and 16, got 0");
    }

    @Test
    void constructorRejectsSizeAboveSixteenWithAMessage() {
        assertThatThrownBy(() -> new Shingler(17))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shingle size must be between 1 and 16, got 17");
    }

    @Test
    void boundsAndDefaultAreAccepted() {
        assertThat(new Shingler(1).size()).isEqualTo(1);
        assertThat(new Shingler(16).size()).isEqualTo(16);
        assertThat(Shingler.DEFAULT_SIZE).isEqualTo(3);
    }
}
