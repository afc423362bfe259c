package io.redline.minhash;

import io.redline.text.Hashes;
import io.redline.text.LongList;

/**
 * LSH keys of single paragraphs, beside the whole-text bands, so that a text that shares a few paragraphs with
 * a much longer one meets it: a three-paragraph excerpt of a 25-paragraph story has a whole-text Jaccard near
 * 0.05, which whole-text bands tuned for 0.3 find with probability 0.15, while each shared paragraph here is
 * found with probability 1 when copied and about 0.7 at paragraph Jaccard 0.5.
 *
 * <p>Each paragraph with at least {@link #MIN_SHINGLES} shingles gets a one-permutation MinHash sketch of
 * {@link #SKETCH} values (its own seed), cut into {@link #BANDS} bands of {@link #ROWS}. Immutable, thread-safe.
 */
public final class ParagraphKeys {
    public static final int SKETCH = 8;
    public static final int BANDS = 4;
    public static final int ROWS = 2;
    public static final int MIN_SHINGLES = 5;
    /** Part of the stored index version: bump when the keys of a paragraph change. */
    public static final String VERSION = "p" + SKETCH + "x" + BANDS + "x" + ROWS;
    /** Makes paragraph keys differ from whole-text band keys built from the same values. */
    private static final long MARKER = 0x5A7A_6EA5_0000_0001L;

    private final MinHasher sketcher;

    public ParagraphKeys(long seed) {
        this.sketcher = new MinHasher(SKETCH, Hashes.mix(seed ^ MARKER));
    }

    /** Appends the keys of the paragraph whose shingle hashes are {@code shingles}, if it is long enough. */
    public void addKeys(long[] shingles, LongList out) {
        if (shingles.length < MIN_SHINGLES) {
            return;
        }
        long[] sketch = sketcher.minHashes(shingles, shingles.length);
        long[] band = new long[ROWS + 2];
        band[0] = MARKER;
        for (int b = 0; b < BANDS; b++) {
            band[1] = b;
            System.arraycopy(sketch, b * ROWS, band, 2, ROWS);
            out.add(Hashes.combine(band, 0, band.length));
        }
    }
}
