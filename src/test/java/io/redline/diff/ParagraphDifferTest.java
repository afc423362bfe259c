package io.redline.diff;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each paragraph op on small hand-made versions, with the exact entries expected. */
class ParagraphDifferTest {
    static final String A = "Rebels captured the northern town of Kafr Nabl after three days of heavy fighting.";
    static final String B = "The United Nations said twelve thousand civilians had fled towards the Turkish border.";
    static final String C = "Government aircraft bombed the main road south of the town on Sunday morning.";
    static final String D = "A spokesman for the opposition council said talks in Geneva would resume next week.";
    static final String E = "Aid agencies warned that food and medicine were running short in the camps.";

    @Test
    void identicalTextsAreAllUnchanged() {
        TextDiff d = ParagraphDiffer.diff("T", body(A, B, C), "T", body(A, B, C));
        assertThat(ops(d)).containsExactly("UNCHANGED 0->0", "UNCHANGED 1->1", "UNCHANGED 2->2");
        assertThat(d.similarity()).isEqualTo(1.0);
        assertThat(d.title().changed()).isFalse();
        assertThat(d.paragraphs()).allSatisfy(p -> {
            assertThat(p.changeClass()).isEqualTo(ChangeClass.NONE);
            assertThat(p.changes()).isEmpty();
        });
    }

    @Test
    void insertedAndDeletedParagraphsStandWhereTheyWere() {
        TextDiff d = ParagraphDiffer.diff("", body(A, B, C), "", body(A, D, C));
        assertThat(ops(d)).containsExactly("UNCHANGED 0->0", "DELETED 1->-", "INSERTED -->1", "UNCHANGED 2->2");
        assertThat(d.summary().inserted()).isEqualTo(1);
        assertThat(d.summary().deleted()).isEqualTo(1);
        assertThat(d.summary().wordsAdded()).isEqualTo(14);
        assertThat(d.summary().wordsRemoved()).isEqualTo(13);
    }

    @Test
    void aRewordedParagraphIsModifiedWithWordRuns() {
        String reworded = "Rebels seized the northern town of Kafr Nabl after three days of fierce fighting.";
        TextDiff d = ParagraphDiffer.diff("", body(A, B), "", body(reworded, B));
        ParagraphChange p = d.paragraphs().get(0);
        assertThat(p.op()).isEqualTo(ParagraphOp.MODIFIED);
        assertThat(p.changeClass()).isEqualTo(ChangeClass.MINOR);
        assertThat(p.changes()).containsExactly(
                new WordChange(WordChange.Op.EQUAL, "Rebels "),
                new WordChange(WordChange.Op.DELETE, "captured"),
                new WordChange(WordChange.Op.INSERT, "seized"),
                new WordChange(WordChange.Op.EQUAL, " the northern town of Kafr Nabl after three days of "),
                new WordChange(WordChange.Op.DELETE, "heavy"),
                new WordChange(WordChange.Op.INSERT, "fierce"),
                new WordChange(WordChange.Op.EQUAL, " fighting."));
        assertThat(p.similarity()).isEqualTo(0.8571);
    }

    @Test
    void aMoveIsReportedAsAMoveNeverAsDeleteAndInsert() {
        TextDiff d = ParagraphDiffer.diff("", body(A, B, C, D), "", body(D, A, B, C));
        assertThat(ops(d)).containsExactly("MOVED 3->0", "UNCHANGED 0->1", "UNCHANGED 1->2", "UNCHANGED 2->3");
        assertThat(d.paragraphs().get(0).modified()).isFalse();
        assertThat(d.summary().moved()).isEqualTo(1);
    }

    @Test
    void aMovedAndRewordedParagraphIsAModifiedMove() {
        String movedReworded = D.replace("would resume", "are set to resume");
        TextDiff d = ParagraphDiffer.diff("", body(A, B, C, D), "", body(movedReworded, A, B, C));
        ParagraphChange moved = d.paragraphs().get(0);
        assertThat(moved.op()).isEqualTo(ParagraphOp.MOVED);
        assertThat(moved.modified()).isTrue();
        assertThat(moved.fromIndex()).isEqualTo(3);
        assertThat(moved.changes()).extracting(WordChange::op).contains(WordChange.Op.DELETE, WordChange.Op.INSERT);
    }

    @Test
    void aParagraphCutInTwoIsSplit() {
        String whole = A + " " + B;
        TextDiff d = ParagraphDiffer.diff("", body(whole, C), "", body(A, B, C));
        assertThat(ops(d)).containsExactly("SPLIT 0->0,1", "UNCHANGED 1->2");
        ParagraphChange split = d.paragraphs().get(0);
        assertThat(split.toText()).isEqualTo(A + "\n\n" + B);
        assertThat(d.summary().split()).isEqualTo(1);
    }

    @Test
    void twoParagraphsJoinedAreMerged() {
        TextDiff d = ParagraphDiffer.diff("", body(A, B, C), "", body(A + " " + B, C));
        assertThat(ops(d)).containsExactly("MERGED 0,1->0", "UNCHANGED 2->1");
        assertThat(d.summary().merged()).isEqualTo(1);
    }

    @Test
    void splitAndMergeCanBeTurnedOff() {
        TextDiff d = new ParagraphDiffer(new DiffOptions(0.3, false)).compare("", body(A + " " + B, C), "", body(A, B, C));
        assertThat(ops(d)).doesNotContain("SPLIT 0->0,1");
        assertThat(d.paragraphs()).extracting(ParagraphChange::op).doesNotContain(ParagraphOp.SPLIT);
    }

