package io.redline.budget;

/**
 * How often each key was seen lately, estimated in fixed memory: a count-min sketch of four rows of 4-bit
 * counters (at most 15), all halved once as many keys have been counted as ten times a row's width, so that what
 * was popular long ago fades. An estimate is never below the key's count since the last halving (collisions can
 * only raise it), and depends only on the keys counted and their order. Not thread-safe.
 *
 * <p>Caches use it to decide admission: a newcomer displaces the entry that would go first only when it was seen
 * more often (the TinyLFU rule), so a scan over more keys than the cache holds no longer replaces everything in it.
 */
public final class FrequencySketch {
    private static final int ROWS = 4;
    private static final long[] SEEDS = {0x9E3779B97F4A7C15L, 0xC2B2AE3D27D4EB4FL, 0x165667B19E3779F9L,
            0xD6E8FEB86659FD93L};
    private static final long ODD_NIBBLES_CLEARED = 0x7777_7777_7777_7777L;

    /** Per row: width counters, sixteen to a long. */
    private final long[][] rows;
    private final int widthBits;
    private final int halveAfter;
    private int counted;

    /** @param width counters per row, rounded up to a power of two of at least 16 */
    public FrequencySketch(int width) {
        if (width < 1 || width > 1 << 26) {
            throw new IllegalArgumentException("width must be in 1..2^26, got " + width);
        }
        int bits = Math.max(4, 32 - Integer.numberOfLeadingZeros(width - 1));
        this.widthBits = bits;
        this.rows = new long[ROWS][(1 << bits) / 16];
        this.halveAfter = 10 << bits;
    }

    /** Counts one sighting of {@code key}; returns its estimate afterwards. */
    public int add(long key) {
        int min = Integer.MAX_VALUE;
        for (int r = 0; r < ROWS; r++) {
            int counter = counter(key, r);
            int value = count(rows[r], counter);
            if (value < 15) {
                rows[r][counter >>> 4] += 1L << ((counter & 15) * 4);
                value++;
            }
            min = Math.min(min, value);
        }
        if (++counted >= halveAfter) {
            halve();
        }
        return min;
    }

    /** The estimate for {@code key}: 0 for a key never counted (unless every counter it maps to collides). */
    public int frequency(long key) {
        int min = 15;
        for (int r = 0; r < ROWS; r++) {
            min = Math.min(min, count(rows[r], counter(key, r)));
        }
        return min;
    }

    /** The 4-bit counter at {@code counter} of {@code row}: sixteen to a long. */
    private static int count(long[] row, int counter) {
        return (int) (row[counter >>> 4] >>> ((counter & 15) * 4)) & 15;
    }

    private int counter(long key, int row) {
        long h = (key ^ (key >>> 29)) * SEEDS[row];
        return (int) (h >>> (64 - widthBits));
    }

    private void halve() {
        for (long[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (row[i] >>> 1) & ODD_NIBBLES_CLEARED;
            }
        }
        counted /= 2;
    }
}
