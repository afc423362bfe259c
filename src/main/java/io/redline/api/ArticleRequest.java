package io.redline.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** Body of {@code POST /articles} and one line of {@code POST /articles/bulk}. */
public record ArticleRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id, String title,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String body, Instant publishedAt,
                             String url, String source) {
}
