package io.redline.store;

/**
 * An LSH candidate's story and when its latest version was published (its ingest time when no publication time
 * was given), epoch milliseconds: what choosing the candidates to verify needs, without the text.
 */
public record CandidateRow(String articleId, long storyId, long publishedAt) {
}
