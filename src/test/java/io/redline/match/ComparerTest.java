package io.redline.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.minhash.Fingerprint;
import io.redline.minhash.Fingerprinter;
import io.redline.minhash.MinHasher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComparerTest {
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);
    private static final Comparer COMPARER = new Comparer(Comparer.DEFAULT_PARAGRAPH_THRESHOLD);
    private static final Classifier CLASSIFIER = Classifier.defaults();

    private static final String BYLINE = "By Maya Gebeily";
    private static final String CAPTION = "A man walks past a damaged building in the old city, Syria. REUTERS/Omar Sanadiki";
    private static final String CREDIT = "(Reporting by Maya Gebeily; Editing by Alex Richardson)";

    /** A made-up story about a dam, about 150 words in four paragraphs. */
    private static final String DAM_STORY = String.join("\n\n",
            "ALEPPO, Syria (Reuters) \u2013 Engineers began repairing the cracked Tishrin dam on Tuesday after weeks of "
                    + "warnings that a collapse could flood dozens of villages along the Euphrates river.",
            "The dam, which supplies electricity to more than a million people, was damaged by shelling in the spring, "
                    + "and water levels behind it have risen sharply since heavy rains in late autumn.",
            "Local officials said teams of divers would inspect the foundations first, while cranes brought in from "
                    + "Turkey lifted new steel gates into place over the coming month.",
            "Farmers downstream said they had already moved livestock to higher ground and feared losing the winter "
                    + "wheat harvest if the repairs were delayed again by fighting or by a shortage of spare parts.");

    /** Another made-up story, about a school, also about 150 words, with nothing but boilerplate in common. */
    private static final String SCHOOL_STORY = String.join("\n\n",
            "IDLIB, Syria (Reuters) \u2013 Hundreds of children returned to a rebuilt primary school on Sunday, the first "
                    + "classes held in the town since an air strike destroyed the old building three years ago.",
            "Teachers, many of them unpaid volunteers, painted the classrooms themselves and collected desks from "
                    + "neighbouring towns, while a charity paid for textbooks, heating fuel and a small library.",
            "Parents queued from dawn to register their sons and daughters, and the headmaster said a second shift "
                    + "of lessons in the afternoon would be needed to take every pupil on the waiting list.",
            "Aid groups warned that thousands of other schools in the province remain closed, and that a generation "
                    + "of displaced children risks growing up without learning to read or write.");

    private static Map<String, String> seeds;

    @BeforeAll
    static void readSeeds() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        seeds = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("fixtures/seeds.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode node = mapper.readTree(line);
                seeds.put(node.get("id").asText(), node.get("body").asText());
            }
        }
    }

    private static Comparison compare(String a, String b) {
        return COMPARER.compare(FINGERPRINTER.fingerprint(a), FINGERPRINTER.fingerprint(b));
    }

    @Test
    void identicalTextsAreDuplicates() {
        Comparison c = compare(DAM_STORY, DAM_STORY);
        assertThat(c.jaccard()).isEqualTo(1.0);
        assertThat(c.containmentAInB()).isEqualTo(1.0);
        assertThat(c.containmentBInA()).isEqualTo(1.0);
        assertThat(c.paragraphCoverage()).isEqualTo(1.0);
        assertThat(c.shared()).containsExactly(
                new SharedParagraph(0, 0, 1.0, true), new SharedParagraph(1, 1, 1.0, true),
                new SharedParagraph(2, 2, 1.0, true), new SharedParagraph(3, 3, 1.0, true));
        assertThat(c.onlyInA()).isZero();
        assertThat(c.onlyInB()).isZero();
        assertThat(CLASSIFIER.classify(c)).isEqualTo(Classification.DUPLICATE);
    }

    @Test
    void typographyAndCaseOnlyChangesAreExactDuplicates() {
        // the dateline is matched case-sensitively ("(Reuters)"), so it keeps its case here
        String retyped = DAM_STORY.replace("\u2013", "-").toUpperCase(Locale.ROOT)
                .replace("(REUTERS)", "(Reuters)");
        Comparison c = compare(DAM_STORY, retyped);
        assertThat(c.jaccard()).isEqualTo(1.0);
        assertThat(c.shared()).allMatch(SharedParagraph::exact);
        assertThat(CLASSIFIER.classify(c)).isEqualTo(Classification.DUPLICATE);
    }

    @Test
    void seed07AndItsRewriteSeed08AreARevision() {
        Comparison c = compare(seeds.get("seed-08"), seeds.get("seed-07"));
        assertThat(c.jaccard()).isBetween(0.3, 0.6);
        assertThat(CLASSIFIER.classify(c)).isEqualTo(Classification.REVISION);
        assertThat(CLASSIFIER.classify(compare(seeds.get("seed-07"), seeds.get("seed-08"))))
                .isEqualTo(Classification.REVISION);
    }

    @Test
    void seed02AndSeed03AreDifferentStories() {
        Comparison c = compare(seeds.get("seed-02"), seeds.get("seed-03"));
        assertThat(CLASSIFIER.classify(c)).isEqualTo(Classification.NEW);
        assertThat(c.jaccard()).isLessThan(0.1);
    }

    @Test
    void sharedBylineCaptionAndCreditDoNotMakeDifferentStoriesMatch() {
        String a = String.join("\n\n", CAPTION, BYLINE, DAM_STORY, CREDIT);
        String b = String.join("\n\n", CAPTION, BYLINE, SCHOOL_STORY, CREDIT);
        Comparison c = compare(a, b);
        assertThat(c.jaccard()).isLessThan(0.05);
        assertThat(c.shared()).isEmpty();
        assertThat(c.onlyInA()).isEqualTo(4);
        assertThat(c.onlyInB()).isEqualTo(4);
        assertThat(CLASSIFIER.classify(c)).isEqualTo(Classification.NEW);
    }

    @Test
    void aLightlyEditedCopyIsARevisionOrDuplicate() {
        String edited = DAM_STORY
                .replace("began repairing the cracked", "started to repair the damaged")
                .replace("feared losing the winter wheat harvest", "were afraid of losing this winter's wheat crop");
        Comparison c = compare(edited, DAM_STORY);
        assertThat(CLASSIFIER.classify(c)).isIn(Classification.REVISION, Classification.DUPLICATE);
        assertThat(c.paragraphCoverage()).isEqualTo(1.0);
        assertThat(c.shared()).extracting(SharedParagraph::exact).containsExactly(false, true, true, false);
    }

    @Test
    void sharedParagraphsPointAtTheMatchingParagraphsOfEachText() {
        String[] p = DAM_STORY.split("\n\n");
        String[] q = SCHOOL_STORY.split("\n\n");
        // A: byline, p0, p1, p2 (paragraph indexes count boilerplate too)
        String a = String.join("\n\n", BYLINE, p[0], p[1], p[2]);
        // B: q0, p2, q1, p0
        String b = String.join("\n\n", q[0], p[2], q[1], p[0]);
        Comparison c = compare(a, b);
        assertThat(c.shared()).containsExactly(
                new SharedParagraph(1, 3, 1.0, true),
                new SharedParagraph(3, 1, 1.0, true));
        assertThat(c.onlyInA()).isEqualTo(1);
        assertThat(c.onlyInB()).isEqualTo(2);
    }

    @Test
    void aRewordedParagraphIsSharedButNotExact() {
        String a = "Engineers began repairing the cracked Tishrin dam on Tuesday after weeks of warnings.";
        String b = "Engineers began repairing the damaged Tishrin dam on Tuesday after weeks of warnings.";
        Comparison c = compare(a, b);
        assertThat(c.shared()).hasSize(1);
        SharedParagraph s = c.shared().get(0);
        assertThat(s.exact()).isFalse();
        assertThat(s.similarity()).isEqualTo(0.8333); // 10 of its 12 word pairs survive, rounded to 4 places
    }

    @Test
    void containmentIsMeasuredFromEachSide() {
        String[] p = DAM_STORY.split("\n\n");
        String half = String.join("\n\n", p[0], p[1]);
        Comparison c = compare(half, DAM_STORY);
        assertThat(c.containmentAInB()).isEqualTo(1.0);
        assertThat(c.containmentBInA()).isLessThan(1.0);
        assertThat(c.jaccard()).isEqualTo(c.containmentBInA());
        assertThat(c.paragraphCoverage()).isEqualTo(1.0);
        assertThat(c.onlyInB()).isEqualTo(2);
    }

    @Test
    void twoEmptyTextsHaveJaccardZeroNotNaN() {
        Comparison c = compare("", "");
        assertThat(c.jaccard()).isZero();
        assertThat(c.containmentAInB()).isZero();
        assertThat(c.paragraphCoverage()).isZero();
        assertThat(CLASSIFIER.classify(c)).isEqualTo(Classification.NEW);
    }

    @Test
    void constructorRejectsAThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> new Comparer(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("paragraph threshold must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new Comparer(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("paragraph threshold must be in (0, 1], got 1.5");
    }

    /** A stored text's kept index ({@link IndexedParagraphs}) gives every field of the comparison as a fresh one does. */
    @Test
    void aKeptIndexGivesTheSameComparisonsAsOneBuiltPerComparison() {
        java.util.List<io.redline.testing.NewsCorpusGenerator.Doc> docs = io.redline.testing.NewsCorpusGenerator.builder()
                .count(120).revisionFraction(0.7).rewording(io.redline.testing.NewsCorpusGenerator.Rewording.HEAVY)
                .boilerplate(true).build().generate();
        java.util.List<Fingerprint> kept = new java.util.ArrayList<>();
        for (io.redline.testing.NewsCorpusGenerator.Doc d : docs) {
            Fingerprint f = FINGERPRINTER.fingerprint(d.body());
            kept.add(new Fingerprint(IndexedParagraphs.of(f.paragraphs()), f.shingles(), f.signature(), new long[0]));
        }
        for (int i = 1; i < docs.size(); i++) {
            Fingerprint query = FINGERPRINTER.fingerprint(docs.get(i).body());
            for (int j = Math.max(0, i - 30); j < i; j++) {
                Fingerprint fresh = FINGERPRINTER.fingerprint(docs.get(j).body());
                assertThat(COMPARER.compare(query, kept.get(j))).isEqualTo(COMPARER.compare(query, fresh));
                assertThat(COMPARER.compare(kept.get(j), query)).isEqualTo(COMPARER.compare(fresh, query));
            }
        }
    }

    /**
     * Counting both texts' best matches in one pass over B ({@link TermIndex#bestOf}) gives every field of the
     * comparison as searching each paragraph of both does: texts of 60 to 3,000 words (revisions, templates and
     * unrelated ones) and excerpts (a text's first paragraphs against the whole), both orders.
     */
    @Test
    void countingInOnePassGivesTheSameComparisonsAsSearchingEveryParagraph() {
        Comparer everyParagraph = new Comparer(Comparer.DEFAULT_PARAGRAPH_THRESHOLD, false);
        java.util.List<io.redline.testing.NewsCorpusGenerator.Doc> docs = io.redline.testing.NewsCorpusGenerator.builder()
                .seed(17).count(160).words(60, 3000).revisionFraction(0.6).templateFraction(0.2)
                .rewording(io.redline.testing.NewsCorpusGenerator.Rewording.HEAVY).boilerplate(true).build().generate();
        java.util.List<Fingerprint> texts = new java.util.ArrayList<>();
        for (io.redline.testing.NewsCorpusGenerator.Doc d : docs) {
            texts.add(FINGERPRINTER.fingerprint(d.body()));
            String[] paragraphs = d.body().split("\n\n");
            String excerpt = String.join("\n\n", java.util.Arrays.copyOf(paragraphs, Math.max(1, paragraphs.length / 4)));
            texts.add(FINGERPRINTER.fingerprint(excerpt));
        }
        int sharing = 0;
        int reworded = 0;
        for (int i = 1; i < texts.size(); i++) {
            for (int j = Math.max(0, i - 40); j < i; j++) {
                Fingerprint a = texts.get(i);
                Fingerprint b = texts.get(j);
                Comparison ab = COMPARER.compare(a, b);
                assertThat(ab).as("%d against %d", i, j).isEqualTo(everyParagraph.compare(a, b));
                assertThat(COMPARER.compare(b, a)).as("%d against %d", j, i).isEqualTo(everyParagraph.compare(b, a));
                if (!ab.shared().isEmpty()) {
                    sharing++;
                }
                if (ab.shared().stream().anyMatch(s -> s.similarity() < 1)) {
                    reworded++;
                }
            }
        }
        assertThat(sharing).isGreaterThan(500);
        assertThat(reworded).isGreaterThan(300);
    }

    /**
     * The fact changes of a comparison are those of its shared, reworded paragraphs read afresh from their texts,
     * whichever texts were compared before on the thread (the text compared as A keeps its paragraphs' tokens).
     */
    @Test
    void factChangesAreThoseOfTheSharedParagraphsReadAfresh() {
        java.util.List<io.redline.testing.NewsCorpusGenerator.Doc> docs = io.redline.testing.NewsCorpusGenerator.builder()
                .seed(23).count(80).revisionFraction(0.8).templateFraction(0.3)
                .rewording(io.redline.testing.NewsCorpusGenerator.Rewording.HEAVY).build().generate();
        java.util.List<Fingerprint> texts = docs.stream().map(d -> FINGERPRINTER.fingerprint(d.body())).toList();
        java.util.Random rng = new java.util.Random(3);
        int withChanges = 0;
        for (int n = 0; n < 3_000; n++) {
            // runs of the same A, as in a look-up, and switches to another A, back and forth
            Fingerprint a = texts.get(rng.nextInt(4) == 0 ? rng.nextInt(texts.size()) : n / 40 % texts.size());
            Fingerprint b = texts.get(rng.nextInt(texts.size()));
            Comparison c = COMPARER.compare(a, b);
            FactChanges expected = FactChanges.NONE;
            for (SharedParagraph s : c.shared()) {
                Fingerprint.ParagraphTerms pa = a.paragraphs().get(s.index());
                Fingerprint.ParagraphTerms pb = b.paragraphs().get(s.matchIndex());
                if (!s.exact() && !(s.similarity() == 1.0 && pa.terms().length == pb.terms().length)) {
                    expected = expected.plus(FactChanges.of(pb.paragraph().text(), pa.paragraph().text()));
                }
            }
            assertThat(c.changes()).isEqualTo(expected);
            if (expected.paragraphs() > 0 && a != b) {
                withChanges++;
            }
        }
        assertThat(withChanges).isGreaterThan(300);
    }
}
