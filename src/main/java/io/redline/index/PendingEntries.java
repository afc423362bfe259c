package io.redline.index;

import io.redline.text.Hashes;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Index entries written by an open transaction: seen by the look-ups of that transaction through
 * {@link LshIndex#find(long[], int, int, PendingEntries)}, by nobody else, and simply dropped if the transaction
 * rolls back. Once it commits, the shared index learns the same entries from the store's log. Keys are compared
 * as the shared index compares them (their top 12 and low 32 bits), so a look-up sees exactly what it would see
 * if the entries were in the shared index. Not thread-safe: one per transaction.
 */
public final class PendingEntries {
    private static final long KEPT_BITS = LshIndex.KEPT_BITS;

    private static final int[] EMPTY = new int[0];

    /*
     * Kept key -> its entries, in the order added: an open-addressing table of keys whose slots point at a chain
     * of links (entry, next link). A batch of long texts adds tens of thousands of (key, entry) pairs, one key at a
     * time on the committing thread, which boxed keys and a list per key made a tenth of that thread's work.
     */
    private long[] slotKeys = new long[64];
    /** First and last link of each slot's chain; 0 marks an empty slot (link 0 is never used). */
    private int[] firstLinks = new int[64];
    private int[] lastLinks = new int[64];
    private int slotsUsed;
    private int[] linkEntries = new int[256];
    private int[] nextLinks = new int[256];
    private int links = 1;

    private final Set<Integer> own = new HashSet<>();
    private final Set<Integer> deadOwn = new HashSet<>();
    private final IntList replacedShared = new IntList();
    private int[] replacedSorted = new int[0];
    private final RecentChanges changes = new RecentChanges(Long.MAX_VALUE);

    /** Nothing pending: look-ups see the shared index alone. */
    public boolean isEmpty() {
        return slotsUsed == 0 && replacedShared.size() == 0;
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
                add(key & KEPT_BITS, (int) entry);
            }
        }
        changes.add(entry, replaces, keys == null ? null : LshIndex.kept(keys));
    }

    /** The changes applied, for {@link LshIndex#unchangedSince}. */
    RecentChanges changes() {
        return changes;
    }

    /** Entries of the shared index that this transaction replaced, sorted. */
    int[] replacedShared() {
        return replacedSorted;
    }

    /** The live pending entries under {@code key}. */
    int[] live(long key) {
        int slot = slotOf(key & KEPT_BITS);
        if (firstLinks[slot] == 0) {
            return EMPTY;
        }
        int n = 0;
        for (int link = firstLinks[slot]; link != 0; link = nextLinks[link]) {
            n++;
        }
        int[] out = new int[n];
        n = 0;
        for (int link = firstLinks[slot]; link != 0; link = nextLinks[link]) {
            int entry = linkEntries[link];
            if (deadOwn.isEmpty() || !deadOwn.contains(entry)) {
                out[n++] = entry;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private void add(long key, int entry) {
        // at most half full: most keys a look-up asks for are not pending, and a miss walks to an empty slot
        if ((slotsUsed + 1) * 2L > slotKeys.length) {
            growSlots();
        }
        if (links == linkEntries.length) {
            linkEntries = Arrays.copyOf(linkEntries, links * 2);
            nextLinks = Arrays.copyOf(nextLinks, links * 2);
        }
        int link = links++;
        linkEntries[link] = entry;
        int slot = slotOf(key);
        if (firstLinks[slot] == 0) {
            slotKeys[slot] = key;
            firstLinks[slot] = link;
            slotsUsed++;
        } else {
            nextLinks[lastLinks[slot]] = link;
        }
        lastLinks[slot] = link;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int slotOf(long key) {
        int mask = slotKeys.length - 1;
        int slot = (int) Hashes.mix(key) & mask;
        while (firstLinks[slot] != 0 && slotKeys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void growSlots() {
        long[] oldKeys = slotKeys;
        int[] oldFirst = firstLinks;
        int[] oldLast = lastLinks;
        slotKeys = new long[oldKeys.length * 2];
        firstLinks = new int[oldKeys.length * 2];
        lastLinks = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldFirst[i] != 0) {
                int slot = slotOf(oldKeys[i]);
                slotKeys[slot] = oldKeys[i];
                firstLinks[slot] = oldFirst[i];
                lastLinks[slot] = oldLast[i];
            }
        }
    }
}
