package io.redline.index;

import io.redline.text.Hashes;

import java.util.BitSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The LSH band index in memory: which entries (one per indexed article version, numbered by the store's index
 * log) fall in each 64-bit bucket key. Keys are spread over {@value #SHARDS} shards by their top bits and stored
 * as their low 32 bits, so a stored key is 40 bits wide: a look-up of 100 keys against 100 million entries meets
 * a false bucket about once in a hundred look-ups, which verification then discards.
 *
 * <p>About 9 bytes per key (a text has 64 whole-text band keys and 4 per paragraph). Entries are never updated
 * in place: a new version gets a new entry and its predecessor is marked dead. Thread-safe: look-ups share a
 * read lock, changes take the write lock.
 */
public final class LshIndex {
    static final int SHARDS = 256;

    private final KeyTable[] shards = new KeyTable[SHARDS];
    private final BitSet dead = new BitSet();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private long lastEntry;

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
        if (entry <= lastEntry || entry > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("entry " + entry + " after " + lastEntry);
        }
        lock.writeLock().lock();
        try {
            if (replaces > 0) {
                dead.set((int) replaces);
            }
            if (keys != null) {
                for (long key : Hashes.sortedDistinct(keys.clone())) {
                    shards[shard(key)].add((int) key, (int) entry, dead);
                }
            }
            lastEntry = entry;
        } finally {
            lock.writeLock().unlock();
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
     */
    public Hits find(long[] keys, int cap) {
        IntList found = new IntList();
        int oversized = 0;
        lock.readLock().lock();
        try {
            for (long key : Hashes.sortedDistinct(keys.clone())) {
                if (shards[shard(key)].find((int) key, dead, cap, found) > cap) {
                    oversized++;
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return Hits.of(found.toSortedArray(), oversized);
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

    /** Heap held by the key tables and the dead-entry set, in bytes. */
    public long bytes() {
        lock.readLock().lock();
        try {
            long n = dead.size() / 8;
            for (KeyTable shard : shards) {
                n += shard.bytes();
            }
            return n;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static int shard(long key) {
        return (int) (key >>> 56);
    }

    /**
     * The entries found and how many keys each shares with the query, in entry order.
     *
     * @param oversized keys skipped because their bucket held more than the cap
     */
    public record Hits(int[] entries, int[] sharedKeys, int oversized) {
        static Hits of(int[] sortedEntries, int oversized) {
            int distinct = 0;
            for (int i = 0; i < sortedEntries.length; i++) {
                if (i == 0 || sortedEntries[i] != sortedEntries[i - 1]) {
                    distinct++;
                }
            }
            int[] entries = new int[distinct];
            int[] shared = new int[distinct];
            int k = -1;
            for (int i = 0; i < sortedEntries.length; i++) {
                if (i == 0 || sortedEntries[i] != sortedEntries[i - 1]) {
                    entries[++k] = sortedEntries[i];
                }
                shared[k]++;
            }
            return new Hits(entries, shared, oversized);
        }
    }
}
