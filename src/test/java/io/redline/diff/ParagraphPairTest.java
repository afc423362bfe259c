package io.redline.diff;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ParagraphPairTest {
    @Test
    void pairedSentencesAreMarkedOnBothSidesAndTheSimilarityIsTheDiffs() {
        ParagraphPair p = ParagraphPair.of("Troops took the town. Rain fell.", "Troops seized the town. Snow came.");
        assertThat(p.similarity()).isEqualTo(0.5);
        assertThat(p.sentences()).containsExactly(new Span(0, 21));
        assertThat(p.counterpartSentences()).containsExactly(new Span(0, 23));
    }

    @Test
    void theSameTextAfterNormalisationIsWhollyShared() {
        ParagraphPair p = ParagraphPair.of("He said \"yes.\" Then left.", "He said “yes.” Then left.");
        assertThat(p.similarity()).isEqualTo(1.0);
        assertThat(p.sentences()).containsExactly(new Span(0, 14), new Span(15, 25));
    }

    @Test
    void anAbbreviationDoesNotCutASharedSentenceInTwo() {
        ParagraphPair p = ParagraphPair.of("A spokesman for the U.S. Colonel Ryan Dillon said so. Fine.",
                "A spokesman, U.S. Colonel Ryan Dillon, said so on Friday. Other words here.");
        assertThat(p.sentences()).containsExactly(new Span(0, 53));
        assertThat(p.counterpartSentences()).containsExactly(new Span(0, 57));
    }

    /** The diff's paragraph similarity and the pair's are one function: they agree on every reworded pair. */
    @Test
    void theDiffShowsThePairsSimilarity() {
        String a = "Forces took the town on Friday. Officials said two hundred homes were lost.\n\nA second paragraph.";
        String b = "Forces seized the town on Friday. Officials said 300 homes were lost in all.\n\nA second paragraph.";
        TextDiff d = ParagraphDiffer.diff("", a, "", b);
        ParagraphChange first = d.paragraphs().get(0);
        assertThat(first.op()).isEqualTo(ParagraphOp.MODIFIED);
        assertThat(first.similarity()).isEqualTo(ParagraphPair.of(first.fromText(), first.toText()).similarity());
        assertThat(List.of(d.paragraphs().get(1).similarity())).containsExactly(1.0);
    }

    /** The pair counts the words of the same word diff that the diff shows, on every reworded paragraph of many revisions. */
    @Test
    void thePairsCountAgreesWithTheDiffOnGeneratedRevisions() {
        EditGenerator generator = new EditGenerator();
        Random seeds = new Random(7);
        int modified = 0;
        for (int k = 0; k < 300; k++) {
            EditGenerator.Case c = generator.generate(seeds.nextLong(), true);
            for (ParagraphChange p : ParagraphDiffer.diff("", c.fromBody(), "", c.toBody()).paragraphs()) {
                if (p.op() == ParagraphOp.MODIFIED) {
                    modified++;
                    assertThat(ParagraphPair.of(p.fromText(), p.toText()).similarity()).isEqualTo(p.similarity());
                }
            }
        }
        assertThat(modified).isGreaterThan(100);
    }

    @Test
    void aCallerThatKnowsTheNormalFormsAgreeGetsTheSameAnswer() {
        String a = "He said \"yes.\" Then left.";
        String b = "He said \u201Cyes.\u201D Then left.";
        assertThat(ParagraphPair.of(a, b, true)).isEqualTo(ParagraphPair.of(a, b));
        assertThat(ParagraphPair.of(a, a, true)).isEqualTo(ParagraphPair.of(a, a));
    }
}
