package io.redline.diff;

import java.util.List;

/**
 * A diff of two versions of an article: the headline's word-level change, and the body's paragraphs.
 *
 * @param similarity 2 × equal words / (old words + new words) over the whole body
 */
public record TextDiff(double similarity, TitleChange title, DiffSummary summary, List<ParagraphChange> paragraphs) {
    public TextDiff {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The headline's change: both texts and the word runs between them. */
    public record TitleChange(String from, String to, boolean changed, List<WordChange> changes) {
        public TitleChange {
            changes = List.copyOf(changes);
        }
    }
}
