package io.redline.text;

import java.util.Arrays;

/**
 * The fixed 64-bit hash functions of the pipeline. They must never change silently: stored shingle sets and
 * signatures depend on them (see {@code FingerprintVersion}); golden tests pin their outputs.
 */
public final class Hashes {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashes() {
    }

    /** The 64-bit finaliser of MurmurHash3: a bijection that spreads every input bit over the output. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** A 64-bit hash of every char of {@code s}, in order (FNV-1a, mixed). */
    public static long ofChars(CharSequence s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h = fnvStep(h, s.charAt(i));
        }
        return mix(h);
    }

    static long fnvStart() {
        return FNV_OFFSET;
    }

    static long fnvStep(long h, int codePoint) {
        h ^= codePoint;
        h *= FNV_PRIME;
        if (codePoint > 0xFF) {
            h ^= codePoint >>> 8;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** Order-sensitive combination of {@code count} token hashes starting at {@code from}. */
    public static long combine(long[] tokens, int from, int count) {
        long h = GOLDEN * count;
        for (int i = from; i < from + count; i++) {
            h = Long.rotateLeft(h, 27) ^ tokens[i];
            h *= GOLDEN;
        }
        return mix(h);
    }

    /** Sorts the array in place and returns its distinct values (a new array unless all were distinct). */
    public static long[] sortedDistinct(long[] values) {
        sort(values);
        return distinct(values);
    }

    /** The distinct values of a sorted array, in place (a new array unless all were distinct). */
    public static long[] distinct(long[] sorted) {
        if (sorted.length == 0) {
            return sorted;
        }
        int n = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }

    /** From this length on, {@link #sort} sorts by radix. */
    static final int RADIX_FROM = 192;

    /**
     * Sorts in place in {@link Arrays#sort(long[])}'s order (signed). Hashes are random, so a comparison sort
     * mispredicts about every other branch; from {@value #RADIX_FROM} values on, a radix sort in eight passes of
     * one byte, which compares nothing, is faster (a text's shingle set: ~600 values).
     */
    static void sort(long[] values) {
        int n = values.length;
        if (n < RADIX_FROM) {
            Arrays.sort(values);
            return;
        }
        long[] from = values;
        long[] to = new long[n];
        int[] counts = new int[256];
        for (int shift = 0; shift < 64; shift += 8) {
            Arrays.fill(counts, 0);
            // the top byte with its sign bit flipped, so negative values come first
            long flip = shift == 56 ? 0x80L : 0;
            for (long v : from) {
                counts[(int) ((v >>> shift ^ flip) & 0xFF)]++;
            }
            if (counts[(int) ((from[0] >>> shift ^ flip) & 0xFF)] == n) {
                continue; // every value has the same byte here: the order stays as it is
            }
            for (int b = 0, at = 0; b < 256; b++) {
                int c = counts[b];
                counts[b] = at;
                at += c;
            }
            for (long v : from) {
                to[counts[(int) ((v >>> shift ^ flip) & 0xFF)]++] = v;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        if (from != values) {
            System.arraycopy(from, 0, values, 0, n);
        }
    }

    /** Whether two sorted arrays share a value; stops at the first shared. */
    public static boolean intersects(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** Size of the intersection of two sorted distinct arrays. */
    public static int intersectionSize(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        // without branches on the comparisons, which follow no pattern a processor could predict
        while (i < a.length && j < b.length) {
            long x = a[i];
            long y = b[j];
            n += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }
        return n;
    }
}
