package io.redline.match;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassifierTest {
    /** Reasons quote shares as String.format's "%.0f%%" did: every k/n up to 1,000, halves and random values. */
    @Test
    void percentagesAreWrittenAsStringFormatWritesThem() {
        List<Double> shares = new ArrayList<>();
        for (int n = 1; n <= 1000; n++) {
            for (int k = 0; k <= n; k++) {
                shares.add((double) k / n);
            }
        }
        for (int i = 0; i <= 200; i++) {
            shares.add((i + 0.5) / 100);   // 0.005, 0.015, ...: halves after the multiplication, or just beside them
            shares.add(Math.nextDown((i + 0.5) / 100));
            shares.add(Math.nextUp((i + 0.5) / 100));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            shares.add(random.nextDouble());
        }
        for (double share : shares) {
            assertThat(Classifier.percent(share)).as("%s", share)
                    .isEqualTo(String.format(Locale.ROOT, "%.0f%%", 100 * share));
        }
    }

    private static final Classifier DEFAULTS = Classifier.defaults();
    private static final long DAY = Duration.ofDays(1).toMillis();

    /** A comparison of two 10-paragraph texts sharing {@code sharedA} and {@code sharedB} paragraphs. */
    private static Comparison comparison(double jaccard, double containment, int sharedA, int sharedB,
                                         double coverage, FactChanges changes) {
        List<SharedParagraph> shared = new ArrayList<>();
        for (int i = 0; i < sharedA; i++) {
            shared.add(new SharedParagraph(i, i, 0.8, false));
        }
        return new Comparison(jaccard, containment, jaccard, coverage, sharedB / 10.0, 10, 10, shared, sharedB, changes);
    }

    private static Comparison comparison(double jaccard, double containment, int shared) {
        return comparison(jaccard, containment, shared, shared, shared / 10.0, FactChanges.NONE);
    }

    @Test
    void defaultsAreTheDocumentedValues() {
        assertThat(DEFAULTS).isEqualTo(new Classifier(0.9, 0.5, 0.2, 0.55, Duration.ofDays(21)));
    }

    @ParameterizedTest(name = "jaccard {0}, containment {1}, {2} of 10 paragraphs shared -> {3}")
    @CsvSource({
            "1.0,  1.0,  0, DUPLICATE",
            "0.9,  0.9,  0, DUPLICATE",
            "0.89, 0.9, 10, REVISION",
            "0.5,  0.5,  0, REVISION",
            "0.3,  0.4,  6, REVISION",
            "0.3,  0.4,  5, TEMPLATE",
            "0.1,  0.19, 9, TEMPLATE",
            "0.1,  0.3,  3, TEMPLATE",
            "0.1,  0.3,  1, NEW",
            "0.0,  0.0,  0, NEW",
    })
    void classifiesByJaccardAndParagraphOverlap(double jaccard, double containment, int shared, Classification expected) {
        assertThat(DEFAULTS.classify(comparison(jaccard, containment, shared))).isEqualTo(expected);
    }

    @Test
    void aBriefCutFromAStoryIsAnExcerpt() {
        // 2 of 10 paragraphs, but nearly all of the brief's words are in the story
        Comparison brief = comparison(0.08, 0.9, 2, 2, 0.95, FactChanges.NONE);
        assertThat(DEFAULTS.verdict(brief, null, null).relation()).isEqualTo(Classification.EXCERPT);
        assertThat(Classification.EXCERPT.sameStory()).isTrue();
        Comparison unsupported = comparison(0.08, 0.19, 2, 2, 0.95, FactChanges.NONE);
        assertThat(DEFAULTS.classify(unsupported)).isNotEqualTo(Classification.EXCERPT);
    }

    @Test
    void textsPublishedFarApartAreDifferentStoriesUnlessTheGapRuleIsOff() {
        Comparison c = comparison(0.4, 0.6, 8);
        assertThat(DEFAULTS.verdict(c, 0L, 20 * DAY).relation()).isEqualTo(Classification.REVISION);
        Verdict far = DEFAULTS.verdict(c, 400 * DAY, 0L);
        assertThat(far.relation()).isEqualTo(Classification.TEMPLATE);
        assertThat(far.reason()).isEqualTo("shares 8 paragraphs but was published 400 days apart");
        assertThat(DEFAULTS.verdict(c, null, 400 * DAY).relation()).isEqualTo(Classification.REVISION);
        Classifier noGap = new Classifier(0.9, 0.5, 0.2, 0.55, Duration.ZERO);
        assertThat(noGap.verdict(c, 400 * DAY, 0L).relation()).isEqualTo(Classification.REVISION);
    }

    @Test
    void namesReplacedAcrossTheRewordingMakeANewEdition() {
        // 4 reworded paragraphs, names or years replaced in 2, 9 of 12 changes facts
        FactChanges edition = new FactChanges(4, 3, 5, 2, 2, 2);
        Verdict v = DEFAULTS.verdict(comparison(0.4, 0.6, 8, 8, 0.8, edition), null, null);
        assertThat(v.relation()).isEqualTo(Classification.TEMPLATE);
        assertThat(v.reason()).isEqualTo("names or years replaced in 2 of 4 reworded paragraphs; 9 of 12 changes are facts");
    }

    @Test
    void aTollAndATimeMovedOnAreARevision() {
        FactChanges update = new FactChanges(3, 2, 6, 0, 0, 0);
        assertThat(DEFAULTS.classify(comparison(0.4, 0.6, 8, 8, 0.8, update))).isEqualTo(Classification.REVISION);
    }

    @Test
    void oneRenamedParagraphInARewriteIsStillARevision() {
        // a new spokesman quoted in one of eight reworded paragraphs, and mostly words changed
        FactChanges rewrite = new FactChanges(8, 40, 4, 2, 0, 1);
        assertThat(DEFAULTS.classify(comparison(0.4, 0.6, 8, 8, 0.8, rewrite))).isEqualTo(Classification.REVISION);
    }

    @Test
    void customThresholdsAreUsed() {
        Classifier strict = new Classifier(0.99, 0.8, 0.5, 0.9, Duration.ofDays(21));
        assertThat(strict.classify(comparison(0.95, 0.95, 10))).isEqualTo(Classification.REVISION);
        assertThat(strict.classify(comparison(0.6, 0.7, 8))).isEqualTo(Classification.TEMPLATE);
        assertThat(strict.classify(comparison(0.6, 0.7, 8, 4, 0.8, FactChanges.NONE))).isEqualTo(Classification.EXCERPT);
        assertThat(strict.classify(comparison(0.6, 0.7, 9))).isEqualTo(Classification.REVISION);
    }

    @Test
    void thresholdsOutOfOrderAreRejectedWithAMessage() {
        assertThatThrownBy(() -> new Classifier(0.5, 0.9, 0.1, 0.6, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thresholds must satisfy 0 < revision <= duplicate <= 1, got 0.9, 0.5");
        assertThatThrownBy(() -> new Classifier(0.9, Double.NaN, 0.1, 0.6, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thresholds must satisfy 0 < revision <= duplicate <= 1, got NaN, 0.9");
    }

    @Test
    void valuesOutOfRangeAreRejectedWithAMessage() {
        assertThatThrownBy(() -> new Classifier(0.9, 0.5, 0.0, 0.6, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("evidence containment must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new Classifier(0.9, 0.5, 0.1, 1.2, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("revision overlap must be in (0, 1], got 1.2");
        assertThatThrownBy(() -> new Classifier(0.9, 0.5, 0.1, 0.5, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max revision gap must not be negative, got PT-24H");
    }
}
