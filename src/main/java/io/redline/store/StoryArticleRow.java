package io.redline.store;

/** The latest version of one article of a story, without its text: for story listings; publishedAt may be null. */
public record StoryArticleRow(long storyId, String articleId, int latestVersion, String title, long ingestedAt,
                              Long publishedAt) {
}
