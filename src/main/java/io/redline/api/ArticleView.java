package io.redline.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One stored version of an article, with the story its article belongs to; null where a field was not given.
 * {@code paragraphs} are the body's paragraphs as the service splits them (character offsets, end exclusive):
 * what a match's {@code matchIndex} counts.
 */
public record ArticleView(String id, int version, long storyId, String title, String body,
                          @Schema(nullable = true) Instant publishedAt, @Schema(nullable = true) String url,
                          @Schema(nullable = true) String source, Instant ingestedAt, List<SpanView> paragraphs) {
}
