package io.redline.index;

import io.redline.text.Hashes;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The LSH band index in memory: which entries (one per indexed article version, numbered by the store's index
 * log) fall in each 64-bit bucket key. Keys are spread over {@value #SHARDS} shards by their top 12 bits and
 * stored as their low 32 bits, so a stored key is 44 bits wide: a look-up of 100 keys against 100 million entries
 * meets a false bucket about once in two thousand look-ups, which verification then discards.
 *
 * <p>About 5.3 bytes per key at a million articles (a text has 64 whole-text band keys and 4 per paragraph, 101
 * in all for a generated news article, so about 530 bytes per article): each shard keeps its keys and entries
 * Elias–Fano coded ({@link KeyTable}). Entries are never updated
 * in place: a new version gets a new entry and its predecessor is marked dead. Thread-safe: look-ups share a
 * read lock, changes take the write lock.
 */
public final class LshIndex {
    /** Enough that a shard's sorted run stays well under G1's humongous-object size at millions of articles. */
    static final int SHARDS = 4096;

    /** The bits of a key the index keeps (shard and low half): keys equal in these are one key to it. */
    static final long KEPT_BITS = 0xFFF0_0000_FFFF_FFFFL;
    /**
     * Keys of the latest changes held for {@link #unchangedSince}, 2 MB: ~2,600 changes of news articles, ~480 of
     * 5,000-word texts, where a look-up is checked again about a hundred changes later (a bulk's lines prepared
     * ahead of their commit and a batch's own, plus other replicas' writes meanwhile).
     */
    static final long RECENT_KEYS = 1 << 18;

    private static final PendingEntries NOTHING_PENDING = new PendingEntries();

    private final KeyTable[] shards = new KeyTable[SHARDS];
    private final BitSet dead = new BitSet();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final RecentChanges recent = new RecentChanges(RECENT_KEYS);
    private long lastEntry;
    /** {@link KeyTable#LOADING_FRACTION} while a {@link Loading} is open. */
    private int mergeFraction = KeyTable.RECENT_FRACTION;

    public LshIndex() {
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new KeyTable();
        }
    }

    /**
     * Adds entry {@code entry} under {@code keys} (null: nothing, for a deletion) and marks {@code replaces}
     * (0: none) dead. Entries must come in increasing order, as the store's log numbers them.
     */
    public void apply(long entry, long replaces, long[] keys) {
        lock.writeLock().lock();
        try {
            check(entry);
            if (replaces > 0) {
                dead.set((int) replaces);
            }
            if (keys != null) {
                for (long key : Hashes.sortedDistinct(keys.clone())) {
                    shards[shard(key)].add((int) key, (int) entry, dead, mergeFraction);
                }
            }
            recent.add(entry, replaces, keys == null ? null : kept(keys));
            lastEntry = entry;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Starts a long run of changes, such as the whole log at start-up: until it is closed, recent additions are
     * merged into each shard's run less often, and each batch of changes goes in shard by shard, so that a shard's
     * tables are in the processor's cache while its keys are added rather than one key in a different shard at a
     * time. Closing it leaves the index as {@link #apply} one by one would have, in what it finds. One at a time.
     */
    public Loading loading() {
        lock.writeLock().lock();
        try {
            mergeFraction = KeyTable.LOADING_FRACTION;
        } finally {
            lock.writeLock().unlock();
        }
        return new Loading();
    }

    /** A change as {@link #apply} takes it. */
    public record Change(long entry, long replaces, long[] keys) {
    }

    /** See {@link #loading}. */
    public final class Loading implements AutoCloseable {
        private final BitSet touched = new BitSet(SHARDS);

        private Loading() {
        }

        /** Applies the changes, in increasing entry order, under one hold of the write lock. */
        public void apply(List<Change> changes) {
            lock.writeLock().lock();
            try {
                // (shard, key, entry) of every pair, counted by shard, then laid out shard after shard in entry order
                int[] perShard = new int[SHARDS + 1];
                long[][] distinctKeys = new long[changes.size()][];
                long previous = lastEntry;
                for (int c = 0; c < changes.size(); c++) {
                    Change change = changes.get(c);
                    if (change.entry() <= previous || change.entry() > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("entry " + change.entry() + " after " + previous);
                    }
                    previous = change.entry();
                    if (change.keys() != null) {
                        distinctKeys[c] = Hashes.sortedDistinct(change.keys().clone());
                        for (long key : distinctKeys[c]) {
                            perShard[shard(key) + 1]++;
                        }
                    }
                }
                for (int i = 0; i < SHARDS; i++) {
                    perShard[i + 1] += perShard[i];
                }
                int[] keys = new int[perShard[SHARDS]];
                int[] entries = new int[keys.length];
                int[] next = perShard.clone();
                for (int c = 0; c < changes.size(); c++) {
                    Change change = changes.get(c);
                    if (change.replaces() > 0) {
                        dead.set((int) change.replaces());
                    }
                    if (distinctKeys[c] != null) {
                        for (long key : distinctKeys[c]) {
                            int at = next[shard(key)]++;
                            keys[at] = (int) key;
                            entries[at] = (int) change.entry();
                        }
                    }
                }
                for (int shard = 0; shard < SHARDS; shard++) {
                    if (perShard[shard] < perShard[shard + 1]) {
                        touched.set(shard);
                    }
                    for (int i = perShard[shard]; i < perShard[shard + 1]; i++) {
                        shards[shard].add(keys[i], entries[i], dead, mergeFraction);
                    }
                }
                lastEntry = previous;
                // changes loaded in bulk are not held: a look-up made before them is made again
                recent.forgetUpTo(previous);
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public void close() {
            lock.writeLock().lock();
            try {
                mergeFraction = KeyTable.RECENT_FRACTION;
                for (int shard = touched.nextSetBit(0); shard >= 0; shard = touched.nextSetBit(shard + 1)) {
                    shards[shard].settle(dead);
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    private void check(long entry) {
        if (entry <= lastEntry || entry > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("entry " + entry + " after " + lastEntry);
        }
    }

    /** The last entry applied: the store's log is read from the one after it. */
    public long lastEntry() {
        lock.readLock().lock();
        try {
            return lastEntry;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Live entries sharing at least one key with {@code keys}, ignoring keys that hold more than {@code cap}
     * live entries (shared boilerplate would make every article a candidate of every other).
     *
     * <p>A key whose bucket holds more than {@code weakBucket} entries is weak evidence: such buckets are where
     * very common word sequences decide a band, and unrelated texts meet there. An entry found only through one
     * weak key is dropped; two keys of any kind, or one from a smaller bucket, keep it. A true pair at the LSH
     * threshold shares about six whole-text bands, so this costs recall only when its single shared band is a
     * crowded one.
     */
    public Hits find(long[] keys, int cap, int weakBucket) {
        return find(keys, cap, weakBucket, NOTHING_PENDING);
    }

    /**
     * The same, as if {@code pending} (an open transaction's own entries) were applied to this index: its entries
     * count toward each bucket's size, and the entries it replaced are dead.
     */
    public Hits find(long[] keys, int cap, int weakBucket, PendingEntries pending) {
        IntList found = new IntList();
        EntryCounts counts = new EntryCounts();
        int oversized = 0;
        int[] replaced = pending.replacedShared();
        long asOf;
        lock.readLock().lock();
        try {
            asOf = pending.isEmpty() ? lastEntry : -1;
            for (long key : Hashes.sortedDistinct(keys.clone())) {
                found.truncate(0);
                int[] own = pending.live(key);
                int size = own.length;
                if (size <= cap) {
                    size += shards[shard(key)].find((int) key, dead, replaced, cap - own.length, found);
                    if (size <= cap) {
                        for (int entry : own) {
                            found.add(entry);
                        }
                    }
                }
                if (size > cap) {
                    oversized++;
                } else {
                    counts.add(found, size <= weakBucket);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return counts.hits(oversized, asOf);
    }

    /**
     * Whether {@link #find} of {@code keys} with {@code pending} would find what {@code earlier} found (a find
     * outside any transaction, with the same cap and weak bucket), without looking the keys up again: true when no
     * change applied since, here or in {@code pending}, added an entry under one of the keys or killed one under one
     * of them. False when it cannot tell (changes no longer held, or {@code earlier} was made inside a transaction):
     * then only a new find tells. Checking merges the keys with each change's, where a find of a long text's
     * hundreds of keys walks hundreds of buckets (BENCHMARKS §10(k)).
     */
    public boolean unchangedSince(Hits earlier, long[] keys, PendingEntries pending) {
        if (earlier.asOf() < 0) {
            return false;
        }
        long[] kept = kept(keys);
        lock.readLock().lock();
        try {
            return !recent.touches(earlier.asOf(), kept, recent)
                    && !pending.changes().touches(earlier.asOf(), kept, recent);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** {@code keys} as the index tells them apart ({@link #KEPT_BITS}), sorted and distinct. */
    static long[] kept(long[] keys) {
        long[] out = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = keys[i] & KEPT_BITS;
        }
        return Hashes.sortedDistinct(out);
    }

    /** Keys held, live or not yet purged. */
    public long size() {
        lock.readLock().lock();
        try {
            long n = 0;
            for (KeyTable shard : shards) {
                n += shard.entries();
            }
            return n;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Heap held by the key tables and the dead-entry set, in bytes (within a few per cent of what a collector sees). */
    public long bytes() {
        lock.readLock().lock();
        try {
            long n = dead.size() / 8 + recent.bytes();
            for (KeyTable shard : shards) {
                n += shard.bytes();
            }
            return n;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static int shard(long key) {
        return (int) (key >>> 52);
    }

    /**
     * The keys each entry was found under, and whether one of them was strong (a bucket of at most
     * {@code weakBucket}), counted in an open-addressing table as the keys are looked up: a look-up of a long text
     * finds thousands of (entry, key) pairs but only a few hundred entries, so counting beats sorting the pairs.
     * Entries are log numbers, at least 1; 0 marks an empty slot. Not thread-safe: one per look-up.
     */
    private static final class EntryCounts {
        private int[] slots = new int[256];
        // per slot: keys shared << 1 | 1 if one of them was strong
        private int[] tallies = new int[256];
        private int size;

        void add(IntList entries, boolean strong) {
            for (int i = 0; i < entries.size(); i++) {
                int entry = entries.get(i);
                if (2 * (size + 1) > slots.length) {
                    grow();
                }
                int slot = slot(entry, slots);
                if (slots[slot] == 0) {
                    slots[slot] = entry;
                    size++;
                }
                tallies[slot] = (tallies[slot] + 2) | (strong ? 1 : 0);
            }
        }

        private static int slot(int entry, int[] slots) {
            int mask = slots.length - 1;
            int slot = (int) Hashes.mix(entry) & mask;
            while (slots[slot] != 0 && slots[slot] != entry) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            int[] oldSlots = slots;
            int[] oldTallies = tallies;
            slots = new int[oldSlots.length * 2];
            tallies = new int[oldSlots.length * 2];
            for (int i = 0; i < oldSlots.length; i++) {
                if (oldSlots[i] != 0) {
                    int slot = slot(oldSlots[i], slots);
                    slots[slot] = oldSlots[i];
                    tallies[slot] = oldTallies[i];
                }
            }
        }

        /** Entries found under two keys or more, or under one strong key, in entry order, with their counts. */
        Hits hits(int oversized, long asOf) {
            // (entry, keys shared) packed in one long, sorted by entry
            long[] kept = new long[size];
            int n = 0;
            for (int i = 0; i < slots.length; i++) {
                int shared = tallies[i] >>> 1;
                if (slots[i] != 0 && ((tallies[i] & 1) != 0 || shared >= 2)) {
                    kept[n++] = ((long) slots[i] << 32) | shared;
                }
            }
            java.util.Arrays.sort(kept, 0, n);
            int[] entries = new int[n];
            int[] sharedKeys = new int[n];
            for (int i = 0; i < n; i++) {
                entries[i] = (int) (kept[i] >>> 32);
                sharedKeys[i] = (int) kept[i];
            }
            return new Hits(entries, sharedKeys, oversized, asOf);
        }
    }

    /**
     * The entries found and how many keys each shares with the query, in entry order.
     *
     * @param oversized keys skipped because their bucket held more than the cap
     * @param asOf      the last entry applied when they were found, -1 if found with pending entries
     */
    public record Hits(int[] entries, int[] sharedKeys, int oversized, long asOf) {
        /**
         * The {@code limit} entries sharing the most keys (the lower entry first on a tie), still in entry order;
         * this when there are no more. Example: entries [3, 5, 8] sharing [2, 6, 2], limit 2 → [3, 5].
         */
        public Hits strongest(int limit) {
            if (entries.length <= limit) {
                return this;
            }
            // (keys shared, descending; entry, ascending) packed in one long, sorted ascending
            long[] ranked = new long[entries.length];
            for (int i = 0; i < entries.length; i++) {
                ranked[i] = ((long) (Integer.MAX_VALUE - sharedKeys[i]) << 32) | (entries[i] & 0xFFFFFFFFL);
            }
            java.util.Arrays.sort(ranked);
            long[] kept = new long[limit];
            for (int i = 0; i < limit; i++) {
                kept[i] = ((ranked[i] & 0xFFFFFFFFL) << 32) | (Integer.MAX_VALUE - (ranked[i] >>> 32));
            }
            java.util.Arrays.sort(kept);
            int[] e = new int[limit];
            int[] k = new int[limit];
            for (int i = 0; i < limit; i++) {
                e[i] = (int) (kept[i] >>> 32);
                k[i] = (int) kept[i];
            }
            return new Hits(e, k, oversized, asOf);
        }
    }
}