    @Test
    void cosmeticChangesAreClassedCosmetic() {
        String punctuated = "Rebels captured the northern town of Kafr Nabl, after three days of heavy fighting!";
        TextDiff d = ParagraphDiffer.diff("", body(A, B), "", body(punctuated, B));
        assertThat(d.paragraphs().get(0).changeClass()).isEqualTo(ChangeClass.COSMETIC);
        // case, white space and quote style only: the same paragraph after normalisation, shown as unchanged
        TextDiff quotes = ParagraphDiffer.diff("", "He said \"no\".", "", "He  said \u201Cno\u201D.");
        assertThat(quotes.paragraphs().get(0).op()).isEqualTo(ParagraphOp.UNCHANGED);
        assertThat(quotes.paragraphs().get(0).changeClass()).isEqualTo(ChangeClass.COSMETIC);
        // nor does a change of case count as words added and removed
        TextDiff lower = ParagraphDiffer.diff("", "The cat sat.", "", "the cat sat.");
        assertThat(lower.paragraphs().get(0).similarity()).isEqualTo(1.0);
        assertThat(lower.similarity()).isEqualTo(1.0);
        assertThat(lower.summary().wordsAdded()).isZero();
        assertThat(lower.paragraphs().get(0).changes()).isNotEmpty();
    }

    @Test
    void aRewrittenSentenceDoesNotSmearOverItsNeighbours() {
        String old = "The first sentence stays. The army said it had taken the bridge on Monday. The last one stays.";
        String neu = "The first sentence stays. Officials denied any bridge had fallen. The last one stays.";
        ParagraphChange p = ParagraphDiffer.diff("", old, "", neu).paragraphs().get(0);
        assertThat(p.changes()).containsExactly(
                new WordChange(WordChange.Op.EQUAL, "The first sentence stays. "),
                new WordChange(WordChange.Op.DELETE, "The army said it had taken the bridge on Monday. "),
                new WordChange(WordChange.Op.INSERT, "Officials denied any bridge had fallen. "),
                new WordChange(WordChange.Op.EQUAL, "The last one stays."));
    }

    @Test
    void runsReproduceBothTextsAndSpansPointIntoTheBodies() {
        String old = body(A, B, C, D);
        String neu = "  " + body(D.replace("next week", "on Monday"), A, C + " More later.", E) + "\n";
        TextDiff d = ParagraphDiffer.diff("", old, "", neu);
        for (ParagraphChange p : d.paragraphs()) {
            if (p.fromText() != null) {
                assertThat(old.substring(p.fromSpan().start(), p.fromSpan().end())).isEqualTo(p.fromText());
            }
            if (p.toText() != null) {
                assertThat(neu.substring(p.toSpan().start(), p.toSpan().end())).isEqualTo(p.toText());
            }
            if (!p.changes().isEmpty()) {
                assertThat(join(p.changes(), WordChange.Op.INSERT)).isEqualTo(p.fromText());
                assertThat(join(p.changes(), WordChange.Op.DELETE)).isEqualTo(p.toText());
            }
        }
    }

    @Test
    void wholeWordsAndPunctuationAreTheUnitsOfChange() {
        ParagraphChange p = ParagraphDiffer.diff("", "It's 1,500 km away.", "", "It's 1,600 km away!").paragraphs().get(0);
        assertThat(p.changes()).containsExactly(
                new WordChange(WordChange.Op.EQUAL, "It's "),
                new WordChange(WordChange.Op.DELETE, "1,500"),
                new WordChange(WordChange.Op.INSERT, "1,600"),
                new WordChange(WordChange.Op.EQUAL, " km away"),
                new WordChange(WordChange.Op.DELETE, "."),
                new WordChange(WordChange.Op.INSERT, "!"));
    }

    @Test
    void singleNewlinesSeparateParagraphsWhenThereAreNoBlankLines() {
        TextDiff d = ParagraphDiffer.diff("", A + "\n" + B, "", B + "\n" + A);
        // of two swapped paragraphs one stays and one moves; which one is fixed, never a delete and insert
        assertThat(ops(d)).containsExactly("UNCHANGED 1->0", "MOVED 0->1");
    }

    @Test
    void theHeadlineChangeIsAWordDiff() {
        TextDiff d = ParagraphDiffer.diff("Rebels take town", A, "Rebels seize town", A);
        assertThat(d.title().changed()).isTrue();
        assertThat(d.title().changes()).containsExactly(
                new WordChange(WordChange.Op.EQUAL, "Rebels "),
                new WordChange(WordChange.Op.DELETE, "take"),
                new WordChange(WordChange.Op.INSERT, "seize"),
                new WordChange(WordChange.Op.EQUAL, " town"));
    }

    @Test
    void unrelatedTextsShareNothing() {
        TextDiff d = ParagraphDiffer.diff("", body(A, B), "", body(D, E));
        assertThat(d.paragraphs()).extracting(ParagraphChange::op)
                .containsOnly(ParagraphOp.INSERTED, ParagraphOp.DELETED);
        assertThat(d.similarity()).isZero();
    }

    static String body(String... paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /** "OP from->to" per entry, indexes comma-separated, "-" where absent. */
    static List<String> ops(TextDiff d) {
        List<String> out = new ArrayList<>();
        for (ParagraphChange p : d.paragraphs()) {
            out.add(p.op() + " " + indexes(p.fromIndexes()) + "->" + indexes(p.toIndexes()));
        }
        return out;
    }

    private static String indexes(List<Integer> xs) {
        return xs.isEmpty() ? "-" : String.join(",", xs.stream().map(String::valueOf).toList());
    }

    private static String join(List<WordChange> changes, WordChange.Op skipped) {
        StringBuilder s = new StringBuilder();
        changes.stream().filter(c -> c.op() != skipped).forEach(c -> s.append(c.text()));
        return s.toString();
    }
}
