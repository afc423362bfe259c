package io.redline.index;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LshIndex#unchangedSince} against a find made again: whenever it says an earlier find still holds, a find
 * now gives the same hits — through adds, replacements of entries found and not found, deletions and a transaction's
 * pending entries — and it says so for most look-ups no change touched, or it would save nothing.
 */
class UnchangedSinceTest {
    @Test
    void saysAFindStillHoldsOnlyWhenAFindNowGivesTheSameHits() {
        Random random = new Random(11);
        long[] pool = random.longs(400).toArray();
        LshIndex index = new LshIndex();
        List<Integer> live = new ArrayList<>();
        long entry = 0;
        for (; entry < 100; ) {
            entry = apply(index, random, pool, live, entry);
        }
        int held = 0;
        int changed = 0;
        for (int round = 0; round < 5_000; round++) {
            long[] query = keys(random, pool, 1 + random.nextInt(20));
            int cap = 1 + random.nextInt(8);
            int weak = random.nextInt(cap + 1);
            LshIndex.Hits earlier = index.find(query, cap, weak);
            for (int n = random.nextInt(6); n > 0; n--) {
                entry = apply(index, random, pool, live, entry);
            }
            PendingEntries pending = new PendingEntries();
            for (int n = random.nextBoolean() ? random.nextInt(3) : 0; n > 0; n--) {
                int replaces = !live.isEmpty() && random.nextInt(3) == 0 ? live.get(random.nextInt(live.size())) : 0;
                pending.apply(++entry, replaces, random.nextInt(10) == 0 ? null : keys(random, pool, 1 + random.nextInt(12)));
            }
            LshIndex.Hits now = index.find(query, cap, weak, pending);
            boolean same = Arrays.equals(now.entries(), earlier.entries())
                    && Arrays.equals(now.sharedKeys(), earlier.sharedKeys()) && now.oversized() == earlier.oversized();
            if (index.unchangedSince(earlier, query, pending)) {
                assertThat(same).as("round %d", round).isTrue();
                held++;
            } else if (!same) {
                changed++;
            }
        }
        assertThat(held).isGreaterThan(2_000);
        assertThat(changed).isGreaterThan(1_000);
    }

    @Test
    void cannotTellOnceTheChangesSinceAreNoLongerHeldOrWereLoadedInBulk() {
        Random random = new Random(3);
        long[] pool = random.longs(3_000).toArray();
        long[] query = {42L, 43L};
        LshIndex index = new LshIndex();
        index.apply(1, 0, query);
        LshIndex.Hits earlier = index.find(query, 10, 1);
        long entry = 1;
        for (long keys = 0; keys < LshIndex.RECENT_KEYS / 2; keys += 100) {
            index.apply(++entry, 0, keys(random, pool, 100));
        }
        assertThat(index.unchangedSince(earlier, query, new PendingEntries())).isTrue();
        for (long keys = 0; keys < LshIndex.RECENT_KEYS; keys += 100) {
            index.apply(++entry, 0, keys(random, pool, 100));
        }
        assertThat(index.unchangedSince(earlier, query, new PendingEntries())).isFalse();

        LshIndex.Hits again = index.find(query, 10, 1);
        try (LshIndex.Loading loading = index.loading()) {
            loading.apply(List.of(new LshIndex.Change(++entry, 0, keys(random, pool, 10))));
        }
        assertThat(index.unchangedSince(again, query, new PendingEntries())).isFalse();
        // a find inside a transaction tells nothing about later ones
        PendingEntries pending = new PendingEntries();
        pending.apply(++entry, 0, new long[] {7L});
        assertThat(index.unchangedSince(index.find(query, 10, 1, pending), query, pending)).isFalse();
    }

    /** Applies the next change: an entry under a few keys of the pool (or a deletion), now and then replacing one. */
    private static long apply(LshIndex index, Random random, long[] pool, List<Integer> live, long entry) {
        long next = entry + 1 + (random.nextInt(20) == 0 ? random.nextInt(5) : 0);
        // beyond 100 live entries, each change replaces one: the buckets stay about as full as they start
        int replaces = live.size() > 100 || !live.isEmpty() && random.nextInt(4) == 0
                ? live.remove(random.nextInt(live.size())) : 0;
        long[] keys = random.nextInt(10) == 0 ? null : keys(random, pool, 1 + random.nextInt(12));
        index.apply(next, replaces, keys);
        if (keys != null) {
            live.add((int) next);
        }
        return next;
    }

    private static long[] keys(Random random, long[] pool, int n) {
        return random.ints(n, 0, pool.length).mapToLong(i -> pool[i]).toArray();
    }
}
