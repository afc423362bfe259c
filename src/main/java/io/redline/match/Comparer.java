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
 * <p>Each paragraph's best match comes from an inverted index of the other text's word pairs ({@link TermIndex}),
 * so the work grows with the length of the texts, never with the product of their paragraph counts; when one text
 * holds over twice the word pairs of the other, the best matches of both texts' paragraphs are counted in one pass
 * from the shorter text's side instead ({@link TermIndex#bestOf}, same answers), so a short stored article costs a
 * long query its own length, not the query's. It checks
 * {@link io.redline.budget.Deadline} once per paragraph. Immutable and thread-safe.
 */
public final class Comparer {
    public static final double DEFAULT_PARAGRAPH_THRESHOLD = 0.4;
    /**
     * The inverted indexes of the last two texts compared on this thread that do not keep their own
     * ({@link IndexedParagraphs}): a look-up compares one text with each candidate in turn, and its index is built
     * once, not once per candidate. An index is a pure function of
     * its paragraph list, found by identity (fingerprints' lists are immutable), so results do not depend on it.
     */
    private static final ThreadLocal<RecentIndexes> RECENT = ThreadLocal.withInitial(RecentIndexes::new);

    private final double paragraphThreshold;
    private final boolean countFromShorter;

    public Comparer(double paragraphThreshold) {
        this(paragraphThreshold, true);
    }

    /**
     * @param countFromShorter whether a text with over twice the word pairs of the other has its best matches
     *                         counted from the other's side ({@link TermIndex#bestOf}); false only in tests, which
     *                         check that both ways give the same comparison
     */
    Comparer(double paragraphThreshold, boolean countFromShorter) {
        this.countFromShorter = countFromShorter;
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
        TermIndex ib = indexOf(b.paragraphs());
        List<SharedParagraph> shared;
        List<SharedParagraph> sharedBack;
        if (countFromShorter && Math.max(ia.pairs(), ib.pairs()) > 2L * Math.min(ia.pairs(), ib.pairs())
                && !ia.hasFrequent() && !ib.hasFrequent()) {
            // one count from the shorter text's side gives each paragraph's best match both ways
            boolean aLonger = ia.pairs() > ib.pairs();
            TermIndex longer = aLonger ? ia : ib;
            TermIndex shorter = aLonger ? ib : ia;
            long[] ofShorter = new long[shorter.paragraphs().size()];
            long[] ofLonger = longer.bestOf(shorter, ofShorter);
            shared = reappearing(a, ia, ib, aLonger ? ofLonger : ofShorter);
            sharedBack = reappearing(b, ib, ia, aLonger ? ofShorter : ofLonger);
        } else {
            shared = reappearing(a, ia, ib);
            sharedBack = reappearing(b, ib, ia);
        }
        return new Comparison(jaccard, aInB, bInA, coverage(a, shared), coverage(b, sharedBack), contentCount(a),
                contentCount(b), shared, sharedBack.size(), changes(a, b, shared));
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
     * sharing the largest share of its word pairs (the first on a tie), found through an inverted index of
     * {@code b}, so the work grows with the texts and never with the product of their paragraph counts.
     * {@code own} indexes {@code a}, {@code index} indexes {@code b}.
     */
    private List<SharedParagraph> reappearing(Fingerprint a, TermIndex own, TermIndex index) {
        List<SharedParagraph> out = new ArrayList<>();
        TermIndex.Searcher search = index.searcher();
        int position = -1;  // among the paragraphs own indexes
        for (ParagraphTerms pa : a.paragraphs()) {
            Deadline.check();
            if (!TermIndex.indexes(pa)) {
                continue;
            }
            position++;
            TermIndex.Best found = search.best(pa.terms(), sharedNeeded(pa.terms().length));
            if (found == null) {
                continue;
            }
            double best = (double) found.shared() / pa.terms().length;
            if (best >= paragraphThreshold) {
                ParagraphTerms match = index.paragraphs().get(found.position());
                // exact: the same normal form, told by hashes computed once per text rather than by comparing
                // the two paragraphs' characters for every pair of texts
                boolean exact = best == 1.0 && own.normalHash(position) == index.normalHash(found.position());
                out.add(new SharedParagraph(pa.paragraph().index(), match.paragraph().index(),
                        Math.round(best * 1e4) / 1e4, exact));
            }
        }
        return out;
    }

    /**
     * The same answer as the search above, from each indexed paragraph's best match in {@code b} already found
     * ({@link TermIndex#bestOf}: position in the low 32 bits, pairs shared in the high 32, 0 for none).
     */
    private List<SharedParagraph> reappearing(Fingerprint a, TermIndex own, TermIndex index, long[] found) {
        List<SharedParagraph> out = new ArrayList<>();
        int position = -1;
        for (ParagraphTerms pa : a.paragraphs()) {
            if (!TermIndex.indexes(pa)) {
                continue;
            }
            position++;
            int shared = (int) (found[position] >>> 32);
            double best = (double) shared / pa.terms().length;
            if (shared > 0 && best >= paragraphThreshold) {
                int match = (int) found[position];
                boolean exact = best == 1.0 && own.normalHash(position) == index.normalHash(match);
                out.add(new SharedParagraph(pa.paragraph().index(), index.paragraphs().get(match).paragraph().index(),
                        Math.round(best * 1e4) / 1e4, exact));
            }
        }
        return out;
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

    private static int contentCount(Fingerprint f) {
        int n = 0;
        for (ParagraphTerms p : f.paragraphs()) {
            if (TermIndex.indexes(p)) {
                n++;
            }
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
