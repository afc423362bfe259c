package io.redline.spark;

import io.redline.api.ArticleRequest;

import java.io.Serializable;
import java.time.Instant;

/**
 * One article of the archive as the job moves it between Spark stages: the bulk endpoint's fields, plus where it
 * stood in the input ({@code line}, for ties in time order). {@code publishedAt} is epoch milliseconds or null.
 */
public record ArchiveArticle(long line, String id, String title, String body, Long publishedAt, String url,
                             String source) implements Serializable {

    static ArchiveArticle of(long line, ArticleRequest r) {
        return new ArchiveArticle(line, r.id(), r.title(), r.body(),
                r.publishedAt() == null ? null : r.publishedAt().toEpochMilli(), r.url(), r.source());
    }

    ArticleRequest request() {
        return new ArticleRequest(id, title, body, publishedAt == null ? null : Instant.ofEpochMilli(publishedAt),
                url, source);
    }
}
