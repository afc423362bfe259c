package io.redline.api;

import java.util.Map;

/** {@code GET /stats}: the fingerprint and LSH settings in force, the S-curve, the in-memory
 * band index (keys held, heap bytes), the store's size and how many story merges it has recorded. */
public record StatsView(String signatureVersion, int shingleSize, int signatureLength, int bands, int rows,
                        double lshThreshold, Map<String, Double> sCurve, Map<String, Double> thresholds,
                        int bucketCap, long oversizedBucketsSkipped, long indexKeys, long indexBytes,
                        long articles, long versions, long stories, long storyMerges) {
}
