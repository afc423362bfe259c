package io.redline.minhash;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatureTest {
    private static final SignatureVersion V4 = new SignatureVersion(3, 4, 0x2aL, 1);

    @Test
    void versionIdIsPinned() {
        assertThat(new SignatureVersion(3, 128, 0x7ED11E5EEDL, 1).id()).isEqualTo("k3-n128-s7ed11e5eed-oph1-norm1");
        assertThat(new SignatureVersion(5, 256, -1L, 2).id()).isEqualTo("k5-n256-sffffffffffffffff-oph1-norm2");
        assertThat(SignatureVersion.HASH_FAMILY).isEqualTo(1);
    }

    @Test
    void arrayIsCopiedIn() {
        long[] values = {1, 2, 3, 4};
        Signature signature = new Signature(values, V4);
        values[0] = 99;
        assertThat(signature.values()).containsExactly(1, 2, 3, 4);
        assertThat(signature.value(0)).isEqualTo(1);
    }

    @Test
    void arrayIsCopiedOut() {
        Signature signature = new Signature(new long[]{1, 2, 3, 4}, V4);
        signature.values()[0] = 99;
        assertThat(signature.values()).containsExactly(1, 2, 3, 4);
        assertThat(signature.length()).isEqualTo(4);
        assertThat(signature.version()).isEqualTo(V4);
    }

    @Test
    void constructorRejectsAWrongLengthWithAMessage() {
        assertThatThrownBy(() -> new Signature(new long[3], V4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signature of version k3-n4-s2a-oph1-norm1 needs 4 values, got 3");
    }

    @Test
    void constructorRejectsANullVersion() {
        assertThatThrownBy(() -> new Signature(new long[4], null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("version");
    }

    @Test
    void bytesRoundTrip() {
        Signature signature = new Signature(new long[]{0, -1, Long.MIN_VALUE, 0xFFFFFFFFL}, V4);
        byte[] bytes = signature.toBytes();
        assertThat(bytes).hasSize(32);
        assertThat(Signature.fromBytes(bytes, V4)).isEqualTo(signature);
    }

    @Test
    void bytesAreBigEndian() {
        byte[] bytes = new Signature(new long[]{1, 0x0102030405060708L, -1, 0}, V4).toBytes();
        assertThat(Arrays.copyOfRange(bytes, 0, 16)).containsExactly(
                0, 0, 0, 0, 0, 0, 0, 1,
                1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(Arrays.copyOfRange(bytes, 16, 24)).containsOnly((byte) 0xFF);
    }

    @Test
    void fromBytesRejectsTooFewValuesWithAMessage() {
        assertThatThrownBy(() -> Signature.fromBytes(new byte[24], V4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signature of version k3-n4-s2a-oph1-norm1 needs 4 values, got 3");
    }

    @Test
    void comparingDifferentVersionsFailsNamingBoth() {
        SignatureVersion other = new SignatureVersion(3, 4, 0x2bL, 1);
        Signature a = new Signature(new long[]{1, 2, 3, 4}, V4);
        Signature b = new Signature(new long[]{1, 2, 3, 4}, other);
        assertThatThrownBy(() -> a.estimateJaccard(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot compare signatures of versions k3-n4-s2a-oph1-norm1 and k3-n4-s2b-oph1-norm1");
        assertThatThrownBy(() -> b.estimateJaccard(a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot compare signatures of versions k3-n4-s2b-oph1-norm1 and k3-n4-s2a-oph1-norm1");
    }

    @Test
    void estimateIsTheShareOfAgreeingPositions() {
        Signature a = new Signature(new long[]{1, 2, 3, 4}, V4);
        assertThat(a.estimateJaccard(new Signature(new long[]{1, 2, 3, 4}, V4))).isEqualTo(1.0);
        assertThat(a.estimateJaccard(new Signature(new long[]{1, 9, 3, 9}, V4))).isEqualTo(0.5);
        assertThat(a.estimateJaccard(new Signature(new long[]{4, 3, 2, 1}, V4))).isEqualTo(0.0);
    }

    @Test
    void emptySignatureResemblesNothingNotEvenItself() {
        long[] empty = new long[4];
        Arrays.fill(empty, MinHasher.EMPTY);
        Signature e = new Signature(empty, V4);
        assertThat(e.isEmpty()).isTrue();
        assertThat(e.estimateJaccard(e)).isZero();
        assertThat(e.estimateJaccard(new Signature(new long[]{1, 2, 3, 4}, V4))).isZero();
        assertThat(new Signature(new long[]{1, 2, 3, 4}, V4).isEmpty()).isFalse();
    }

    @Test
    void equalityIsByValuesAndVersion() {
        Signature a = new Signature(new long[]{1, 2, 3, 4}, V4);
        assertThat(a).isEqualTo(new Signature(new long[]{1, 2, 3, 4}, V4))
                .hasSameHashCodeAs(new Signature(new long[]{1, 2, 3, 4}, V4));
        assertThat(a).isNotEqualTo(new Signature(new long[]{1, 2, 3, 5}, V4));
        assertThat(a).isNotEqualTo(new Signature(new long[]{1, 2, 3, 4}, new SignatureVersion(3, 4, 0x2aL, 2)));
    }

    @Test
    void toStringShowsVersionAndFirstFourValues() {
        assertThat(new Signature(new long[]{1, 2, 3, 4}, V4)).hasToString("Signature[k3-n4-s2a-oph1-norm1, [1, 2, 3, 4]]");
        SignatureVersion v5 = new SignatureVersion(3, 5, 0x2aL, 1);
        assertThat(new Signature(new long[]{1, 2, 3, 4, 5}, v5)).hasToString("Signature[k3-n5-s2a-oph1-norm1, [1, 2, 3, 4]...]");
    }

    @Test
    void fromBytesRejectsALengthThatIsNotAMultipleOfEight() {
        assertThatThrownBy(() -> Signature.fromBytes(new byte[33], V4)).isInstanceOf(IllegalArgumentException.class);
    }
}
