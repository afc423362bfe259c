package io.redline.store;

/** An article: its external id, its story and its newest version number. */
public record ArticleRow(String id, long storyId, int latestVersion, long createdAt) {
}
