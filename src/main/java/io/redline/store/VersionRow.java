package io.redline.store;

import org.jdbi.v3.core.mapper.Nested;

/**
 * One stored version of an article, with the story its article belongs to now and the version it derives from
 * ({@link Lineage#NONE} when nothing is recorded; null is taken as that). {@code signature} and {@code shingles}
 * are null for versions stored since migration 11, whose fingerprint is made from the body when needed.
 */
public record VersionRow(String articleId, int version, long storyId, String title, String body, Long publishedAt,
                         String url, String source, long ingestedAt, String contentHash, String signatureVersion,
                         byte[] signature, byte[] shingles, @Nested Lineage lineage) {
    public VersionRow {
        lineage = lineage == null ? Lineage.NONE : lineage;
    }
}
