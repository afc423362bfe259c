package io.redline.text;

import java.util.Arrays;

/**
 * A growable array of primitive longs, so the hashing pipeline creates no boxed objects per token.
 * Not thread-safe; meant to be used by one call and then turned into an array.
 */
public final class LongList {
    private long[] values;
    private int size;

    public LongList(int initialCapacity) {
        values = new long[Math.max(8, initialCapacity)];
    }

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public long get(int i) {
        return values[i];
    }

    /** The backing array; only its first {@link #size()} values are meaningful. */
    long[] buffer() {
        return values;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    public long[] copyOfRange(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of a list of " + size);
        }
        return Arrays.copyOfRange(values, from, to);
    }

    public long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** The distinct values, sorted ascending. */
    public long[] toSortedSet() {
        long[] copy = toArray();
        return Hashes.sortedDistinct(copy);
    }
}
