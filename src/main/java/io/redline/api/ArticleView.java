package io.redline.api;

import java.time.Instant;

/** One stored version of an article, with the story its article belongs to. */
public record ArticleView(String id, int version, long storyId, String title, String body, Instant publishedAt,
                          String url, String source, Instant ingestedAt) {
}
