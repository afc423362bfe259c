package io.redline.minhash;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LSH banding: the signature is cut into {@code bands} bands of {@code rows} values; two texts become
 * candidates when any band agrees entirely, which for Jaccard similarity s happens with probability
 * {@code 1 - (1 - s^rows)^bands}.
 *
 * <p>{@link #forThreshold} chooses the most selective banding (the most rows) that still makes a pair
 * exactly at the threshold a candidate with the target probability. Example: threshold 0.3, 128 values,
 * target 0.99 → 64 bands × 2 rows, P(0.3) = 0.9976, P(0.05) = 0.15.
 */
public record LshParameters(int bands, int rows) {
    public static final double DEFAULT_TARGET_PROBABILITY = 0.99;

    public LshParameters {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be >= 1, got " + bands + " x " + rows);
        }
    }

    public static LshParameters forThreshold(double threshold, int signatureLength, double targetProbability) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("LSH threshold must be in (0, 1], got " + threshold);
        }
        if (!(targetProbability > 0 && targetProbability < 1)) {
            throw new IllegalArgumentException("target probability must be in (0, 1), got " + targetProbability);
        }
        LshParameters best = new LshParameters(signatureLength, 1);
        if (best.candidateProbability(threshold) < targetProbability) {
            throw new IllegalArgumentException("no banding of " + signatureLength + " values finds pairs at Jaccard "
                    + threshold + " with probability " + targetProbability + "; raise the threshold or the signature length");
        }
        for (int rows = 2; rows <= signatureLength; rows++) {
            LshParameters p = new LshParameters(signatureLength / rows, rows);
            if (p.candidateProbability(threshold) >= targetProbability) {
                best = p;
            }
        }
        return best;
    }

    public double candidateProbability(double similarity) {
        return 1 - Math.pow(1 - Math.pow(similarity, rows), bands);
    }

    /** Candidate probability at similarity 0.1, 0.2, ..., 1.0, keyed by the similarity as text. */
    public Map<String, Double> sCurve() {
        Map<String, Double> curve = new LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            double s = i / 10.0;
            curve.put(String.format(java.util.Locale.ROOT, "%.1f", s), Math.round(candidateProbability(s) * 1e4) / 1e4);
        }
        return curve;
    }
}
