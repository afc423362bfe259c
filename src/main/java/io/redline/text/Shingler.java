package io.redline.text;

/**
 * Hashes word k-shingles: every run of {@code size} consecutive tokens becomes one 64-bit value.
 *
 * <p>Example with size 3: tokens [a, b, c, d] → shingles [a b c, b c d]. A run shorter than {@code size}
 * (a short paragraph) yields a single shingle of all its tokens, so it is not lost. Immutable, thread-safe.
 */
public final class Shingler {
    public static final int DEFAULT_SIZE = 3;

    private final int size;

    public Shingler(int size) {
        if (size < 1 || size > 16) {
            throw new IllegalArgumentException("shingle size must be between 1 and 16, got " + size);
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** Appends the shingle hashes of {@code tokens[from, tokens.size())} to {@code out}. */
    public void shingle(LongList tokens, int from, LongList out) {
        long[] t = tokens.buffer();
        int n = tokens.size() - from;
        if (n <= 0) {
            return;
        }
        if (n < size) {
            out.add(Hashes.combine(t, from, n));
            return;
        }
        for (int i = from; i + size <= tokens.size(); i++) {
            out.add(Hashes.combine(t, i, size));
        }
    }
}
