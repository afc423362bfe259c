package io.redline.match;

import java.time.Duration;

/**
 * Decides how a compared pair relates, in two steps.
 *
 * <p>First by the text alone:
 * <ul>
 *   <li>{@code DUPLICATE}: Jaccard ≥ {@code duplicateJaccard} (default 0.9).</li>
 *   <li>{@code EXCERPT}: with containment ≥ {@code evidenceContainment} (default 0.2), ≥ {@value #EXCERPT_COVERAGE}
 *   of one text's words lie in paragraphs that reappear in the other, and under {@value #EXCERPT_REST} of the
 *   other's words in paragraphs found in the first: a brief cut from a story, or a story grown from a brief.</li>
 *   <li>{@code REVISION}: Jaccard ≥ {@code revisionJaccard} (default 0.5); or, with that containment, a
 *   paragraph overlap ≥ {@code revisionOverlap} (default 0.55): on average over the two texts, over half of
 *   each one's paragraphs reappear, exactly or reworded, in the other — a revision keeps most of its parent
 *   and is mostly made of it.</li>
 *   <li>{@code TEMPLATE}: at least two paragraphs and {@value #REUSE_COVERAGE} of one text's words reappear, too
 *   little for the same story: a different story reusing the other's text.</li>
 *   <li>{@code NEW}: anything else.</li>
 * </ul>
 * Then a pair of the same story by its text is still a different one — {@code TEMPLATE}, a next edition or a
 * form filled in again — when its texts were published more than {@code maxRevisionGap} apart (default 21
 * days; zero turns the rule off), or when its rewording is a change of who and when rather than of words:
 * names or years are replaced in at least a quarter of the reworded paragraphs and facts make up at least
 * half of all the changes ({@link FactChanges}). A breaking update that only moves a toll and a time on
 * replaces no name or year and stays a {@code REVISION}. Immutable and thread-safe.
 */
public record Classifier(double duplicateJaccard, double revisionJaccard, double evidenceContainment,
                         double revisionOverlap, Duration maxRevisionGap) {
    public static final double DEFAULT_DUPLICATE_JACCARD = 0.9;
    public static final double DEFAULT_REVISION_JACCARD = 0.5;
    public static final double DEFAULT_EVIDENCE_CONTAINMENT = 0.2;
    public static final double DEFAULT_REVISION_OVERLAP = 0.55;
    public static final Duration DEFAULT_MAX_REVISION_GAP = Duration.ofDays(21);
    /** Share of a text's words in reappearing paragraphs that makes it an excerpt of the other. */
    static final double EXCERPT_COVERAGE = 0.75;
    /** ... while less than this share of the other's words reappear in it: the other is mostly more. */
    static final double EXCERPT_REST = 0.5;
    /** Share of a text's words in reappearing paragraphs that makes it a reuse of the other's text. */
    static final double REUSE_COVERAGE = 0.2;
    /** Facts' least share of all changes, and renamed paragraphs' least share of reworded ones, for a new edition. */
    static final double EDITION_FACT_SHARE = 0.5;
    static final double EDITION_RENAMED_SHARE = 0.25;

    public Classifier {
        if (!(0 < revisionJaccard && revisionJaccard <= duplicateJaccard && duplicateJaccard <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < revision <= duplicate <= 1, got "
                    + revisionJaccard + ", " + duplicateJaccard);
        }
        if (!(evidenceContainment > 0 && evidenceContainment <= 1)) {
            throw new IllegalArgumentException("evidence containment must be in (0, 1], got " + evidenceContainment);
        }
        if (!(revisionOverlap > 0 && revisionOverlap <= 1)) {
            throw new IllegalArgumentException("revision overlap must be in (0, 1], got " + revisionOverlap);
        }
        if (maxRevisionGap.isNegative()) {
            throw new IllegalArgumentException("max revision gap must not be negative, got " + maxRevisionGap);
        }
    }

    public static Classifier defaults() {
        return new Classifier(DEFAULT_DUPLICATE_JACCARD, DEFAULT_REVISION_JACCARD, DEFAULT_EVIDENCE_CONTAINMENT,
                DEFAULT_REVISION_OVERLAP, DEFAULT_MAX_REVISION_GAP);
    }

    /** The relation of a pair whose publication times are not known. */
    public Classification classify(Comparison c) {
        return verdict(c, null, null).relation();
    }

    /**
     * The relation of a pair and why.
     *
     * @param publishedA publication time of A in epoch milliseconds, or null when not known
     * @param publishedB the same for B
     */
    public Verdict verdict(Comparison c, Long publishedA, Long publishedB) {
        Verdict byText = byText(c);
        if (!byText.relation().sameStory()) {
            return byText;
        }
        if (publishedA != null && publishedB != null && !maxRevisionGap.isZero()
                && Math.abs(publishedA - publishedB) > maxRevisionGap.toMillis()) {
            long days = Duration.ofMillis(Math.abs(publishedA - publishedB)).toDays();
            return new Verdict(Classification.TEMPLATE, "shares " + c.shared().size() + " paragraphs but was published " + days + " days apart", true);
        }
        FactChanges f = c.changes();
        if (f.renamed() > 0 && f.renamed() >= EDITION_RENAMED_SHARE * f.paragraphs()
                && f.factShare() >= EDITION_FACT_SHARE) {
            return new Verdict(Classification.TEMPLATE, "names or years replaced in " + f.renamed() + " of " + f.paragraphs()
                    + " reworded paragraphs; " + f.facts() + " of " + (f.facts() + f.words()) + " changes are facts", true);
        }
        return byText;
    }

    private Verdict byText(Comparison c) {
        if (c.jaccard() >= duplicateJaccard) {
            return new Verdict(Classification.DUPLICATE, percent(c.jaccard()) + " of the wording is the same");
        }
        if (c.jaccard() >= revisionJaccard) {
            return new Verdict(Classification.REVISION, percent(c.jaccard()) + " of the wording is the same");
        }
        boolean evidence = c.containment() >= evidenceContainment;
        if (evidence && c.paragraphCoverage() >= EXCERPT_COVERAGE && c.leastCoverage() < EXCERPT_REST) {
            return new Verdict(Classification.EXCERPT, percent(c.paragraphCoverage()) + " of one text is in the other, "
                    + percent(c.leastCoverage()) + " of the other in it");
        }
        if (evidence && c.paragraphOverlap() >= revisionOverlap) {
            return new Verdict(Classification.REVISION, c.shared().size() + " of " + c.paragraphsA() + " paragraphs reappear in the other, "
                    + c.sharedInB() + " of " + c.paragraphsB() + " the other way");
        }
        if (c.shared().size() >= 2 && c.paragraphCoverage() >= REUSE_COVERAGE) {
            return new Verdict(Classification.TEMPLATE, "reuses " + c.shared().size() + " paragraphs, too few for the same story");
        }
        return new Verdict(Classification.NEW, c.shared().isEmpty() ? "no paragraph in common"
                : c.shared().size() + " paragraphs in common, too few to be related");
    }

    /**
     * {@code share} as a whole percentage, as {@code String.format("%.0f%%", 100 * share)} writes it: 0.125 → "13%".
     * Without a Formatter, which cost 4 % of a long text's look-up. The same digits: a double whose shortest decimal
     * form ends in exactly .5 is that value, so rounding half up the binary value or its decimal form agree.
     */
    static String percent(double share) {
        return Math.round(100 * share) + "%";
    }
}
