package io.redline.match;

import io.redline.budget.Deadline;
import io.redline.minhash.Fingerprint;
import io.redline.minhash.Fingerprint.ParagraphTerms;
import io.redline.text.Hashes;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact comparison of two fingerprints: shingle-set Jaccard and containments, and paragraph-level evidence.
 *
 * <p>A paragraph of A "reappears" in B when at least {@code paragraphThreshold} of its word pairs occur in
 * one paragraph of B. Word pairs survive light rewording (a word swapped here and there) that breaks most
 * longer shingles, and they ignore the function words that any two English paragraphs share. Boilerplate
 * paragraphs never count as evidence.
 *
 * <p>Each paragraph's best match comes from an inverted index of text A's word pairs ({@link TermIndex}): B's
 * paragraphs are looked up in it in one pass that gives the best matches both ways ({@link TermIndex#bestOf}), so
 * the work grows with the length of the texts, never with the product of their paragraph counts, and B needs no
 * index. A is the text a look-up compares with each candidate in turn, so its index is built once per look-up, and
 * stored versions, compared as B, are held without one ({@code detect.HeldVersions}). Only where that count would
 * walk too many postings (pairs most paragraphs of both texts hold, as in thousands of copies of one clause) is each
 * paragraph searched in the other's index instead, bounded by {@link TermIndex#MAX_POSTINGS}. It checks
 * {@link io.redline.budget.Deadline} once per paragraph. Immutable and thread-safe.
 */
public final class Comparer {
    public static final double DEFAULT_PARAGRAPH_THRESHOLD = 0.4;
    /**
     * Postings the one-pass count walks at most, per word pair of the two texts. Measured per pair: generated
     * revisions of 5,000 words 1.3 (median), of 20,000 words 3.5 (pairs such as "of the" in a third of their
     * paragraphs); real legal text (eight GNU and Mozilla licences, each against the previous in a list) 1.1, all
     * eight as one 48,000-word text against itself reordered 7.0 (BENCHMARKS §10(k)). A text of thousands of copies
     * of one clause walks thousands per pair, and is searched paragraph by paragraph instead.
     */
    static final int COUNT_BUDGET_PER_PAIR = 32;
    /**
     * The inverted indexes of the last two texts compared on this thread that do not keep their own
     * ({@link IndexedParagraphs}): a look-up compares one text with each candidate in turn, and its index is built
     * once, not once per candidate. An index is a pure function of
     * its paragraph list, found by identity (fingerprints' lists are immutable), so results do not depend on it.
     */
    private static final ThreadLocal<RecentIndexes> RECENT = ThreadLocal.withInitial(RecentIndexes::new);

    private final double paragraphThreshold;
    private final boolean countInOnePass;

    public Comparer(double paragraphThreshold) {
        this(paragraphThreshold, true);
    }

    /**
     * @param countInOnePass whether best matches are counted in one pass over B ({@link TermIndex#bestOf}) when its
     *                       budget allows; false only in tests, which check that searching every paragraph gives the
     *                       same comparison
     */
    Comparer(double paragraphThreshold, boolean countInOnePass) {
        this.countInOnePass = countInOnePass;
        if (!(paragraphThreshold > 0 && paragraphThreshold <= 1)) {
            throw new IllegalArgumentException("paragraph threshold must be in (0, 1], got " + paragraphThreshold);
        }
        this.paragraphThreshold = paragraphThreshold;
    }

    public Comparison compare(Fingerprint a, Fingerprint b) {
        long[] sa = a.shingles();
        long[] sb = b.shingles();
        int both = Hashes.intersectionSize(sa, sb);
        int union = sa.length + sb.length - both;
        double jaccard = union == 0 ? 0 : (double) both / union;
        double aInB = sa.length == 0 ? 0 : (double) both / sa.length;
        double bInA = sb.length == 0 ? 0 : (double) both / sb.length;

        TermIndex ia = indexOf(a.paragraphs());
        List<ParagraphTerms> contentOfB = content(b.paragraphs());
        long[] bestOfB = new long[contentOfB.size()];
        long[] bestOfA = countInOnePass
                ? ia.bestOf(contentOfB, bestOfB, COUNT_BUDGET_PER_PAIR * (ia.pairs() + pairs(contentOfB))) : null;
        List<SharedParagraph> shared;
        List<SharedParagraph> sharedBack;
        if (bestOfA != null) {
            shared = reappearing(ia.paragraphs(), contentOfB, bestOfA);
            sharedBack = reappearing(contentOfB, ia.paragraphs(), bestOfB);
        } else {
            shared = reappearing(a, indexOf(b.paragraphs()));
            sharedBack = reappearing(b, ia);
        }
        return new Comparison(jaccard, aInB, bInA, coverage(a, shared), coverage(b, sharedBack),
                ia.paragraphs().size(), contentOfB.size(), shared, sharedBack.size(), changes(a, b, shared));
    }

    /** Word and fact changes over the shared paragraphs of {@code a} that are not exact copies. */
    private static FactChanges changes(Fingerprint a, Fingerprint b, List<SharedParagraph> shared) {
        FactChanges total = FactChanges.NONE;
        RecentTokens own = shared.isEmpty() ? null : RECENT_TOKENS.get().of(a.paragraphs());
        for (SharedParagraph s : shared) {
            Deadline.check();
            // paragraphs are listed by index, boilerplate included
            ParagraphTerms pa = a.paragraphs().get(s.index());
            ParagraphTerms pb = b.paragraphs().get(s.matchIndex());
            // the same word pairs on both sides: only punctuation or case moved, no word or fact
            boolean samePairs = s.similarity() == 1.0 && pa.terms().length == pb.terms().length;
            if (!s.exact() && !samePairs) {
                total = total.plus(FactChanges.between(FactChanges.Tokens.of(pb.paragraph().text()),
                        own.tokens(s.index(), pa)));
            }
        }
        return total;
    }

    /**
     * Paragraphs of {@code a} that reappear in {@code b}: each one's best match is the paragraph of {@code b}
     * sharing the largest share of its word pairs (the first on a tie), searched in {@code index}, {@code b}'s.
     */
    private List<SharedParagraph> reappearing(Fingerprint a, TermIndex index) {
        List<SharedParagraph> out = new ArrayList<>();
        TermIndex.Searcher search = index.searcher();
        for (ParagraphTerms pa : a.paragraphs()) {
            Deadline.check();
            if (!TermIndex.indexes(pa)) {
                continue;
            }
            TermIndex.Best found = search.best(pa.terms(), sharedNeeded(pa.terms().length));
            if (found != null) {
                add(out, pa, index.paragraphs().get(found.position()), found.shared());
            }
        }
        return out;
    }

    /**
     * The same answer from each paragraph's best match already counted ({@link TermIndex#bestOf}: position in
     * {@code other} in the low 32 bits, pairs shared in the high 32, 0 for none); {@code own} and {@code other} are
     * the two texts' indexed paragraphs.
     */
    private List<SharedParagraph> reappearing(List<ParagraphTerms> own, List<ParagraphTerms> other, long[] found) {
        List<SharedParagraph> out = new ArrayList<>();
        for (int position = 0; position < own.size(); position++) {
            int shared = (int) (found[position] >>> 32);
            if (shared > 0) {
                add(out, own.get(position), other.get((int) found[position]), shared);
            }
        }
        return out;
    }

    /** Adds {@code pa} as reappearing in {@code match} if the {@code shared} pairs are enough of its own. */
    private void add(List<SharedParagraph> out, ParagraphTerms pa, ParagraphTerms match, int shared) {
        double best = (double) shared / pa.terms().length;
        if (best >= paragraphThreshold) {
            // exact: the same normal form, told by hashes computed once per text rather than by comparing the two
            // paragraphs' characters for every pair of texts
            boolean exact = best == 1.0 && pa.normalHash() == match.normalHash();
            out.add(new SharedParagraph(pa.paragraph().index(), match.paragraph().index(),
                    Math.round(best * 1e4) / 1e4, exact));
        }
    }

    /** The fewest shared pairs that make a paragraph of {@code pairs} pairs reappear, as the test below decides it. */
    private int sharedNeeded(int pairs) {
        int needed = (int) Math.ceil(paragraphThreshold * pairs);
        while (needed > 0 && (double) (needed - 1) / pairs >= paragraphThreshold) {
            needed--;
        }
        while (needed < pairs && (double) needed / pairs < paragraphThreshold) {
            needed++;
        }
        return needed;
    }

    /** The index kept with a stored text's terms, else one of the last two built on this thread. */
    private static TermIndex indexOf(List<ParagraphTerms> text) {
        return text instanceof IndexedParagraphs kept ? kept.index() : RECENT.get().index(text);
    }

    private static double coverage(Fingerprint a, List<SharedParagraph> shared) {
        long total = 0;
        long covered = 0;
        int next = 0;
        for (ParagraphTerms p : a.paragraphs()) {
            if (p.boilerplate()) {
                continue;
            }
            total += p.words();
            if (next < shared.size() && shared.get(next).index() == p.paragraph().index()) {
                covered += p.words();
                next++;
            }
        }
        return total == 0 ? 0 : (double) covered / total;
    }

    /** The paragraphs an index of {@code text} would hold ({@link TermIndex#indexes}), in text order. */
    private static List<ParagraphTerms> content(List<ParagraphTerms> text) {
        List<ParagraphTerms> out = new ArrayList<>(text.size());
        for (ParagraphTerms p : text) {
            if (TermIndex.indexes(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static long pairs(List<ParagraphTerms> paragraphs) {
        long n = 0;
        for (ParagraphTerms p : paragraphs) {
            n += p.terms().length;
        }
        return n;
    }

    /**
     * The fact tokens ({@link FactChanges.Tokens}) of the paragraphs of the last text compared as A on this thread,
     * each made when first needed: a look-up compares its text with each candidate in turn, and a paragraph of it
     * that reappears reworded in several candidates is scanned once, not once per candidate. Found by identity of
     * the paragraph list, like {@link RecentIndexes}; tokens are a pure function of the text, so results do not
     * depend on it. Holds one text per thread, as large as the text.
     */
    private static final ThreadLocal<RecentTokens> RECENT_TOKENS = ThreadLocal.withInitial(RecentTokens::new);

    private static final class RecentTokens {
        private List<ParagraphTerms> text;
        private FactChanges.Tokens[] tokens;

        RecentTokens of(List<ParagraphTerms> paragraphs) {
            if (paragraphs != text) {
                text = paragraphs;
                tokens = new FactChanges.Tokens[paragraphs.size()];
            }
            return this;
        }

        /** The tokens of {@code paragraph}, the text's paragraph at {@code index}. */
        FactChanges.Tokens tokens(int index, ParagraphTerms paragraph) {
            FactChanges.Tokens t = tokens[index];
            if (t == null) {
                t = FactChanges.Tokens.of(paragraph.paragraph().text());
                tokens[index] = t;
            }
            return t;
        }
    }

    /** Two indexes by identity of their paragraph list, the least recently used replaced. One per thread. */
    private static final class RecentIndexes {
        private List<ParagraphTerms> firstText;
        private TermIndex first;
        private List<ParagraphTerms> secondText;
        private TermIndex second;

        TermIndex index(List<ParagraphTerms> text) {
            if (text != firstText) {
                if (text == secondText) {
                    secondText = firstText;
                    TermIndex t = second;
                    second = first;
                    first = t;
                } else {
                    secondText = firstText;
                    second = first;
                    first = new TermIndex(text);
                }
                firstText = text;
            }
            return first;
        }
    }
}
