package io.redline.match;

import java.util.List;

/**
 * The exact similarity of text A (the query) to text B (a stored article).
 *
 * @param jaccard            |A ∩ B| / |A ∪ B| over content shingles
 * @param containmentAInB    |A ∩ B| / |A|
 * @param containmentBInA    |A ∩ B| / |B|
 * @param paragraphCoverage  the larger of: the share of A's content words in paragraphs that reappear in B,
 *                           and the same for B in A
 * @param shared             paragraphs of A that reappear in B
 * @param onlyInA            content paragraphs of A with no counterpart in B
 * @param onlyInB            content paragraphs of B with no counterpart in A
 */
public record Comparison(double jaccard, double containmentAInB, double containmentBInA, double paragraphCoverage,
                         List<SharedParagraph> shared, int onlyInA, int onlyInB) {
}
