package io.redline.match;

import io.redline.budget.Deadline;
import io.redline.minhash.Fingerprint;
import io.redline.minhash.Fingerprinter;
import io.redline.minhash.MinHasher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.redline.text.WorstCaseInputs.MAX_BYTES;
import static io.redline.text.WorstCaseInputs.MAX_PARAGRAPHS;
import static io.redline.text.WorstCaseInputs.MAX_PARAGRAPH_CHARS;
import static io.redline.text.WorstCaseInputs.article;
import static io.redline.text.WorstCaseInputs.bounded;
import static io.redline.text.WorstCaseInputs.body;
import static io.redline.text.WorstCaseInputs.distinctWords;
import static io.redline.text.WorstCaseInputs.legalClauses;
import static io.redline.text.WorstCaseInputs.sameWord;
import static io.redline.text.WorstCaseInputs.sharedPair;
import static io.redline.text.WorstCaseInputs.shuffled;
import static io.redline.text.WorstCaseInputs.singleWord;
import static io.redline.text.WorstCaseInputs.wordsOfLetters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fingerprinting and comparing the shapes that break a paragraph-by-paragraph comparison, at the service's
 * limits and beyond. The time bound is generous: a quadratic comparison misses it by orders of magnitude
 * (60,000 paragraphs took over 6 s and then ran out of memory), so it tests the algorithm, not the machine; and it is CPU time (see
 * {@link io.redline.text.WorstCaseInputs#bounded}).
 */
class WorstCaseCompareTest {
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);
    private static final Comparer COMPARER = new Comparer(Comparer.DEFAULT_PARAGRAPH_THRESHOLD);

    private static Comparison compareWithinBound(String a, String b) {
        return bounded(() -> COMPARER.compare(FINGERPRINTER.fingerprint(a), FINGERPRINTER.fingerprint(b)));
    }

    @Test
    void sixtyThousandCopiesOfOneWordMatchTheFirstCopy() {
        String text = body(sameWord(60_000));
        Comparison c = compareWithinBound(text, text);
        assertThat(c.paragraphCoverage()).isEqualTo(1.0);
        assertThat(c.shared()).hasSize(60_000).allMatch(s -> s.matchIndex() == 0 && s.exact());
        assertThat(Classifier.defaults().classify(c)).isEqualTo(Classification.DUPLICATE);
    }

    @Test
    void sixtyThousandDifferentOneWordParagraphsEachFindThemselves() {
        List<String> words = distinctWords(60_000);
        Comparison c = compareWithinBound(body(words), body(shuffled(words, 7)));
        assertThat(c.shared()).hasSize(60_000).allMatch(SharedParagraph::exact);
        assertThat(c.onlyInA()).isZero();
        assertThat(c.onlyInB()).isZero();
    }

    @Test
    void aShuffledTextOfSixteenThousandParagraphsIsFullyShared() {
        List<String> paragraphs = article(16_000, 3);
        Comparison c = compareWithinBound(body(paragraphs), body(shuffled(paragraphs, 4)));
        assertThat(c.jaccard()).isEqualTo(1.0);
        assertThat(c.shared()).hasSize(16_000).allMatch(SharedParagraph::exact);
    }

    @Test
    void paragraphsThatAllShareOneWordPairAreStillTold() {
        List<String> paragraphs = sharedPair(MAX_PARAGRAPHS);
        Comparison c = compareWithinBound(body(paragraphs), body(shuffled(paragraphs, 5)));
        List<String> moved = shuffled(paragraphs, 5);
        assertThat(c.shared()).hasSize(MAX_PARAGRAPHS).allSatisfy(s -> {
            assertThat(s.exact()).isTrue();
            assertThat(moved.get(s.matchIndex())).isEqualTo(paragraphs.get(s.index()));
        });
    }

    @Test
    void aContractOfRepetitiveClausesMatchesItsRevision() {
        List<String> clauses = legalClauses(MAX_PARAGRAPHS);
        List<String> revised = clauses.stream().map(p -> p.replace("thirty days", "sixty days")).toList();
        Comparison c = compareWithinBound(body(clauses), body(revised));
        assertThat(c.shared()).hasSize(MAX_PARAGRAPHS);
        assertThat(c.paragraphCoverage()).isEqualTo(1.0);
        assertThat(Classifier.defaults().classify(c)).isIn(Classification.REVISION, Classification.DUPLICATE);
    }

    @Test
    void twoLongParagraphsWithNoWordInCommonShareNothing() {
        String a = wordsOfLetters(MAX_PARAGRAPH_CHARS, 'a', 'm', 1);
        String b = wordsOfLetters(MAX_PARAGRAPH_CHARS, 'n', 'z', 2);
        Comparison c = compareWithinBound(a, b);
        assertThat(c.shared()).isEmpty();
        assertThat(c.jaccard()).isZero();
    }

    @Test
    void aTwoMegabyteWordIsOneParagraph() {
        String word = singleWord(MAX_BYTES);
        Comparison c = compareWithinBound(word, word);
        assertThat(c.shared()).containsExactly(new SharedParagraph(0, 0, 1.0, true));
    }

    @Test
    void aLongParagraphThatOpensLikeACreditLineIsReadInLinearTime() {
        String notACredit = "(" + "Reporting and editing again and again. ".repeat(MAX_PARAGRAPH_CHARS / 40);
        Comparison c = compareWithinBound(notACredit, notACredit);
        assertThat(c.shared()).containsExactly(new SharedParagraph(0, 0, 1.0, true));
    }

    @Test
    void aSpentBudgetStopsTheComparison() {
        Fingerprint a = FINGERPRINTER.fingerprint(body(article(MAX_PARAGRAPHS, 8)));
        assertThatThrownBy(() -> Deadline.within(Duration.ofNanos(1), () -> COMPARER.compare(a, a)))
                .isInstanceOf(Deadline.WorkTimedOut.class);
    }
}
