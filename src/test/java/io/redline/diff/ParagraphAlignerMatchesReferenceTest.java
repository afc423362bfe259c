package io.redline.diff;

import io.redline.diff.EditGenerator.Case;
import io.redline.text.Paragraph;
import io.redline.text.Paragraphs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.redline.text.WorstCaseInputs.MAX_PARAGRAPHS;
import static io.redline.text.WorstCaseInputs.article;
import static io.redline.text.WorstCaseInputs.legalClauses;
import static io.redline.text.WorstCaseInputs.reworded;
import static io.redline.text.WorstCaseInputs.sharedPair;
import static io.redline.text.WorstCaseInputs.shortParagraphs;
import static io.redline.text.WorstCaseInputs.shuffled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ParagraphAligner} (words as int ids) gives exactly what {@link ReferenceParagraphAligner} (words as
 * Strings, the code it replaced) gives: the same links, in the same order, with the same scores to the last bit,
 * on generated revisions (with other options too), long texts of hundreds of paragraphs a side (where posting
 * lists are bounded and the word-pair look-up is used), paragraphs repeated with small changes (ties), and the
 * worst-case inputs.
 */
class ParagraphAlignerMatchesReferenceTest {
    private static final long SEED = 20261126L;
    private final EditGenerator generator = new EditGenerator();

    @Test
    void generatedRevisions() {
        Random seeds = new Random(SEED);
        for (int k = 0; k < 1_000; k++) {
            assertSameLinks(generator.generate(seeds.nextLong(), k % 4 != 0), DiffOptions.defaults());
        }
    }

    @Test
    void generatedRevisionsWithOtherOptions() {
        Random seeds = new Random(SEED + 1);
        List<DiffOptions> options = List.of(new DiffOptions(0.5, true), new DiffOptions(0.3, false),
                new DiffOptions(0.1, true), new DiffOptions(1.0, true));
        for (int k = 0; k < 400; k++) {
            assertSameLinks(generator.generate(seeds.nextLong(), true), options.get(k % options.size()));
        }
    }

    /** Many revised articles end to end, blocks of the new side shuffled: 300–700 paragraphs a side. */
    @Test
    void longTextsOfManyArticles() {
        Random rnd = new Random(SEED + 2);
        for (int doc = 0; doc < 12; doc++) {
            List<List<String>> from = new ArrayList<>();
            List<List<String>> to = new ArrayList<>();
            for (int k = 0; k < 20 + rnd.nextInt(30); k++) {
                Case c = generator.generate(rnd.nextLong(), true);
                from.add(c.fromParagraphs());
                to.add(c.toParagraphs());
            }
            java.util.Collections.shuffle(to, rnd);
            assertSameLinks(flat(from), flat(to), DiffOptions.defaults(), "long text " + doc);
        }
    }

    /** Each paragraph three times, the copies losing the same or different words: many equal scores. */
    @Test
    void paragraphsRepeatedWithSmallChanges() {
        Random rnd = new Random(SEED + 3);
        for (int k = 0; k < 100; k++) {
            Case c = generator.generate(rnd.nextLong(), true);
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            for (String p : c.fromParagraphs()) {
                from.addAll(List.of(p, p, p + " Extra words here."));
                to.addAll(List.of(withoutWord(p, 1), withoutWord(p, 1), withoutWord(p, 2)));
            }
            assertSameLinks(from, shuffled(to, k), DiffOptions.defaults(), "repeated, case " + k);
        }
    }

    @Test
    void worstCaseInputs() {
        List<String> clauses = legalClauses(MAX_PARAGRAPHS);
        assertSameLinks(clauses, clauses.stream().map(c -> c.replace("thirty days", "sixty days")).toList(),
                DiffOptions.defaults(), "legal clauses");
        List<String> pairs = sharedPair(MAX_PARAGRAPHS);
        assertSameLinks(pairs, shuffled(reworded(pairs), 6), DiffOptions.defaults(), "shared pair");
        List<String> shortOnes = shortParagraphs(3_000, 3_000);
        assertSameLinks(shortOnes, shuffled(reworded(shortOnes), 3_001), DiffOptions.defaults(), "short paragraphs");
        List<String> long1 = article(2_000, 2);
        assertSameLinks(long1, shuffled(reworded(long1), 3), DiffOptions.defaults(), "article");
    }

    private static void assertSameLinks(Case c, DiffOptions options) {
        assertSameLinks(texts(c.fromBody()), texts(c.toBody()), options, c.describe() + " " + options);
    }

    private static void assertSameLinks(List<String> a, List<String> b, DiffOptions options, String what) {
        List<String> expected = ReferenceParagraphAligner.align(a, b, options).stream()
                .map(l -> l.kind() + " " + l.from() + " → " + l.to() + " " + l.score() + " " + l.inPlace()).toList();
        List<String> actual = ParagraphAligner.align(a, b, options).stream()
                .map(l -> l.kind() + " " + l.from() + " → " + l.to() + " " + l.score() + " " + l.inPlace()).toList();
        assertThat(actual).as(what).isEqualTo(expected);
    }

    private static List<String> texts(String body) {
        return Paragraphs.split(body).stream().map(Paragraph::text).toList();
    }

    private static List<String> flat(List<List<String>> blocks) {
        return blocks.stream().flatMap(List::stream).toList();
    }

    /** The paragraph without its {@code k}-th space-separated word (if it has that many). */
    private static String withoutWord(String p, int k) {
        List<String> words = new ArrayList<>(List.of(p.split(" ")));
        if (words.size() > k) {
            words.remove(k);
        }
        return String.join(" ", words);
    }
}
