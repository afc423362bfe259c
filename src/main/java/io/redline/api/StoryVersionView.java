package io.redline.api;

import java.time.Instant;

/** One version in a story's time line, without its text. */
public record StoryVersionView(String articleId, int version, String title, Instant publishedAt, Instant ingestedAt,
                               String url, String source) {
}
