package io.redline.store;

/** How many articles share one LSH bucket. */
public record BucketSize(long bucket, int size) {
}
