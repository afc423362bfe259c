package io.redline.match;

import io.redline.minhash.Fingerprint;
import io.redline.minhash.Fingerprint.ParagraphTerms;
import io.redline.text.Hashes;
import io.redline.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact comparison of two fingerprints: shingle-set Jaccard and containments, and paragraph-level evidence.
 *
 * <p>A paragraph of A "reappears" in B when at least {@code paragraphThreshold} of its word pairs occur in
 * one paragraph of B. Word pairs survive light rewording (a word swapped here and there) that breaks most
 * longer shingles, and they ignore the function words that any two English paragraphs share. Boilerplate
 * paragraphs never count as evidence. Immutable and thread-safe.
 */
public final class Comparer {
    public static final double DEFAULT_PARAGRAPH_THRESHOLD = 0.4;

    private final double paragraphThreshold;

    public Comparer(double paragraphThreshold) {
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

        int[][] common = commonTerms(a, b);
        List<SharedParagraph> shared = reappearing(a, b, common, false);
        List<SharedParagraph> sharedBack = reappearing(b, a, common, true);
        double coverage = Math.max(coverage(a, shared), coverage(b, sharedBack));
        return new Comparison(jaccard, aInB, bInA, coverage, shared,
                contentCount(a) - shared.size(), contentCount(b) - sharedBack.size());
    }

    /**
     * Word pairs shared by each paragraph of {@code a} with each of {@code b}, computed once for both directions;
     * pairs that cannot reach the threshold either way (one paragraph far longer than the other) are left at 0.
     */
    private int[][] commonTerms(Fingerprint a, Fingerprint b) {
        List<ParagraphTerms> pas = a.paragraphs();
        List<ParagraphTerms> pbs = b.paragraphs();
        int[][] common = new int[pas.size()][pbs.size()];
        for (int i = 0; i < pas.size(); i++) {
            ParagraphTerms pa = pas.get(i);
            if (pa.boilerplate() || pa.terms().length == 0) {
                continue;
            }
            for (int j = 0; j < pbs.size(); j++) {
                ParagraphTerms pb = pbs.get(j);
                if (pb.boilerplate() || pb.terms().length == 0) {
                    continue;
                }
                int most = Math.min(pa.terms().length, pb.terms().length);
                if (most >= paragraphThreshold * pa.terms().length || most >= paragraphThreshold * pb.terms().length) {
                    common[i][j] = Hashes.intersectionSize(pa.terms(), pb.terms());
                }
            }
        }
        return common;
    }

    /** Paragraphs of {@code a} that reappear in {@code b}; {@code common} is indexed [b][a] when {@code swapped}. */
    private List<SharedParagraph> reappearing(Fingerprint a, Fingerprint b, int[][] common, boolean swapped) {
        List<SharedParagraph> out = new ArrayList<>();
        List<ParagraphTerms> pas = a.paragraphs();
        List<ParagraphTerms> pbs = b.paragraphs();
        for (int i = 0; i < pas.size(); i++) {
            ParagraphTerms pa = pas.get(i);
            if (pa.boilerplate() || pa.terms().length == 0) {
                continue;
            }
            double best = 0;
            ParagraphTerms bestMatch = null;
            for (int j = 0; j < pbs.size(); j++) {
                int shared = swapped ? common[j][i] : common[i][j];
                double s = (double) shared / pa.terms().length;
                if (s > best) {
                    best = s;
                    bestMatch = pbs.get(j);
                }
            }
            if (bestMatch != null && best >= paragraphThreshold) {
                String ta = pa.paragraph().text();
                String tb = bestMatch.paragraph().text();
                // most shared paragraphs are copied verbatim: normalising costs more than all the rest
                boolean exact = best == 1.0
                        && (ta.equals(tb) || TextNormalizer.normalize(ta).equals(TextNormalizer.normalize(tb)));
                out.add(new SharedParagraph(pa.paragraph().index(), bestMatch.paragraph().index(),
                        Math.round(best * 1e4) / 1e4, exact));
            }
        }
        return out;
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
            if (!p.boilerplate() && p.terms().length > 0) {
                n++;
            }
        }
        return n;
    }
}
