package io.redline.api;

import java.util.List;

/**
 * Who wrote what: each sentence of one version of a story with the step (version) in which it first
 * appeared and the one in which it last changed, following the version's lineage. {@code steps} lists that
 * lineage, root first, each with its step in the story's time line (the numbers the sentences use).
 */
public record BlameView(long storyId, VersionRef version, List<VersionRef> steps, List<Sentence> sentences) {

    /** A sentence: its paragraph, offsets in the version's body, text, and its two steps. */
    public record Sentence(int paragraph, int start, int end, String text, int firstStep, int lastChangedStep) {
    }
}
