package io.redline.store;

/** One LSH bucket entry: an article whose latest version has a band hashed to {@code bucket}. */
public record BucketHit(long bucket, String articleId) {
}
