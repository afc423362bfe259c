package io.redline.index;

import java.util.Arrays;
import java.util.BitSet;

/**
 * One shard of the {@link LshIndex}: a multimap from 32-bit key to entry number, held as packed longs
 * ({@code key << 32 | entry}) in a sorted run plus a small open-addressing table of recent additions. The
 * recent table is merged into the run when half full and is kept at about an eighth of the run's size, so the
 * shard costs about 9 bytes per entry instead of the 16–20 of a hash table at a usable load. Not thread-safe:
 * {@link LshIndex} guards it.
 */
final class KeyTable {
    private static final int MIN_RECENT = 64;
    private static final long EMPTY = 0;

    private long[] run = new long[0];
    private long[] recent = new long[MIN_RECENT];
    private int recentCount;

    void add(int key, int entry, BitSet dead) {
        if ((recentCount + 1) * 2 > recent.length) {
            mergeRecent(dead);
        }
        long packed = pack(key, entry);
        int mask = recent.length - 1;
        int slot = slot(key, mask);
        while (recent[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        recent[slot] = packed;
        recentCount++;
    }

    /**
     * Appends the live entries under {@code key} to {@code out}, unless there are more than {@code cap} of them.
     * Entries in {@code dead} or in the sorted {@code alsoDead} are not live.
     *
     * @return the number of live entries under the key
     */
    int find(int key, BitSet dead, int[] alsoDead, int cap, IntList out) {
        int mark = out.size();
        int found = 0;
        long low = pack(key, 0);
        for (int i = lowerBound(run, low); i < run.length && keyOf(run[i]) == key; i++) {
            found += collect(run[i], dead, alsoDead, cap, found, out);
        }
        int mask = recent.length - 1;
        for (int slot = slot(key, mask); recent[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (keyOf(recent[slot]) == key) {
                found += collect(recent[slot], dead, alsoDead, cap, found, out);
            }
        }
        if (found > cap) {
            out.truncate(mark);
        }
        return found;
    }

    private static int collect(long packed, BitSet dead, int[] alsoDead, int cap, int found, IntList out) {
        int entry = (int) packed;
        if (dead.get(entry) || alsoDead.length > 0 && Arrays.binarySearch(alsoDead, entry) >= 0) {
            return 0;
        }
        if (found < cap) {
            out.add(entry);
        }
        return 1;
    }

    /** Sorts the recent additions into the run, dropping dead entries on the way. */
    void mergeRecent(BitSet dead) {
        long[] added = new long[recentCount];
        int n = 0;
        for (long packed : recent) {
            if (packed != EMPTY) {
                added[n++] = packed;
            }
        }
        Arrays.sort(added);
        long[] merged = new long[run.length + added.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < run.length || j < added.length) {
            long next = j == added.length || (i < run.length && run[i] <= added[j]) ? run[i++] : added[j++];
            if (!dead.get((int) next)) {
                merged[k++] = next;
            }
        }
        run = k == merged.length ? merged : Arrays.copyOf(merged, k);
        recent = new long[Math.max(MIN_RECENT, Integer.highestOneBit(Math.max(1, run.length / 8)) * 2)];
        recentCount = 0;
    }

    long entries() {
        return run.length + recentCount;
    }

    long bytes() {
        return (long) (run.length + recent.length) * Long.BYTES;
    }

    private static long pack(int key, int entry) {
        return ((long) key << 32) | (entry & 0xFFFF_FFFFL);
    }

    private static int keyOf(long packed) {
        return (int) (packed >>> 32);
    }

    private static int slot(int key, int mask) {
        return (key * 0x9E37_79B9) >>> Integer.numberOfLeadingZeros(mask);
    }

    /** First index whose value is at least {@code value}, in a sorted array. */
    private static int lowerBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
