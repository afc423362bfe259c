package io.redline.index;

import io.redline.text.Hashes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Index entries written by an open transaction: seen by the look-ups of that transaction through
 * {@link LshIndex#find(long[], int, int, PendingEntries)}, by nobody else, and simply dropped if the transaction
 * rolls back. Once it commits, the shared index learns the same entries from the store's log. Keys are compared
 * as the shared index compares them (their top 12 and low 32 bits), so a look-up sees exactly what it would see
 * if the entries were in the shared index. Not thread-safe: one per transaction.
 */
public final class PendingEntries {
    /** The bits of a key that {@link LshIndex} keeps: shard and low half. */
    private static final long KEPT_BITS = 0xFFF0_0000_FFFF_FFFFL;

    private static final int[] EMPTY = new int[0];

    private final Map<Long, IntList> byKey = new HashMap<>();
    private final Set<Integer> own = new HashSet<>();
    private final Set<Integer> deadOwn = new HashSet<>();
    private final IntList replacedShared = new IntList();
    private int[] replacedSorted = new int[0];

    /** Nothing pending: look-ups see the shared index alone. */
    public boolean isEmpty() {
        return byKey.isEmpty() && replacedShared.size() == 0;
    }

    /** As {@link LshIndex#apply}: adds {@code entry} under {@code keys} (null: none) and marks {@code replaces} (0: none) dead. */
    public void apply(long entry, long replaces, long[] keys) {
        if (replaces > 0) {
            if (own.contains((int) replaces)) {
                deadOwn.add((int) replaces);
            } else {
                replacedShared.add((int) replaces);
                replacedSorted = replacedShared.toSortedArray();
            }
        }
        if (keys != null) {
            own.add((int) entry);
            for (long key : Hashes.sortedDistinct(keys.clone())) {
                byKey.computeIfAbsent(key & KEPT_BITS, k -> new IntList()).add((int) entry);
            }
        }
    }

    /** Entries of the shared index that this transaction replaced, sorted. */
    int[] replacedShared() {
        return replacedSorted;
    }

    /** The live pending entries under {@code key}. */
    int[] live(long key) {
        IntList entries = byKey.get(key & KEPT_BITS);
        if (entries == null) {
            return EMPTY;
        }
        int[] out = new int[entries.size()];
        int n = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (!deadOwn.contains(entries.get(i))) {
                out[n++] = entries.get(i);
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

}
