package io.redline.minhash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LshParametersTest {

    @Test
    void javadocExampleThresholdPointThreeGives64BandsOfTwoRows() {
        LshParameters p = LshParameters.forThreshold(0.3, 128, 0.99);
        assertThat(p).isEqualTo(new LshParameters(64, 2));
        assertThat(p.candidateProbability(0.3)).isCloseTo(0.9976, within(1e-4));
        assertThat(p.candidateProbability(0.05)).isCloseTo(0.15, within(0.005));
    }

    static Stream<Arguments> thresholdsAndLengths() {
        List<Arguments> out = new ArrayList<>();
        for (double t : new double[]{0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
            for (int n : new int[]{64, 128, 256}) {
                out.add(Arguments.of(t, n));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "threshold {0}, length {1}")
    @MethodSource("thresholdsAndLengths")
    void chosenBandingReachesTheTargetAndOneMoreRowWouldNot(double threshold, int length) {
        LshParameters p = LshParameters.forThreshold(threshold, length, LshParameters.DEFAULT_TARGET_PROBABILITY);
        assertThat(p.candidateProbability(threshold)).isGreaterThanOrEqualTo(0.99);
        assertThat(p.bands()).isEqualTo(length / p.rows());
        assertThat(p.bands() * p.rows()).isLessThanOrEqualTo(length);
        assertThat(p.rows()).isLessThan(length);
        LshParameters oneMoreRow = new LshParameters(length / (p.rows() + 1), p.rows() + 1);
        assertThat(oneMoreRow.candidateProbability(threshold)).isLessThan(0.99);
    }

    @Test
    void higherThresholdsGetMoreSelectiveBanding() {
        int previous = 0;
        for (double t = 0.2; t < 0.95; t += 0.1) {
            int rows = LshParameters.forThreshold(t, 128, 0.99).rows();
            assertThat(rows).as("threshold %s", t).isGreaterThanOrEqualTo(previous);
            previous = rows;
        }
    }

    @Test
    void thresholdOneUsesASingleBandOfAllValues() {
        assertThat(LshParameters.forThreshold(1.0, 128, 0.99)).isEqualTo(new LshParameters(1, 128));
    }

    @Test
    void anUnreachableTargetFailsInsteadOfSilentlyMissingPairs() {
        assertThatThrownBy(() -> LshParameters.forThreshold(0.001, 64, 0.99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no banding of 64 values finds pairs at Jaccard 0.001 with probability 0.99; "
                        + "raise the threshold or the signature length");
    }

    @Test
    void candidateProbabilityFormula() {
        LshParameters p = new LshParameters(20, 5);
        assertThat(p.candidateProbability(0.0)).isZero();
        assertThat(p.candidateProbability(1.0)).isEqualTo(1.0);
        assertThat(p.candidateProbability(0.5)).isCloseTo(1 - Math.pow(1 - Math.pow(0.5, 5), 20), within(1e-12));
    }

    @Test
    void sCurveHasTenPointsFromPointOneToOneAndNeverFalls() {
        Map<String, Double> curve = new LshParameters(64, 2).sCurve();
        assertThat(curve.keySet()).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0");
        double previous = 0;
        for (double v : curve.values()) {
            assertThat(v).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(1.0);
            previous = v;
        }
        assertThat(curve).containsEntry("0.1", 0.4744).containsEntry("0.2", 0.9267).containsEntry("0.3", 0.9976)
                .containsEntry("1.0", 1.0);
    }

    @Test
    void sCurveOfASelectiveBandingRisesLate() {
        Map<String, Double> curve = new LshParameters(16, 8).sCurve();
        assertThat(curve.get("0.3")).isLessThan(0.01);
        assertThat(curve.get("0.9")).isGreaterThan(0.99);
    }

    @Test
    void constructorRejectsZeroBandsOrRowsWithAMessage() {
        assertThatThrownBy(() -> new LshParameters(0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bands and rows must be >= 1, got 0 x 2");
        assertThatThrownBy(() -> new LshParameters(4, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bands and rows must be >= 1, got 4 x 0");
    }

    @Test
    void thresholdOutsideZeroToOneIsRejectedWithAMessage() {
        assertThatThrownBy(() -> LshParameters.forThreshold(0, 128, 0.99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LSH threshold must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> LshParameters.forThreshold(1.5, 128, 0.99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LSH threshold must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> LshParameters.forThreshold(Double.NaN, 128, 0.99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LSH threshold must be in (0, 1], got NaN");
    }

    @Test
    void targetProbabilityOutsideZeroToOneIsRejectedWithAMessage() {
        assertThatThrownBy(() -> LshParameters.forThreshold(0.3, 128, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target probability must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> LshParameters.forThreshold(0.3, 128, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target probability must be in (0, 1), got 0.0");
    }

    @Test
    void defaultTargetIsPointNineNine() {
        assertThat(LshParameters.DEFAULT_TARGET_PROBABILITY).isEqualTo(0.99);
    }
}
