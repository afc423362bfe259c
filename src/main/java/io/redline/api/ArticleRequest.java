package io.redline.api;

import java.time.Instant;

/** Body of {@code POST /articles} and one line of {@code POST /articles/bulk}. */
public record ArticleRequest(String id, String title, String body, Instant publishedAt, String url, String source) {
}
