package io.redline.index;

import java.util.Arrays;
import java.util.BitSet;

/**
 * One shard of the {@link LshIndex}: a multimap from 32-bit key to entry number. Most of it is a frozen run, the
 * (key, entry) pairs sorted and Elias–Fano coded; recent additions wait in a small open-addressing table and are
 * merged into the run when it holds a sixteenth as many.
 *
 * <p>The run of {@code n} pairs splits each key (as an unsigned number) into a high part of
 * {@code ceil(log2 n)} bits and a low part of the rest. The high parts are written in unary in {@code high}: bucket
 * {@code h} is a run of one bits, one per pair, ended by a zero, so pair {@code i} is the one bit at position
 * {@code high(i) + i}. The low part and the entry of each pair are packed together in {@code lowAndEntry}, each
 * pair the same number of bits (the low part, then as many bits as the largest entry needs). {@code firstOf[j]}
 * counts the pairs whose high part is below {@code 64 j}, so a look-up starts at most 64 buckets before its own.
 * A pair costs 2–3 bits of unary, {@code 32 - ceil(log2 n)} of low part and the entry's bits: at a million articles
 * (about 25,000 pairs a shard, entries up to a million) 39–40 bits, against 64 for a plain packed long.
 *
 * <p>Example: pairs (key 5, entry 1), (5, 2), (9, 1) and (0xFFFF_FFFF, 3): n = 4, 2 high bits, 30 low bits; high
 * parts 0, 0, 0, 3, so {@code high} reads 1110 0 0 10 from bit 0; low parts 5, 5, 9, 0x3FFF_FFFF.
 *
 * <p>Not thread-safe: {@link LshIndex} guards it.
 */
final class KeyTable {
    private static final int MIN_RECENT = 32;
    /** The recent table is merged into the run when it holds more than the run's size divided by this. */
    static final int RECENT_FRACTION = 16;
    /**
     * The same while a long run of changes is loaded ({@link LshIndex#loading}): every pair is then merged into
     * runs about five times instead of seventeen, for a recent table of up to a quarter of the run until the load
     * ends and {@link #settle} brings it back.
     */
    static final int LOADING_FRACTION = 4;
    private static final long EMPTY = 0;
    private static final long[] NO_BITS = new long[1];
    private static final int[] NO_SAMPLES = {0, 0};
    /** Object headers and fields, for {@link #bytes()}: the table and its four arrays. */
    private static final int OVERHEAD = 48 + 4 * 16;

    // the frozen run
    private int size;
    private int lowBits = 32;
    private int entryBits = 1;
    private long[] high = NO_BITS;
    private long[] lowAndEntry = NO_BITS;
    private int[] firstOf = NO_SAMPLES;

    // recent additions: key << 32 | entry, entries are positive so 0 is free
    private long[] recent = new long[MIN_RECENT];
    private int recentCount;

    void add(int key, int entry, BitSet dead, int fraction) {
        if ((recentCount + 1) * 4 > recent.length * 3) {
            if (recentCount + 1 > Math.max(MIN_RECENT, size / fraction)) {
                mergeRecent(dead);
            } else {
                recent = rehash(recent, recent.length * 2);
            }
        }
        put(recent, ((long) key << 32) | (entry & 0xFFFF_FFFFL));
        recentCount++;
    }

    /**
     * Appends the live entries under {@code key} to {@code out}, unless there are more than {@code cap} of them.
     * Entries in {@code dead} or in the sorted {@code alsoDead} are not live. An entry added twice under the key
     * is found twice.
     *
     * @return the number of live entries under the key
     */
    int find(int key, BitSet dead, int[] alsoDead, int cap, IntList out) {
        int mark = out.size();
        int found = 0;
        if (size > 0) {
            found = findInRun(key & 0xFFFF_FFFFL, dead, alsoDead, cap, out);
        }
        int mask = recent.length - 1;
        for (int slot = slot(key, mask); recent[slot] != EMPTY; slot = (slot + 1) & mask) {
            if ((int) (recent[slot] >>> 32) == key) {
                found += collect((int) recent[slot], dead, alsoDead, cap, found, out);
            }
        }
        if (found > cap) {
            out.truncate(mark);
        }
        return found;
    }

