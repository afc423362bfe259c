package io.redline.diff;

/**
 * Settings of the paragraph diff.
 *
 * @param pairThreshold     two paragraphs are paired (MODIFIED or MOVED) when their weighted word overlap
 *                          reaches this (default 0.3, see {@link ParagraphDiffer})
 * @param detectSplitMerge  whether SPLIT and MERGED are reported (default on)
 */
public record DiffOptions(double pairThreshold, boolean detectSplitMerge) {
    public static final double DEFAULT_PAIR_THRESHOLD = 0.3;

    public DiffOptions {
        if (!(pairThreshold > 0 && pairThreshold <= 1)) {
            throw new IllegalArgumentException("pair threshold must be in (0, 1], got " + pairThreshold);
        }
    }

    public static DiffOptions defaults() {
        return new DiffOptions(DEFAULT_PAIR_THRESHOLD, true);
    }
}
