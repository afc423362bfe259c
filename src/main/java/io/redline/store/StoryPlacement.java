package io.redline.store;

import java.util.List;
import java.util.OptionalLong;

/**
 * Where {@link ArticleStore#saveVersion} puts a version: into story {@code join} (a new story when empty), after
 * moving the articles of the stories in {@code absorb} into it. Decided by the caller (the ingest path asks
 * {@code cluster.StoryAssigner}); the store only carries it out.
 */
public record StoryPlacement(OptionalLong join, List<Long> absorb) {
    public static final StoryPlacement NEW_STORY = new StoryPlacement(OptionalLong.empty(), List.of());

    public StoryPlacement {
        absorb = List.copyOf(absorb);
        if (join.isEmpty() && !absorb.isEmpty()) {
            throw new IllegalArgumentException("a new story cannot absorb stories " + absorb);
        }
    }

    /** Into {@code story}, absorbing nothing. */
    public static StoryPlacement into(long story) {
        return new StoryPlacement(OptionalLong.of(story), List.of());
    }
}
