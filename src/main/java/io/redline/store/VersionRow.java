package io.redline.store;

/** One stored version of an article, with the story its article belongs to now. */
public record VersionRow(String articleId, int version, long storyId, String title, String body, Long publishedAt,
                         String url, String source, long ingestedAt, String contentHash, String signatureVersion,
                         byte[] signature, byte[] shingles) {
}
