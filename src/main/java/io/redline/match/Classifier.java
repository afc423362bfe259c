package io.redline.match;

/**
 * Decides how a compared pair relates.
 *
 * <ul>
 *   <li>{@code DUPLICATE}: Jaccard ≥ {@code duplicateJaccard} (default 0.9).</li>
 *   <li>{@code REVISION}: Jaccard ≥ {@code revisionJaccard} (default 0.5) on its own; or paragraph coverage ≥
 *   {@code revisionCoverage} (default 0.6) — most of one text's words are in paragraphs that reappear, exactly
 *   or reworded, in the other — together with containment ≥ {@code evidenceContainment} (default 0.2) — at
 *   least that share of one text's shingles is found in the other.</li>
 *   <li>{@code NEW}: anything else.</li>
 * </ul>
 * A Jaccard cut alone cannot tell a heavy rewrite (Jaccard 0.15–0.45) from a different story that reuses a
 * template (up to 0.3): the rewrite keeps most paragraphs in some form, the template reuses under half.
 * Containment rather than Jaccard gates the paragraph evidence so that a cut-down version (a few paragraphs
 * of a long story, Jaccard 0.05) is still recognised. Immutable and thread-safe.
 */
public record Classifier(double duplicateJaccard, double revisionJaccard, double evidenceContainment,
                         double revisionCoverage) {
    public static final double DEFAULT_DUPLICATE_JACCARD = 0.9;
    public static final double DEFAULT_REVISION_JACCARD = 0.5;
    public static final double DEFAULT_EVIDENCE_CONTAINMENT = 0.2;
    public static final double DEFAULT_REVISION_COVERAGE = 0.6;

    public Classifier {
        if (!(0 < revisionJaccard && revisionJaccard <= duplicateJaccard && duplicateJaccard <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < revision <= duplicate <= 1, got "
                    + revisionJaccard + ", " + duplicateJaccard);
        }
        if (!(evidenceContainment > 0 && evidenceContainment <= 1)) {
            throw new IllegalArgumentException("evidence containment must be in (0, 1], got " + evidenceContainment);
        }
        if (!(revisionCoverage > 0 && revisionCoverage <= 1)) {
            throw new IllegalArgumentException("revision coverage must be in (0, 1], got " + revisionCoverage);
        }
    }

    public static Classifier defaults() {
        return new Classifier(DEFAULT_DUPLICATE_JACCARD, DEFAULT_REVISION_JACCARD, DEFAULT_EVIDENCE_CONTAINMENT,
                DEFAULT_REVISION_COVERAGE);
    }

    public Classification classify(Comparison c) {
        if (c.jaccard() >= duplicateJaccard) {
            return Classification.DUPLICATE;
        }
        double containment = Math.max(c.containmentAInB(), c.containmentBInA());
        if (c.jaccard() >= revisionJaccard
                || (containment >= evidenceContainment && c.paragraphCoverage() >= revisionCoverage)) {
            return Classification.REVISION;
        }
        return Classification.NEW;
    }
}
