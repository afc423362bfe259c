package io.redline.minhash;

import io.redline.text.Hashes;
import io.redline.text.LongList;

import java.util.Arrays;

/**
 * MinHash by one-permutation hashing with optimal densification (Shrivastava, ICML 2017).
 *
 * <p>Each shingle hash is re-hashed once with the seed; its low 32 bits choose one of {@code length} bins
 * and its high 32 bits are the value kept if it is the bin's minimum. One hash per shingle instead of
 * {@code length}, which is what makes signing close to the cost of tokenising. Bins that received no
 * shingle borrow the value of a non-empty bin chosen by a seeded probe sequence, so short texts still give
 * an unbiased Jaccard estimate. Example: the same shingle set always gives the same 128 values, on any JVM.
 * Immutable and thread-safe.
 */
public final class MinHasher {
    public static final int DEFAULT_LENGTH = 128;
    public static final long DEFAULT_SEED = 0x7ED11E5EEDL;
    /** Value of every position of the signature of a text without shingles. */
    public static final long EMPTY = Long.MAX_VALUE;

    private final int length;
    private final long seed;

    public MinHasher(int length, long seed) {
        if (length < 1 || length > 4096) {
            throw new IllegalArgumentException("signature length must be between 1 and 4096, got " + length);
        }
        this.length = length;
        this.seed = seed;
    }

    public int length() {
        return length;
    }

    /** The signature values of the first {@code count} shingle hashes (duplicates allowed). */
    public long[] minHashes(long[] shingles, int count) {
        return minHashes(shingles, 0, count);
    }

    /** The signature values of the shingle hashes {@code shingles[from, to)} (duplicates allowed). */
    public long[] minHashes(long[] shingles, int from, int to) {
        long[] mins = emptyBins();
        for (int i = from; i < to; i++) {
            lower(mins, shingles[i]);
        }
        return densified(mins);
    }

    /** Bins that no shingle has reached yet; fill with {@link #add}, then {@link #densified}. */
    long[] emptyBins() {
        long[] mins = new long[length];
        Arrays.fill(mins, EMPTY);
        return mins;
    }

    /**
     * Takes the shingle hashes {@code shingles[from, size)} into {@code mins}. The bins' minima do not depend on the
     * order in which shingles arrive, so a text can be taken in paragraph by paragraph as it is shingled, without
     * collecting its shingles first: the result equals {@link #minHashes} of all of them.
     */
    void add(long[] mins, LongList shingles, int from) {
        for (int i = from, n = shingles.size(); i < n; i++) {
            lower(mins, shingles.get(i));
        }
    }

    private void lower(long[] mins, long shingle) {
        long x = Hashes.mix(shingle ^ seed);
        int bin = bin(x);
        long value = x >>> 32;
        long min = mins[bin];
        // a select and a store that always happens, not a branch: whether a shingle lowers its bin is close to a
        // coin toss over the first few hundred shingles, which a branch predictor mostly gets wrong
        mins[bin] = value < min ? value : min;
    }

    /** {@code mins} with its empty bins filled, unless all or none are empty (the same array). */
    long[] densified(long[] mins) {
        densify(mins);
        return mins;
    }

    private int bin(long x) {
        return (int) (((x & 0xFFFFFFFFL) * length) >>> 32);
    }

    private void densify(long[] mins) {
        int filled = 0;
        for (long m : mins) {
            if (m != EMPTY) {
                filled++;
            }
        }
        if (filled == 0 || filled == length) {
            return;
        }
        long[] original = mins.clone();
        for (int i = 0; i < length; i++) {
            if (original[i] != EMPTY) {
                continue;
            }
            long probe = Hashes.mix(seed + 0x9E3779B97F4A7C15L * (i + 1));
            for (int attempt = 1; ; attempt++) {
                int j = bin(Hashes.mix(probe + attempt));
                if (original[j] != EMPTY) {
                    mins[i] = original[j];
                    break;
                }
            }
        }
    }
}
