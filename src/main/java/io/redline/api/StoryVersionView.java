package io.redline.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One version in a story's time line, without its text; null where a field was not given. */
public record StoryVersionView(String articleId, int version, String title, @Schema(nullable = true) Instant publishedAt,
                               Instant ingestedAt, @Schema(nullable = true) String url,
                               @Schema(nullable = true) String source) {
}
