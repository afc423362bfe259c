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
        int common = Hashes.intersectionSize(sa, sb);
        int union = sa.length + sb.length - common;
        double jaccard = union == 0 ? 0 : (double) common / union;
        double aInB = sa.length == 0 ? 0 : (double) common / sa.length;
        double bInA = sb.length == 0 ? 0 : (double) common / sb.length;

        List<SharedParagraph> shared = reappearing(a, b);
        List<SharedParagraph> sharedBack = reappearing(b, a);
        double coverage = Math.max(coverage(a, shared), coverage(b, sharedBack));
        return new Comparison(jaccard, aInB, bInA, coverage, shared,
                contentCount(a) - shared.size(), contentCount(b) - sharedBack.size());
    }

    private List<SharedParagraph> reappearing(Fingerprint a, Fingerprint b) {
        List<SharedParagraph> out = new ArrayList<>();
        for (ParagraphTerms pa : a.paragraphs()) {
            if (pa.boilerplate() || pa.terms().length == 0) {
                continue;
            }
            double best = 0;
            ParagraphTerms bestMatch = null;
            for (ParagraphTerms pb : b.paragraphs()) {
                if (pb.boilerplate()) {
                    continue;
                }
                double s = (double) Hashes.intersectionSize(pa.terms(), pb.terms()) / pa.terms().length;
                if (s > best) {
                    best = s;
                    bestMatch = pb;
                }
            }
            if (bestMatch != null && best >= paragraphThreshold) {
                boolean exact = best == 1.0 && TextNormalizer.normalize(pa.paragraph().text())
                        .equals(TextNormalizer.normalize(bestMatch.paragraph().text()));
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
