package io.redline.store;

/** A story: a group of articles that are versions or rewrites of one another. */
public record StoryRow(long id, long createdAt, long updatedAt) {
}
