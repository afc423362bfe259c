package io.redline.index;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PendingEntriesTest {
    /** One change to the index: a new entry under keys (null for a deletion) replacing another (0: none). */
    private record Change(long entry, long replaces, long[] keys) {
    }

    @Test
    void lookUpsSeeTheSharedIndexWithThePendingEntriesAppliedToIt() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            List<Change> changes = randomChanges(random, 1 + random.nextInt(60));
            int committed = random.nextInt(changes.size() + 1);
            LshIndex all = new LshIndex();
            LshIndex shared = new LshIndex();
            PendingEntries pending = new PendingEntries();
            for (int i = 0; i < changes.size(); i++) {
                Change c = changes.get(i);
                all.apply(c.entry(), c.replaces(), c.keys());
                if (i < committed) {
                    shared.apply(c.entry(), c.replaces(), c.keys());
                } else {
                    pending.apply(c.entry(), c.replaces(), c.keys());
                }
            }
            assertThat(pending.isEmpty()).isEqualTo(committed == changes.size());
            for (int q = 0; q < 20; q++) {
                long[] query = randomKeys(random);
                int cap = 1 + random.nextInt(6);
                int weak = random.nextInt(cap + 1);
                LshIndex.Hits expected = all.find(query, cap, weak);
                LshIndex.Hits actual = shared.find(query, cap, weak, pending);
                assertThat(actual.entries()).as("round %d", round).isEqualTo(expected.entries());
                assertThat(actual.sharedKeys()).isEqualTo(expected.sharedKeys());
                assertThat(actual.oversized()).isEqualTo(expected.oversized());
            }
        }
    }

    @Test
    void keysAreComparedAsTheSharedIndexKeepsThem() {
        long key = 0x1230_0000_0000_0042L;
        long sameKeptBits = key | 0x0000_0FFF_0000_0000L;
        LshIndex all = new LshIndex();
        all.apply(1, 0, new long[]{key});
        PendingEntries pending = new PendingEntries();
        pending.apply(1, 0, new long[]{key});
        assertThat(new LshIndex().find(new long[]{sameKeptBits}, 10, 10, pending).entries())
                .isEqualTo(all.find(new long[]{sameKeptBits}, 10, 10).entries())
                .containsExactly(1);
    }

    /** Entries in increasing order; some replace a live earlier one (an update) or carry no keys (a deletion). */
    private static List<Change> randomChanges(Random random, int n) {
        List<Change> changes = new ArrayList<>();
        List<Long> live = new ArrayList<>();
        for (long entry = 1; entry <= n; entry++) {
            long replaces = 0;
            if (!live.isEmpty() && random.nextInt(3) == 0) {
                replaces = live.remove(random.nextInt(live.size()));
            }
            boolean deletion = replaces > 0 && random.nextInt(4) == 0;
            long[] keys = deletion ? null : randomKeys(random);
            if (!deletion) {
                live.add(entry);
            }
            changes.add(new Change(entry, replaces, keys));
        }
        return changes;
    }

    /** A few keys from a small range, so that buckets fill up past the caps, with high bits set as real keys have. */
    private static long[] randomKeys(Random random) {
        long[] keys = new long[1 + random.nextInt(5)];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((long) random.nextInt(3) << 60) | random.nextInt(12);
        }
        return keys;
    }
}