    private int findInRun(long key, BitSet dead, int[] alsoDead, int cap, IntList out) {
        int bucket = (int) (key >>> lowBits);
        int sample = bucket >>> 6;
        int pair = firstOf[sample];
        long position = ((long) sample << 6) + pair;
        // skip the zeros that end the buckets before this one
        int zeros = bucket & 63;
        while (zeros > 0) {
            int offset = (int) (position & 63);
            long free = ~high[(int) (position >>> 6)] >>> offset;
            int here = Long.bitCount(free);
            if (here < zeros) {
                zeros -= here;
                pair += 64 - offset - here;
                position += 64 - offset;
            } else {
                for (int k = 1; k < zeros; k++) {
                    free &= free - 1;
                }
                int at = Long.numberOfTrailingZeros(free);
                pair += at + 1 - zeros;
                position += at + 1;
                zeros = 0;
            }
        }
        // the pairs of this bucket: the one bits up to the next zero
        int end = pair;
        while (true) {
            int offset = (int) (position & 63);
            int ones = Math.min(Long.numberOfTrailingZeros(~(high[(int) (position >>> 6)] >>> offset)), 64 - offset);
            end += ones;
            position += ones;
            if (ones < 64 - offset) {
                break;
            }
        }
        long low = key & lowMask(lowBits);
        int width = lowBits + entryBits;
        long entryMask = (1L << entryBits) - 1;
        int found = 0;
        for (int i = pair; i < end; i++) {
            long packed = read(lowAndEntry, (long) i * width, width);
            long pairLow = packed >>> entryBits;
            if (pairLow == low) {
                found += collect((int) (packed & entryMask), dead, alsoDead, cap, found, out);
            } else if (pairLow > low) {
                break;
            }
        }
        return found;
    }

    private static int collect(int entry, BitSet dead, int[] alsoDead, int cap, int found, IntList out) {
        if (dead.get(entry) || alsoDead.length > 0 && Arrays.binarySearch(alsoDead, entry) >= 0) {
            return 0;
        }
        if (found < cap) {
            out.add(entry);
        }
        return 1;
    }

    /** Merges the recent additions into the run if they are more than it holds between merges outside a load. */
    void settle(BitSet dead) {
        if (recentCount > Math.max(MIN_RECENT, size / RECENT_FRACTION)) {
            mergeRecent(dead);
        }
    }

    /**
     * Merges the recent additions into the run, dropping dead entries on the way. Only the recent pairs are sorted;
     * the run is decoded in order behind them and the two merged in one pass, so a merge costs the run's length and
     * not a sort of it.
     */
    void mergeRecent(BitSet dead) {
        long[] fresh = new long[recentCount];
        int f = 0;
        for (long packed : recent) {
            if (packed != EMPTY) {
                fresh[f++] = sortable((int) (packed >>> 32), (int) packed);
            }
        }
        Arrays.sort(fresh);
        // the run goes behind room for the recent pairs: the merge writes at most as far as it has read
        long[] pairs = new long[recentCount + size];
        int r = recentCount;
        int runEnd = r + decodeRun(pairs, r);
        int live = 0;
        f = 0;
        while (r < runEnd || f < fresh.length) {
            long next = f == fresh.length || r < runEnd && pairs[r] < fresh[f] ? pairs[r++] : fresh[f++];
            if (!dead.get((int) next)) {
                pairs[live++] = next;
            }
        }
        encodeRun(pairs, live);
        recent = new long[MIN_RECENT];
        recentCount = 0;
    }

