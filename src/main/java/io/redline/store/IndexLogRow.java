package io.redline.store;

/**
 * One entry of the LSH index log: the bucket keys of an article's latest version (null once the article was
 * deleted), superseding entry {@code replaces} (null for a new article).
 */
public record IndexLogRow(long seq, Long replaces, byte[] bucketKeys) {
}
