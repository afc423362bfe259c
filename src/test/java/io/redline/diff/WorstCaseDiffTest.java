package io.redline.diff;

import io.redline.budget.Deadline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static io.redline.text.WorstCaseInputs.MAX_BYTES;
import static io.redline.text.WorstCaseInputs.MAX_PARAGRAPHS;
import static io.redline.text.WorstCaseInputs.MAX_PARAGRAPH_CHARS;
import static io.redline.text.WorstCaseInputs.article;
import static io.redline.text.WorstCaseInputs.bounded;
import static io.redline.text.WorstCaseInputs.body;
import static io.redline.text.WorstCaseInputs.distinctWords;
import static io.redline.text.WorstCaseInputs.legalClauses;
import static io.redline.text.WorstCaseInputs.reworded;
import static io.redline.text.WorstCaseInputs.sameWord;
import static io.redline.text.WorstCaseInputs.sharedPair;
import static io.redline.text.WorstCaseInputs.shortParagraphs;
import static io.redline.text.WorstCaseInputs.shuffled;
import static io.redline.text.WorstCaseInputs.singleWord;
import static io.redline.text.WorstCaseInputs.wordsOfLetters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The paragraph diff, the unified diff and the story history on the shapes that make an all-pairs alignment
 * or an unbounded Myers diff blow up, at the service's limits and beyond. The time bound is generous: the
 * quadratic versions took 15–23 s for 8,000 shuffled paragraphs and minutes for more, so it tests the
 * algorithm, not the machine (and it is CPU time: see {@link io.redline.text.WorstCaseInputs#bounded}). Each test also checks that the output is still sensible.
 */
class WorstCaseDiffTest {
    private static final EnumSet<ParagraphOp> KEPT = EnumSet.of(ParagraphOp.UNCHANGED, ParagraphOp.MOVED);

    private static <T> T withinBound(Supplier<T> work) {
        return bounded(work);
    }

    private static TextDiff diff(List<String> from, List<String> to) {
        String a = body(from);
        String b = body(to);
        return withinBound(() -> ParagraphDiffer.diff("", a, "", b));
    }

    /** Every paragraph kept, unchanged or moved, none reworded, added or cut. */
    private static void assertOnlyMoves(TextDiff d, int paragraphs) {
        assertThat(d.paragraphs()).hasSize(paragraphs).allSatisfy(p -> {
            assertThat(p.op()).isIn(KEPT);
            assertThat(p.modified()).isFalse();
        });
        assertThat(d.similarity()).isEqualTo(1.0);
    }

    @Test
    void sixtyThousandCopiesOfOneWordAreAllUnchanged() {
        TextDiff d = diff(sameWord(60_000), sameWord(60_000));
        assertThat(d.paragraphs()).hasSize(60_000).allMatch(p -> p.op() == ParagraphOp.UNCHANGED);
    }

    @Test
    void sixtyThousandDifferentWordsShuffledAreMoves() {
        List<String> words = distinctWords(60_000);
        assertOnlyMoves(diff(words, shuffled(words, 1)), 60_000);
    }

    @Test
    void eightThousandShuffledParagraphsAreMoves() {
        List<String> paragraphs = article(8_000, 2);
        TextDiff d = diff(paragraphs, shuffled(paragraphs, 3));
        assertOnlyMoves(d, 8_000);
        assertThat(d.summary().moved()).isGreaterThan(7_000);
    }

    @Test
    void sixteenThousandShuffledParagraphsAreMoves() {
        List<String> paragraphs = article(16_000, 4);
        assertOnlyMoves(diff(paragraphs, shuffled(paragraphs, 5)), 16_000);
    }

    @Test
    void eightThousandShortParagraphsShuffledAndRewordedArePairedWithTheirOriginals() {
        assertPairedWithOriginals(8_000);
    }

    @Test
    void sixteenThousandShortParagraphsShuffledAndRewordedArePairedWithTheirOriginals() {
        assertPairedWithOriginals(16_000);
    }

    /** Nothing is equal, so every paragraph goes through the fuzzy pairing: each must find its original. */
    private static void assertPairedWithOriginals(int n) {
        List<String> paragraphs = shortParagraphs(n, n);
        List<String> changed = shuffled(reworded(paragraphs), n + 1);
        TextDiff d = diff(paragraphs, changed);
        assertThat(d.paragraphs()).hasSize(n).allSatisfy(p -> {
            assertThat(p.op()).isIn(ParagraphOp.MOVED, ParagraphOp.MODIFIED);
            assertThat(changed.get(p.toIndex())).isEqualTo(reworded(List.of(paragraphs.get(p.fromIndex()))).get(0));
        });
    }

    @Test
    void paragraphsSharingOneFrequentWordPairAreStillTold() {
        List<String> paragraphs = sharedPair(MAX_PARAGRAPHS);
        assertOnlyMoves(diff(paragraphs, shuffled(paragraphs, 6)), MAX_PARAGRAPHS);
    }

    @Test
    void aContractOfRepetitiveClausesPairsEachClauseWithItsRevision() {
        List<String> clauses = legalClauses(MAX_PARAGRAPHS);
        List<String> revised = clauses.stream().map(c -> c.replace("thirty days", "sixty days")).toList();
        TextDiff d = diff(clauses, revised);
        assertThat(d.paragraphs()).hasSize(MAX_PARAGRAPHS).allSatisfy(p -> {
            assertThat(p.op()).isEqualTo(ParagraphOp.MODIFIED);
            assertThat(p.fromIndex()).isEqualTo(p.toIndex());
        });
        assertThat(d.summary().wordsAdded()).isEqualTo(MAX_PARAGRAPHS);
        assertThat(d.summary().wordsRemoved()).isEqualTo(MAX_PARAGRAPHS);
    }

    @Test
    void twoLongParagraphsWithNoWordInCommonAreCutAndAdded() {
        TextDiff d = diff(List.of(wordsOfLetters(MAX_PARAGRAPH_CHARS, 'a', 'm', 1)),
                List.of(wordsOfLetters(MAX_PARAGRAPH_CHARS, 'n', 'z', 2)));
        assertThat(d.paragraphs()).extracting(ParagraphChange::op)
                .containsExactly(ParagraphOp.DELETED, ParagraphOp.INSERTED);
    }

    @Test
    void twoLongParagraphsThatDifferEverywhereGiveRunsThatRebuildBoth() {
        // one 8,000-word sentence each, with every third word changed: paired, and every few words a change
        String from = wordsOfLetters(MAX_PARAGRAPH_CHARS, 'a', 'm', 7);
        String[] words = from.split(" ");
        for (int k = 0; k < words.length; k += 3) {
            words[k] = "x" + words[k];
        }
        String to = String.join(" ", words);
        TextDiff d = diff(List.of(from), List.of(to));
        ParagraphChange p = d.paragraphs().get(0);
        assertThat(p.op()).isEqualTo(ParagraphOp.MODIFIED);
        assertThat(join(p.changes(), WordChange.Op.INSERT)).isEqualTo(from);
        assertThat(join(p.changes(), WordChange.Op.DELETE)).isEqualTo(to);
    }

    @Test
    void aTwoMegabyteWordIsOneParagraph() {
        String word = singleWord(MAX_BYTES);
        assertThat(diff(List.of(word), List.of(word)).paragraphs()).extracting(ParagraphChange::op)
                .containsExactly(ParagraphOp.UNCHANGED);
        TextDiff changed = diff(List.of(word), List.of(word + "s"));
        assertThat(changed.paragraphs()).extracting(ParagraphChange::op)
                .containsExactly(ParagraphOp.DELETED, ParagraphOp.INSERTED);
    }

    @Test
    void theUnifiedDiffOfSixteenThousandShuffledParagraphsIsBounded() {
        List<String> paragraphs = article(16_000, 8);
        String a = body(paragraphs);
        String b = body(shuffled(paragraphs, 9));
        String unified = withinBound(() -> UnifiedDiffRenderer.render("a", a, "b", b));
        assertThat(unified).startsWith("--- a/a\n+++ b/b\n@@ -1,");
        assertThat(withinBound(() -> UnifiedDiffRenderer.render("a", a, "b", a))).isEmpty();
    }

    @Test
    void theUnifiedDiffOfSixtyThousandDifferentLinesIsBounded() {
        String a = String.join("\n", distinctWords(60_000));
        String b = String.join("\n", shuffled(distinctWords(60_000), 10));
        String unified = withinBound(() -> UnifiedDiffRenderer.render("a", a, "b", b));
        assertThat(unified.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).count())
                .isEqualTo(unified.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).count());
    }

    @Test
    void theHistoryOfThreeVersionsOfALongContractIsBounded() {
        List<String> v1 = legalClauses(MAX_PARAGRAPHS);
        List<String> v2 = v1.stream().map(c -> c.replace("thirty days", "sixty days")).toList();
        List<String> v3 = shuffled(v2, 11);
        StoryHistory.History h = withinBound(() -> new StoryHistory(DiffOptions.defaults())
                .follow(List.of(body(v1), body(v2), body(v3))));
        assertThat(h.paragraphs()).hasSize(MAX_PARAGRAPHS).allSatisfy(p -> {
            assertThat(p.firstStep()).isEqualTo(1);
            assertThat(p.rewrites()).isEqualTo(1);
        });
    }

    @Test
    void theHtmlPageOfEightThousandShuffledParagraphsIsBounded() {
        List<String> paragraphs = article(8_000, 12);
        TextDiff d = diff(paragraphs, shuffled(paragraphs, 13));
        assertThat(withinBound(() -> HtmlDiffRenderer.render(d, "a", "b"))).contains("</html>");
    }

    @Test
    void aSpentBudgetStopsTheDiff() {
        String a = body(article(16_000, 14));
        String b = body(shuffled(article(16_000, 14), 15));
        ParagraphDiffer differ = new ParagraphDiffer(DiffOptions.defaults());
        assertThatThrownBy(() -> Deadline.within(Duration.ofMillis(20), () -> differ.compare("", a, "", b)))
                .isInstanceOf(Deadline.WorkTimedOut.class);
    }

    private static String join(List<WordChange> changes, WordChange.Op skipped) {
        StringBuilder s = new StringBuilder();
        changes.stream().filter(c -> c.op() != skipped).forEach(c -> s.append(c.text()));
        return s.toString();
    }
}
