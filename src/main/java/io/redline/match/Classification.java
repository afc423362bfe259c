package io.redline.match;

/** How a text relates to what is stored, strongest first. */
public enum Classification {
    /** Near-identical text: a re-run of the same copy. */
    DUPLICATE,
    /** The same story, reworded or updated. */
    REVISION,
    /** Nothing stored is the same story. */
    NEW
}
