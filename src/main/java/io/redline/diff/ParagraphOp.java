package io.redline.diff;

/** What happened to a paragraph between two versions. */
public enum ParagraphOp {
    /** Same text after normalisation, same place in the order. */
    UNCHANGED,
    /** Reworded, paired with its counterpart by word-level similarity; {@code changes} shows the words. */
    MODIFIED,
    /** Changed its place relative to the others; {@code modified} says whether its text changed too. */
    MOVED,
    /** Only in the new version. */
    INSERTED,
    /** Only in the old version. */
    DELETED,
    /** One old paragraph became two or more new ones ({@code toIndexes}). */
    SPLIT,
    /** Several old paragraphs ({@code fromIndexes}) became one new one. */
    MERGED
}
