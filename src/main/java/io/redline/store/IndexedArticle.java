package io.redline.store;

/** The article whose latest version is indexed under log entry {@code seq}. */
public record IndexedArticle(long seq, String articleId) {
}
