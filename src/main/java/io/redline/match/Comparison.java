package io.redline.match;

import java.util.List;

/**
 * The exact similarity of text A (the query) to text B (a stored article).
 *
 * @param jaccard          |A ∩ B| / |A ∪ B| over content shingles
 * @param containmentAInB  |A ∩ B| / |A|
 * @param containmentBInA  |A ∩ B| / |B|
 * @param coverageA        the share of A's content words in paragraphs that reappear in B
 * @param coverageB        the same for B in A
 * @param paragraphsA      content paragraphs of A (boilerplate and empty ones left out)
 * @param paragraphsB      content paragraphs of B
 * @param shared           paragraphs of A that reappear in B
 * @param sharedInB        content paragraphs of B that reappear in A
 * @param changes          what changed, word by word and fact by fact, in the shared paragraphs that are not exact
 */
public record Comparison(double jaccard, double containmentAInB, double containmentBInA, double coverageA,
                         double coverageB, int paragraphsA, int paragraphsB, List<SharedParagraph> shared,
                         int sharedInB, FactChanges changes) {
    public Comparison {
        shared = List.copyOf(shared);
    }

    /** The larger of the two word coverages: how much of the more covered text reappears in the other. */
    public double paragraphCoverage() {
        return Math.max(coverageA, coverageB);
    }

    /** The smaller of the two word coverages. */
    public double leastCoverage() {
        return Math.min(coverageA, coverageB);
    }

    /**
     * The mean, over both texts, of the share of their content paragraphs that reappear in the other: high only
     * when each text is mostly made of the other's paragraphs, as a revision is.
     */
    public double paragraphOverlap() {
        double a = paragraphsA == 0 ? 0 : (double) shared.size() / paragraphsA;
        double b = paragraphsB == 0 ? 0 : (double) sharedInB / paragraphsB;
        return (a + b) / 2;
    }

    /** Content paragraphs of A with no counterpart in B. */
    public int onlyInA() {
        return paragraphsA - shared.size();
    }

    /** Content paragraphs of B with no counterpart in A. */
    public int onlyInB() {
        return paragraphsB - sharedInB;
    }

    public double containment() {
        return Math.max(containmentAInB, containmentBInA);
    }
}
