package io.redline.match;

/** How a text relates to a stored one, strongest first. */
public enum Classification {
    /** Near-identical text: a re-run of the same copy. */
    DUPLICATE,
    /** The same story, reworded or updated. */
    REVISION,
    /** The same story, one text mostly contained in the other: a brief cut from a story, or a story grown from a brief. */
    EXCERPT,
    /** A different story built on the other's text: a next edition, a form notice, a press-release skeleton. */
    TEMPLATE,
    /** Nothing stored is the same story, and no stored text is reused. */
    NEW;

    /** Whether a text so related to a stored one belongs to the stored one's story. */
    public boolean sameStory() {
        return this == DUPLICATE || this == REVISION || this == EXCERPT;
    }
}
