package io.redline.diff;

/**
 * What happened to a paragraph between two versions. The API publishes the same names
 * ({@code api.ParagraphChangeView.Op}, mapped in {@code api.DiffViews}); {@link #word()} is what every view shows
 * an editor: kept, reworded, moved, added, cut, split, merged.
 */
public enum ParagraphOp {
    /** Same text after normalisation, same place in the order. */
    UNCHANGED("kept"),
    /** Reworded, paired with its counterpart by word-level similarity; {@code changes} shows the words. */
    MODIFIED("reworded"),
    /** Changed its place relative to the others; {@code modified} says whether its text changed too. */
    MOVED("moved"),
    /** Only in the new version. */
    INSERTED("added"),
    /** Only in the old version. */
    DELETED("cut"),
    /** One old paragraph became two or more new ones ({@code toIndexes}). */
    SPLIT("split"),
    /** Several old paragraphs ({@code fromIndexes}) became one new one. */
    MERGED("merged");

    /** The word for the figure every view prints beside a paragraph pair or a whole diff: "87% similarity". */
    public static final String SIMILARITY = "similarity";

    private final String word;

    ParagraphOp(String word) {
        this.word = word;
    }

    /** The editors' word for this change, the same on the page, in the HTML diff and in the HTML time line. */
    public String word() {
        return word;
    }
}