    /** Writes the run's pairs into {@code out} from {@code at} in order, as {@link #sortable} longs; returns how many. */
    private int decodeRun(long[] out, int at) {
        int width = lowBits + entryBits;
        long entryMask = (1L << entryBits) - 1;
        int i = 0;
        for (int word = 0; i < size; word++) {
            for (long ones = high[word]; ones != 0; ones &= ones - 1) {
                long bucket = ((long) word << 6) + Long.numberOfTrailingZeros(ones) - i; // pair i is at bucket + i
                long packed = read(lowAndEntry, (long) i * width, width);
                out[at + i] = sortable((int) (bucket << lowBits | packed >>> entryBits), (int) (packed & entryMask));
                i++;
            }
        }
        return size;
    }

    private void encodeRun(long[] sorted, int n) {
        size = n;
        if (n == 0) {
            lowBits = 32;
            entryBits = 1;
            high = NO_BITS;
            lowAndEntry = NO_BITS;
            firstOf = NO_SAMPLES;
            return;
        }
        int highBits = n == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
        lowBits = 32 - highBits;
        int maxEntry = 0;
        for (int i = 0; i < n; i++) {
            maxEntry = Math.max(maxEntry, (int) sorted[i]);
        }
        entryBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(maxEntry));
        int width = lowBits + entryBits;
        long buckets = 1L << highBits;
        high = new long[(int) ((n + buckets) >>> 6) + 1];
        lowAndEntry = new long[(int) (((long) n * width) >>> 6) + 2];
        firstOf = new int[(int) (buckets >>> 6) + 2];
        long lowMask = lowMask(lowBits);
        int sample = 0;
        for (int i = 0; i < n; i++) {
            long key = (sorted[i] >>> 32 ^ 0x8000_0000L) & 0xFFFF_FFFFL;
            long bucket = key >>> lowBits;
            while ((long) sample << 6 <= bucket) {
                firstOf[sample++] = i;
            }
            long position = bucket + i;
            high[(int) (position >>> 6)] |= 1L << (position & 63);
            write(lowAndEntry, (long) i * width, (key & lowMask) << entryBits | (int) sorted[i]);
        }
        while (sample < firstOf.length) {
            firstOf[sample++] = n;
        }
    }

    /** Pairs held, live or not yet purged. */
    long entries() {
        return size + recentCount;
    }

    /** Heap held by this table: its arrays and headers. */
    long bytes() {
        long arrays = (long) (high.length + lowAndEntry.length + recent.length) * Long.BYTES
                + (long) firstOf.length * Integer.BYTES;
        // the shared empty arrays of an empty run are not this table's
        return OVERHEAD + arrays - (high == NO_BITS ? 2L * Long.BYTES + NO_SAMPLES.length * Integer.BYTES : 0);
    }

    /** Sorts as (unsigned key, entry). */
    private static long sortable(int key, int entry) {
        return ((long) (key ^ Integer.MIN_VALUE) << 32) | (entry & 0xFFFF_FFFFL);
    }

    private static long lowMask(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    private static long read(long[] bits, long position, int width) {
        int word = (int) (position >>> 6);
        int offset = (int) (position & 63);
        long value = bits[word] >>> offset;
        if (offset + width > 64) {
            value |= bits[word + 1] << (64 - offset);
        }
        return value & lowMask(width);
    }

    private static void write(long[] bits, long position, long value) {
        int word = (int) (position >>> 6);
        int offset = (int) (position & 63);
        bits[word] |= value << offset;
        if (offset > 0) {
            bits[word + 1] |= value >>> (64 - offset);
        }
    }

    private static void put(long[] table, long packed) {
        int mask = table.length - 1;
        int slot = slot((int) (packed >>> 32), mask);
        while (table[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        table[slot] = packed;
    }

    private static long[] rehash(long[] table, int capacity) {
        long[] grown = new long[capacity];
        for (long packed : table) {
            if (packed != EMPTY) {
                put(grown, packed);
            }
        }
        return grown;
    }

    private static int slot(int key, int mask) {
        return (key * 0x9E37_79B9) >>> Integer.numberOfLeadingZeros(mask);
    }
}
