package io.redline.minhash;

import io.redline.text.Hashes;

/**
 * Hashes each band of a signature to one 64-bit bucket key; the band number is part of the key, so equal
 * values in different bands never collide. Immutable and thread-safe.
 */
public final class LshBands {
    private final LshParameters parameters;

    public LshBands(LshParameters parameters) {
        this.parameters = parameters;
    }

    public LshParameters parameters() {
        return parameters;
    }

    /** A text's LSH keys: one per whole-text band, then those of its paragraphs. */
    public long[] allKeys(Fingerprint fingerprint) {
        long[] whole = bucketKeys(fingerprint.signature());
        long[] paragraphs = fingerprint.paragraphKeys();
        long[] keys = java.util.Arrays.copyOf(whole, whole.length + paragraphs.length);
        System.arraycopy(paragraphs, 0, keys, whole.length, paragraphs.length);
        return keys;
    }

    /** One bucket key per band; empty for the signature of a text without shingles. */
    public long[] bucketKeys(Signature signature) {
        if (signature.isEmpty()) {
            return new long[0];
        }
        int rows = parameters.rows();
        if (signature.length() < parameters.bands() * rows) {
            throw new IllegalArgumentException("a signature of " + signature.length() + " values cannot hold "
                    + parameters.bands() + " bands of " + rows + " rows");
        }
        long[] keys = new long[parameters.bands()];
        long[] band = new long[rows + 1];
        for (int b = 0; b < keys.length; b++) {
            band[0] = b;
            for (int r = 0; r < rows; r++) {
                band[r + 1] = signature.value(b * rows + r);
            }
            keys[b] = Hashes.combine(band, 0, band.length);
        }
        return keys;
    }
}
