package io.redline.minhash;

import io.redline.text.Hashes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LshBandsTest {
    private static final SignatureVersion V8 = new SignatureVersion(3, 8, 1L, 1);
    private static final LshBands FOUR_BY_TWO = new LshBands(new LshParameters(4, 2));

    private static Signature signature(long... values) {
        return new Signature(values, V8);
    }

    @Test
    void oneKeyPerBand() {
        assertThat(FOUR_BY_TWO.bucketKeys(signature(1, 2, 3, 4, 5, 6, 7, 8))).hasSize(4);
        assertThat(new LshBands(new LshParameters(2, 3)).bucketKeys(signature(1, 2, 3, 4, 5, 6, 7, 8))).hasSize(2);
        assertThat(new LshBands(new LshParameters(8, 1)).bucketKeys(signature(1, 2, 3, 4, 5, 6, 7, 8))).hasSize(8);
    }

    @Test
    void keyIsTheCombinedHashOfBandNumberAndRows() {
        long[] keys = FOUR_BY_TWO.bucketKeys(signature(1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(keys[0]).isEqualTo(Hashes.combine(new long[]{0, 1, 2}, 0, 3));
        assertThat(keys[3]).isEqualTo(Hashes.combine(new long[]{3, 7, 8}, 0, 3));
    }

    @Test
    void equalSignaturesGiveEqualKeys() {
        assertThat(FOUR_BY_TWO.bucketKeys(signature(9, 8, 7, 6, 5, 4, 3, 2)))
                .isEqualTo(FOUR_BY_TWO.bucketKeys(signature(9, 8, 7, 6, 5, 4, 3, 2)));
    }

    @Test
    void onlyTheBandThatDiffersGetsAnotherKey() {
        long[] a = FOUR_BY_TWO.bucketKeys(signature(1, 2, 3, 4, 5, 6, 7, 8));
        long[] b = FOUR_BY_TWO.bucketKeys(signature(1, 2, 3, 4, 5, 99, 7, 8));
        assertThat(b[0]).isEqualTo(a[0]);
        assertThat(b[1]).isEqualTo(a[1]);
        assertThat(b[2]).isNotEqualTo(a[2]);
        assertThat(b[3]).isEqualTo(a[3]);
    }

    @Test
    void equalBandsAtDifferentPositionsGiveDifferentKeys() {
        long[] keys = FOUR_BY_TWO.bucketKeys(signature(7, 7, 7, 7, 7, 7, 7, 7));
        assertThat(Arrays.stream(keys).distinct().count()).isEqualTo(4);
    }

    @Test
    void valuesBeyondTheLastBandAreIgnored() {
        LshBands twoByThree = new LshBands(new LshParameters(2, 3));
        assertThat(twoByThree.bucketKeys(signature(1, 2, 3, 4, 5, 6, 7, 8)))
                .isEqualTo(twoByThree.bucketKeys(signature(1, 2, 3, 4, 5, 6, 70, 80)));
    }

    @Test
    void emptySignatureGivesNoKeys() {
        long[] empty = new long[8];
        Arrays.fill(empty, MinHasher.EMPTY);
        assertThat(FOUR_BY_TWO.bucketKeys(signature(empty))).isEmpty();
        Fingerprinter fingerprinter = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);
        assertThat(new LshBands(LshParameters.forThreshold(0.3, 128, 0.99)).bucketKeys(fingerprinter.sign(""))).isEmpty();
    }

    @Test
    void signatureTooShortForTheBandingIsRejectedWithAMessage() {
        LshBands tooMany = new LshBands(new LshParameters(3, 3));
        assertThatThrownBy(() -> tooMany.bucketKeys(signature(1, 2, 3, 4, 5, 6, 7, 8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a signature of 8 values cannot hold 3 bands of 3 rows");
    }

    @Test
    void similarTextsShareABucketAndDifferentOnesDoNot() {
        Fingerprinter fingerprinter = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);
        LshBands bands = new LshBands(LshParameters.forThreshold(0.3, 128, 0.99));
        String text = "Islamic State fighters surrendered in the village of Baghouz on Friday after weeks of "
                + "siege, officials of the U.S.-backed Syrian Democratic Forces said.";
        String edited = text.replace("Friday", "Saturday");
        String other = "The central bank left interest rates unchanged on Thursday and signalled that it would "
                + "wait for more data on inflation before moving.";
        long[] a = bands.bucketKeys(fingerprinter.sign(text));
        long[] b = bands.bucketKeys(fingerprinter.sign(edited));
        long[] c = bands.bucketKeys(fingerprinter.sign(other));
        assertThat(sameIndexMatches(a, b)).isPositive();
        assertThat(sameIndexMatches(a, c)).isZero();
    }

    private static int sameIndexMatches(long[] x, long[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                n++;
            }
        }
        return n;
    }

    @Test
    void parametersAreExposed() {
        assertThat(FOUR_BY_TWO.parameters()).isEqualTo(new LshParameters(4, 2));
    }
}
