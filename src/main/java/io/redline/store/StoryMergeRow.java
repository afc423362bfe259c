package io.redline.store;

/** A record that story {@code mergedId} was merged into {@code intoId} when {@code articleId} joined both. */
public record StoryMergeRow(long mergedId, long intoId, String articleId, long mergedAt) {
}
