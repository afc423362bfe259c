package io.redline.match;

import io.redline.minhash.Fingerprint.ParagraphTerms;
import io.redline.minhash.Fingerprinter;
import io.redline.minhash.MinHasher;
import io.redline.testing.NewsCorpusGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.redline.text.WorstCaseInputs.body;
import static io.redline.text.WorstCaseInputs.legalClauses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TermIndex#best} against the definition, counted paragraph by paragraph: the most word pairs shared, the
 * first in text order on a tie. Covers the shortcut for a query with exactly a paragraph's pairs (an earlier
 * paragraph holding more must still win) and the counting path.
 */
class TermIndexTest {
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);

    @Test
    void anEarlierParagraphHoldingMorePairsWinsOverOneWithExactlyTheQuerysPairs() {
        TermIndex index = new TermIndex(terms(String.join("\n\n",
                "the river rose over the old bridge at dawn and the town woke up",
                "the river rose over the old bridge at dawn",
                "the river rose over the old bridge at dawn")));
        long[] query = terms("the river rose over the old bridge at dawn").get(0).terms();

        TermIndex.Best best = index.searcher().best(query);

        assertThat(best.position()).isZero();
        assertThat(best.shared()).isEqualTo(query.length);
    }

    @Test
    void aQueryWithExactlyARepeatedParagraphsPairsFindsItsFirstCopy() {
        TermIndex index = new TermIndex(terms(String.join("\n\n",
                "an unrelated paragraph about the harvest", "the river rose at dawn", "the river rose at dawn")));

        TermIndex.Best best = index.searcher().best(terms("The river rose, at dawn.").get(0).terms());

        assertThat(best).isEqualTo(new TermIndex.Best(1, 4));
    }

    @Test
    void revisionsGetTheSameBestParagraphAsCountingEveryOneGives() {
        List<NewsCorpusGenerator.Doc> docs = NewsCorpusGenerator.builder().count(200).revisionFraction(0.7)
                .rewording(NewsCorpusGenerator.Rewording.HEAVY).boilerplate(true).build().generate();
        int compared = 0;
        for (NewsCorpusGenerator.Doc d : docs) {
            if (d.parent() == null) {
                continue;
            }
            List<ParagraphTerms> revision = FINGERPRINTER.paragraphTerms(d.body());
            List<ParagraphTerms> parent = FINGERPRINTER.paragraphTerms(docs.get(Integer.parseInt(d.parent().substring(1))).body());
            compared += assertBestAsCounted(revision, parent) + assertBestAsCounted(parent, revision);
        }
        assertThat(compared).isGreaterThan(3_000);
    }

    @Test
    void paragraphsThatAreSubsetsOfOneAnotherGetTheSameBestAsCountingGives() {
        // sentences cut at random points of one stream of words: many paragraphs are prefixes of others
        Random rng = new Random(11);
        List<String> words = List.of("storm", "river", "bridge", "town", "rain", "north", "mayor", "school");
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder p = new StringBuilder();
            for (int n = 2 + rng.nextInt(6); n > 0; n--) {
                p.append(words.get(rng.nextInt(words.size()))).append(' ');
            }
            paragraphs.add(p.toString().trim());
        }
        List<ParagraphTerms> text = terms(body(paragraphs));
        assertThat(assertBestAsCounted(text, text)).isEqualTo(300);
    }

    @Test
    void aTextWithFrequentPairsStillFindsTheBestAmongItsParagraphs() {
        List<ParagraphTerms> clauses = terms(body(legalClauses(400)));
        TermIndex.Searcher search = new TermIndex(clauses).searcher();
        for (int i = 0; i < clauses.size(); i++) {
            TermIndex.Best best = search.best(clauses.get(i).terms());
            assertThat(best.shared()).as("paragraph %d", i).isEqualTo(clauses.get(i).terms().length);
        }
    }

    @Test
    void withFrequentPairsACopiedParagraphStillGetsTheFirstParagraphHoldingAllItsPairs() {
        // "zork blat" is in 120 paragraphs: frequent. Twenty earlier paragraphs hold every other pair of the
        // query, more than counting completes with the frequent ones; the first holding all four is "... today"
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            paragraphs.add("blat storm hits coast " + word(i));
        }
        for (int i = 0; i < 120; i++) {
            paragraphs.add("zork blat river " + word(100 + i));
        }
        paragraphs.add("zork blat storm hits coast today");
        paragraphs.add("zork blat storm hits coast");
        List<ParagraphTerms> text = terms(body(paragraphs));
        TermIndex index = new TermIndex(text);
        assertThat(index.hasFrequent()).isTrue();
        TermIndex.Best best = index.searcher().best(text.get(141).terms());
        assertThat(best).isEqualTo(new TermIndex.Best(140, text.get(141).terms().length));
    }

    /** A word of letters only, different for every {@code n}. */
    private static String word(int n) {
        StringBuilder w = new StringBuilder("q");
        for (int m = n; m > 0 || w.length() == 1; m /= 26) {
            w.append((char) ('a' + m % 26));
        }
        return w.toString();
    }

    @Test
    void bestOfGivesEachParagraphWhatItsOwnSearchGives() {
        // the subsets text (many ties: repeated paragraphs, prefixes) against parts of itself, and revisions
        Random rng = new Random(5);
        List<String> words = List.of("storm", "river", "bridge", "town", "rain", "north", "mayor", "school", "dam");
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder p = new StringBuilder();
            for (int n = 2 + rng.nextInt(7); n > 0; n--) {
                p.append(words.get(rng.nextInt(words.size()))).append(' ');
            }
            paragraphs.add(p.toString().trim());
        }
        List<ParagraphTerms> whole = terms(body(paragraphs));
        int checked = assertBestOfAsSearched(whole, terms(body(paragraphs.subList(0, 40))))
                + assertBestOfAsSearched(terms(body(paragraphs.subList(100, 180))), whole);
        List<NewsCorpusGenerator.Doc> docs = NewsCorpusGenerator.builder().count(120).words(60, 2000)
                .revisionFraction(0.7).rewording(NewsCorpusGenerator.Rewording.HEAVY).boilerplate(true).build().generate();
        for (int i = 1; i < docs.size(); i++) {
            List<ParagraphTerms> a = FINGERPRINTER.paragraphTerms(docs.get(i).body());
            List<ParagraphTerms> b = FINGERPRINTER.paragraphTerms(docs.get(i - 1).body());
            checked += assertBestOfAsSearched(a, b) + assertBestOfAsSearched(b, a);
        }
        assertThat(checked).isGreaterThan(2_000);
    }

    @Test
    void bestOfCountsFrequentPairsExactlyWithinItsBudget() {
        // clauses that all say "the parties" and the like: pairs held by hundreds of paragraphs of both texts
        List<ParagraphTerms> clauses = terms(body(legalClauses(400)));
        List<ParagraphTerms> revised = terms(body(legalClauses(300).stream().map(c -> c.replace("shall", "must")).toList()));
        TermIndex own = new TermIndex(clauses);
        assertThat(own.hasFrequent()).isTrue();
        TermIndex other = new TermIndex(revised);
        long[] otherBest = new long[other.paragraphs().size()];

        long[] found = own.bestOf(other.paragraphs(), otherBest, Long.MAX_VALUE);

        for (int pos = 0; pos < own.paragraphs().size(); pos++) {
            assertThat(best(found[pos])).as("paragraph %d", pos).isEqualTo(counted(other.paragraphs(), own.paragraphs().get(pos).terms()));
        }
        for (int pos = 0; pos < other.paragraphs().size(); pos++) {
            assertThat(best(otherBest[pos])).as("other's paragraph %d", pos).isEqualTo(counted(own.paragraphs(), other.paragraphs().get(pos).terms()));
        }
        // the same count with fewer postings to walk than it needs gives up
        assertThat(own.bestOf(other.paragraphs(), otherBest, own.pairs() + other.pairs())).isNull();
    }

    private static TermIndex.Best best(long found) {
        return found == 0 ? null : new TermIndex.Best((int) found, (int) (found >>> 32));
    }

    /** {@code bestOf} of {@code text} against {@code other}, position by position, as each paragraph's search gives it. */
    private static int assertBestOfAsSearched(List<ParagraphTerms> text, List<ParagraphTerms> other) {
        TermIndex own = new TermIndex(text);
        TermIndex index = new TermIndex(other);
        long[] otherBest = new long[index.paragraphs().size()];
        long[] found = own.bestOf(index.paragraphs(), otherBest, Long.MAX_VALUE);
        assertAsSearched(found, own, index);
        assertAsSearched(otherBest, index, own);
        return own.paragraphs().size() + index.paragraphs().size();
    }

    /** {@code found}, per position of {@code text}, is what the search of {@code other} answers for its paragraph. */
    private static void assertAsSearched(long[] found, TermIndex text, TermIndex other) {
        TermIndex.Searcher search = other.searcher();
        for (int pos = 0; pos < text.paragraphs().size(); pos++) {
            TermIndex.Best expected = search.best(text.paragraphs().get(pos).terms());
            TermIndex.Best got = best(found[pos]);
            assertThat(got).as("paragraph %d", pos).isEqualTo(expected);
        }
    }

    /** Checks every content paragraph of {@code queries} against {@code text}; returns how many were checked. */
    private static int assertBestAsCounted(List<ParagraphTerms> queries, List<ParagraphTerms> text) {
        TermIndex index = new TermIndex(text);
        TermIndex.Searcher search = index.searcher();
        int checked = 0;
        for (ParagraphTerms q : queries) {
            if (q.boilerplate() || q.terms().length == 0) {
                continue;
            }
            TermIndex.Best expected = counted(index.paragraphs(), q.terms());
            assertThat(search.best(q.terms())).as(q.paragraph().text()).isEqualTo(expected);
            // asked for a least number of shared pairs: the same answer when it has them, else possibly none
            for (int needed = 1; needed <= q.terms().length; needed += 1 + q.terms().length / 7) {
                TermIndex.Best atLeast = search.best(q.terms(), needed);
                if (expected != null && expected.shared() >= needed) {
                    assertThat(atLeast).as("%s, %d needed", q.paragraph().text(), needed).isEqualTo(expected);
                } else if (atLeast != null) {
                    assertThat(atLeast).isEqualTo(expected);
                }
            }
            checked++;
        }
        return checked;
    }

    /** The definition: shared pairs counted in every paragraph, the most first, then the earliest; null if none. */
    private static TermIndex.Best counted(List<ParagraphTerms> paragraphs, long[] query) {
        TermIndex.Best best = null;
        for (int pos = 0; pos < paragraphs.size(); pos++) {
            int shared = 0;
            for (long t : query) {
                if (java.util.Arrays.binarySearch(paragraphs.get(pos).terms(), t) >= 0) {
                    shared++;
                }
            }
            if (shared > 0 && (best == null || shared > best.shared())) {
                best = new TermIndex.Best(pos, shared);
            }
        }
        return best;
    }

    private static List<ParagraphTerms> terms(String body) {
        return FINGERPRINTER.paragraphTerms(body);
    }
}
