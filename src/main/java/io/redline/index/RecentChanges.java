package io.redline.index;

import io.redline.text.Hashes;

/**
 * The latest changes applied to an index, each with its keys: enough to tell whether a look-up made a moment ago
 * would still find the same entries, without making it again ({@link LshIndex#unchangedSince}). A look-up's result
 * depends only on the live entries of the buckets of its keys, and those change only when a change adds an entry
 * under one of the keys or kills an entry of one of the buckets. Holds the changes until their keys pass a bound,
 * the oldest dropped first. Not thread-safe.
 *
 * <p>Example: after {@code add(7, 0, {1, 5})}, a look-up made when entry 6 was the last, for keys {2, 3}, is
 * untouched; for keys {3, 5} it is touched.
 */
final class RecentChanges {
    private final long maxKeys;
    private long[] entries = new long[64];
    private long[] replaced = new long[64];
    private long[][] keys = new long[64][];
    private int first;
    private int size;
    private long heldKeys;
    /** Every change after this entry is held. */
    private long heldAfter;

    /** @param maxKeys keys held at most, over all changes (the newest change is held whatever its size) */
    RecentChanges(long maxKeys) {
        this.maxKeys = maxKeys;
    }

    /**
     * Holds change {@code entry}: its {@code keys} as {@link LshIndex} compares them ({@link LshIndex#kept}, sorted,
     * distinct; null for none) and the entry it {@code replaces} (0: none). Entries come in increasing order.
     */
    void add(long entry, long replaces, long[] keptKeys) {
        if (size == entries.length) {
            grow();
        }
        int at = (first + size++) & (entries.length - 1);
        entries[at] = entry;
        replaced[at] = replaces;
        keys[at] = keptKeys;
        heldKeys += keptKeys == null ? 0 : keptKeys.length;
        while (heldKeys > maxKeys && size > 1) {
            heldAfter = entries[first];
            heldKeys -= keys[first] == null ? 0 : keys[first].length;
            keys[first] = null;
            first = (first + 1) & (entries.length - 1);
            size--;
        }
    }

    /** Forgets every change up to {@code entry}, and holds none of those applied so far that are not held. */
    void forgetUpTo(long entry) {
        while (size > 0 && entries[first] <= entry) {
            heldKeys -= keys[first] == null ? 0 : keys[first].length;
            keys[first] = null;
            first = (first + 1) & (entries.length - 1);
            size--;
        }
        heldAfter = Math.max(heldAfter, entry);
    }

    /**
     * Whether a change after entry {@code asOf} may have changed what a look-up of {@code keptKeys} (sorted) found
     * then: it added an entry under one of the keys, or killed one under one of them. True too when it cannot tell,
     * because a change after {@code asOf} or a killed entry's keys are no longer held. {@code shared} holds the
     * changes of the index the look-up read, for the keys of entries killed here.
     */
    boolean touches(long asOf, long[] keptKeys, RecentChanges shared) {
        if (asOf < heldAfter) {
            return true;
        }
        for (int i = size - 1; i >= 0; i--) {
            int at = (first + i) & (entries.length - 1);
            if (entries[at] <= asOf) {
                break;
            }
            if (keys[at] != null && Hashes.intersects(keys[at], keptKeys)) {
                return true;
            }
            // an entry added since is checked as its own change; an older one killed must have its keys known
            long r = replaced[at];
            if (r > 0 && r <= asOf) {
                long[] killed = shared.keysOf(r);
                if (killed == null || Hashes.intersects(killed, keptKeys)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Heap held, in bytes: the keys and, per change, an array header and three slots. */
    long bytes() {
        return 8 * heldKeys + 16L * size + 24L * entries.length + 64;
    }

    /** The keys of change {@code entry} (empty for a deletion), null if it is not held. */
    private long[] keysOf(long entry) {
        if (entry <= heldAfter) {
            return null;
        }
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long e = entries[(first + mid) & (entries.length - 1)];
            if (e < entry) {
                low = mid + 1;
            } else if (e > entry) {
                high = mid - 1;
            } else {
                long[] k = keys[(first + mid) & (entries.length - 1)];
                return k == null ? new long[0] : k;
            }
        }
        return null;
    }

    private void grow() {
        int n = entries.length;
        long[] e = new long[2 * n];
        long[] r = new long[2 * n];
        long[][] k = new long[2 * n][];
        for (int i = 0; i < size; i++) {
            int at = (first + i) & (n - 1);
            e[i] = entries[at];
            r[i] = replaced[at];
            k[i] = keys[at];
        }
        entries = e;
        replaced = r;
        keys = k;
        first = 0;
    }
}
