package io.redline.diff;

/**
 * How much a paired paragraph changed.
 *
 * <ul>
 *   <li>{@code NONE}: identical text.</li>
 *   <li>{@code COSMETIC}: only whitespace, quote and dash style, punctuation or case differ.</li>
 *   <li>{@code MINOR}: word similarity ≥ {@link #MINOR_SIMILARITY} (a word or two changed).</li>
 *   <li>{@code SUBSTANTIVE}: anything more, and every inserted or deleted paragraph.</li>
 * </ul>
 */
public enum ChangeClass {
    NONE, COSMETIC, MINOR, SUBSTANTIVE;

    /** Word similarity at or above which a reworded paragraph counts as a minor edit. */
    public static final double MINOR_SIMILARITY = 0.8;
}
