package io.redline.match;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassifierTest {
    private static final Classifier DEFAULTS = Classifier.defaults();

    private static Comparison comparison(double jaccard, double coverage) {
        return comparison(jaccard, 2 * jaccard, coverage);
    }

    private static Comparison comparison(double jaccard, double containment, double coverage) {
        return new Comparison(jaccard, containment, jaccard, coverage, List.of(), 0, 0);
    }

    @Test
    void defaultsAreTheDocumentedValues() {
        assertThat(DEFAULTS).isEqualTo(new Classifier(0.9, 0.5, 0.2, 0.6));
    }

    @ParameterizedTest(name = "jaccard {0}, coverage {1} -> {2}")
    @CsvSource({
            "1.0,  0.0, DUPLICATE",
            "0.9,  0.0, DUPLICATE",
            "0.89, 1.0, REVISION",
            "0.5,  0.0, REVISION",
            "0.49, 0.59, NEW",
            "0.2,  0.7, REVISION",
            "0.1,  0.6, REVISION",
            "0.09, 1.0, NEW",
            "0.05, 0.6, NEW",
            "0.2,  0.5, NEW",
            "0.0,  0.0, NEW",
    })
    void classifiesByJaccardAndParagraphCoverage(double jaccard, double coverage, Classification expected) {
        assertThat(DEFAULTS.classify(comparison(jaccard, coverage))).isEqualTo(expected);
    }

    @Test
    void customThresholdsAreUsed() {
        Classifier strict = new Classifier(0.99, 0.8, 0.5, 0.9);
        assertThat(strict.classify(comparison(0.95, 1.0))).isEqualTo(Classification.REVISION);
        assertThat(strict.classify(comparison(0.6, 0.85))).isEqualTo(Classification.NEW);
        assertThat(strict.classify(comparison(0.6, 0.95))).isEqualTo(Classification.REVISION);
    }

    @Test
    void equalThresholdsAreAllowed() {
        Classifier flat = new Classifier(0.5, 0.5, 0.5, 1.0);
        assertThat(flat.classify(comparison(0.5, 0))).isEqualTo(Classification.DUPLICATE);
    }

    @Test
    void aCutDownVersionIsARevisionThroughContainment() {
        // three paragraphs of a long story: low Jaccard, but nearly all of it is in the story
        assertThat(DEFAULTS.classify(comparison(0.05, 0.9, 1.0))).isEqualTo(Classification.REVISION);
        assertThat(DEFAULTS.classify(comparison(0.05, 0.19, 1.0))).isEqualTo(Classification.NEW);
    }

    @Test
    void thresholdsOutOfOrderAreRejectedWithAMessage() {
        assertThatThrownBy(() -> new Classifier(0.5, 0.9, 0.1, 0.6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thresholds must satisfy 0 < revision <= duplicate <= 1, got 0.9, 0.5");
    }

    @Test
    void thresholdsOutsideZeroToOneAreRejectedWithAMessage() {
        assertThatThrownBy(() -> new Classifier(0.9, 0.5, 0.0, 0.6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("evidence containment must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new Classifier(1.1, 0.5, 0.1, 0.6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thresholds must satisfy 0 < revision <= duplicate <= 1, got 0.5, 1.1");
        assertThatThrownBy(() -> new Classifier(0.9, Double.NaN, 0.1, 0.6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thresholds must satisfy 0 < revision <= duplicate <= 1, got NaN, 0.9");
    }

    @Test
    void coverageOutsideZeroToOneIsRejectedWithAMessage() {
        assertThatThrownBy(() -> new Classifier(0.9, 0.5, 0.1, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("revision coverage must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new Classifier(0.9, 0.5, 0.1, 1.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("revision coverage must be in (0, 1], got 1.2");
    }
}
