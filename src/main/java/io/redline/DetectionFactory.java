package io.redline;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.redline.detect.Detector;
import io.redline.detect.Representatives;
import io.redline.detect.HeldVersions;
import io.redline.match.Classifier;
import io.redline.match.Comparer;
import io.redline.minhash.Fingerprinter;
import io.redline.minhash.LshBands;
import io.redline.minhash.LshParameters;
import io.redline.minhash.MinHasher;
import io.redline.store.ArticleStore;
import io.redline.text.Shingler;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The {@code detection} block of config.yml: fingerprint, LSH and classification settings. */
public class DetectionFactory {
    @Min(1) @Max(16)
    @JsonProperty
    private int shingleSize = Shingler.DEFAULT_SIZE;

    @Min(8) @Max(4096)
    @JsonProperty
    private int signatureLength = MinHasher.DEFAULT_LENGTH;

    @JsonProperty
    private long seed = MinHasher.DEFAULT_SEED;

    /** Jaccard at which a pair must become an LSH candidate with probability 0.99; sets bands × rows. */
    @DecimalMin("0.05") @DecimalMax("1.0")
    @JsonProperty
    private double lshThreshold = 0.3;

    @DecimalMin("0.01") @DecimalMax("1.0")
    @JsonProperty
    private double duplicateJaccard = Classifier.DEFAULT_DUPLICATE_JACCARD;

    @DecimalMin("0.01") @DecimalMax("1.0")
    @JsonProperty
    private double revisionJaccard = Classifier.DEFAULT_REVISION_JACCARD;

    @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0")
    @JsonProperty
    private double evidenceContainment = Classifier.DEFAULT_EVIDENCE_CONTAINMENT;

    @DecimalMin("0.01") @DecimalMax("1.0")
    @JsonProperty
    private double revisionOverlap = Classifier.DEFAULT_REVISION_OVERLAP;

    /** Texts published further apart than this are different stories even when one reuses the other (0: no limit). */
    @NotNull
    @JsonProperty
    private Duration maxRevisionGap = Duration.days(Classifier.DEFAULT_MAX_REVISION_GAP.toDays());

    @DecimalMin("0.01") @DecimalMax("1.0")
    @JsonProperty
    private double paragraphThreshold = Comparer.DEFAULT_PARAGRAPH_THRESHOLD;

    /** Buckets holding more articles than this (shared boilerplate) are skipped at look-up and counted. */
    @Min(1)
    @JsonProperty
    private int bucketCap = 1000;

    /**
     * Buckets holding more articles than this are weak evidence: a candidate found only through one of them
     * is dropped (see {@code LshIndex.find}). 1: a candidate must share two keys, unless it alone is in the one
     * bucket it shares.
     */
    @Min(1)
    @JsonProperty
    private int weakBucket = 1;

    @Min(1) @Max(1000)
    @JsonProperty
    private int maxMatches = 10;

    /** Stored texts kept in memory for verification, in 8-byte units (0: none kept); see {@code HeldVersions}. */
    @Min(0)
    @JsonProperty
    private long storedTermsCache = HeldVersions.DEFAULT_MAX_UNITS;

    /** LSH candidates verified per story for their shared keys, besides the story's latest published one. */
    @Min(1)
    @JsonProperty
    private int verifyPerStory = Representatives.DEFAULT_PER_STORY;

    /** LSH candidates verified per look-up at most; must be above verifyPerStory. */
    @Min(2)
    @JsonProperty
    private int verifyTotal = Representatives.DEFAULT_TOTAL;

    public int getWeakBucket() {
        return weakBucket;
    }

    public Detector buildDetector(ArticleStore store, MetricRegistry metrics) {
        LshParameters lsh = LshParameters.forThreshold(lshThreshold, signatureLength, LshParameters.DEFAULT_TARGET_PROBABILITY);
        return new Detector(new Fingerprinter(shingleSize, signatureLength, seed), new LshBands(lsh),
                new Comparer(paragraphThreshold),
                new Classifier(duplicateJaccard, revisionJaccard, evidenceContainment, revisionOverlap,
                        maxRevisionGap.toJavaDuration()),
                store, lshThreshold, bucketCap, weakBucket, maxMatches, metrics,
                new HeldVersions(storedTermsCache), new Representatives(verifyPerStory, verifyTotal));
    }
}
