package io.redline.index;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LshIndexTest {
    @Test
    void findsEntriesSharingKeysWithHowManyEachShares() {
        LshIndex index = new LshIndex();
        index.apply(1, 0, new long[]{10, 20, 30});
        index.apply(2, 0, new long[]{20, 30, 40});
        index.apply(3, 0, new long[]{30});

        assertThat(found(index.find(new long[]{10, 20, 30, 99}, 10, 10)))
                .isEqualTo(Map.of(1, 3, 2, 2, 3, 1));
        assertThat(index.find(new long[]{}, 10, 10).entries()).isEmpty();
        assertThat(index.find(new long[]{77}, 10, 10).entries()).isEmpty();
    }

    @Test
    void keysEqualInTheirLow32BitsButNotTheirTopBitsAreDifferentBuckets() {
        LshIndex index = new LshIndex();
        long low = 0x0000_0000_1234_5678L;
        index.apply(1, 0, new long[]{low});
        index.apply(2, 0, new long[]{low | 0x0100_0000_0000_0000L});

        assertThat(found(index.find(new long[]{low}, 10, 10))).isEqualTo(Map.of(1, 1));
    }

    @Test
    void bucketsOverTheCapAreSkippedAndCounted() {
        LshIndex index = new LshIndex();
        index.apply(1, 0, new long[]{1, 2, 3});
        index.apply(2, 0, new long[]{2, 3});
        index.apply(3, 0, new long[]{3});

        LshIndex.Hits capped = index.find(new long[]{1, 2, 3}, 2, 2);
        assertThat(found(capped)).isEqualTo(Map.of(1, 2, 2, 1));
        assertThat(capped.oversized()).isEqualTo(1);
        LshIndex.Hits atTheCap = index.find(new long[]{1, 2, 3}, 3, 3);
        assertThat(found(atTheCap)).isEqualTo(Map.of(1, 3, 2, 2, 3, 1));
        assertThat(atTheCap.oversized()).isZero();
    }

    @Test
    void replacedAndDeletedEntriesAreNotFoundAndDoNotCountTowardsTheCap() {
        LshIndex index = new LshIndex();
        index.apply(1, 0, new long[]{5, 6});
        index.apply(2, 0, new long[]{5});
        index.apply(3, 1, new long[]{7});
        index.apply(4, 2, null);

        assertThat(index.find(new long[]{5, 6}, 10, 10).entries()).isEmpty();
        index.apply(5, 0, new long[]{5});
        assertThat(found(index.find(new long[]{5, 7}, 1, 1))).isEqualTo(Map.of(3, 1, 5, 1));
    }

    @Test
    void anEntryMetOnlyInOneCrowdedBucketIsDropped() {
        LshIndex index = new LshIndex();
        for (int entry = 1; entry <= 5; entry++) {
            index.apply(entry, 0, new long[]{100, 200 + entry});
        }
        index.apply(6, 0, new long[]{100, 300});
        index.apply(7, 0, new long[]{400});

        // bucket 100 holds six entries: weak at a limit of 5, so entry 2 needs its second key, 6 and 7 stay
        assertThat(found(index.find(new long[]{100, 202, 300, 400}, 10, 5))).isEqualTo(Map.of(2, 2, 6, 2, 7, 1));
        assertThat(found(index.find(new long[]{100}, 10, 5))).isEmpty();
        assertThat(found(index.find(new long[]{100}, 10, 6))).hasSize(6);
    }

    @Test
    void entriesMustComeInIncreasingOrder() {
        LshIndex index = new LshIndex();
        index.apply(5, 0, new long[]{1});

        assertThatThrownBy(() -> index.apply(5, 0, new long[]{2})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.apply(1L << 31, 0, new long[]{2})).isInstanceOf(IllegalArgumentException.class);
        assertThat(index.lastEntry()).isEqualTo(5);
    }

    /** Many entries, so every shard merges its recent table into its run several times, against a plain model. */
    @Test
    void agreesWithAPlainMapThroughManyMergesReplacementsAndDeletions() {
        Random random = new Random(42);
        LshIndex index = new LshIndex();
        Map<Long, Set<Integer>> model = new HashMap<>();
        Map<Integer, long[]> live = new TreeMap<>();
        List<Integer> liveIds = new ArrayList<>();
        long[] pool = random.longs(20_000).toArray();
        for (int entry = 1; entry <= 60_000; entry++) {
            int replaces = 0;
            if (!liveIds.isEmpty() && random.nextInt(5) == 0) {
                replaces = liveIds.remove(random.nextInt(liveIds.size()));
                for (long key : live.remove(replaces)) {
                    model.get(key).remove(replaces);
                }
            }
            long[] keys = random.nextInt(20) == 0 ? null : random.longs(8, 0, pool.length).map(i -> pool[(int) i]).toArray();
            index.apply(entry, replaces, keys);
            if (keys != null) {
                live.put(entry, keys);
                liveIds.add(entry);
                for (long key : keys) {
                    model.computeIfAbsent(key, k -> new HashSet<>()).add(entry);
                }
            }
        }
        for (int q = 0; q < 2_000; q++) {
            long[] query = random.longs(12, 0, pool.length).map(i -> pool[(int) i]).distinct().toArray();
            int cap = 1 + random.nextInt(6);
            int weak = 1 + random.nextInt(cap);
            Map<Integer, Integer> shared = new HashMap<>();
            Set<Integer> strong = new HashSet<>();
            int oversized = 0;
            for (long key : query) {
                Set<Integer> bucket = model.getOrDefault(key, Set.of());
                if (bucket.size() > cap) {
                    oversized++;
                } else {
                    bucket.forEach(e -> shared.merge(e, 1, Integer::sum));
                    if (bucket.size() <= weak) {
                        strong.addAll(bucket);
                    }
                }
            }
            Map<Integer, Integer> expected = new HashMap<>(shared);
            expected.keySet().removeIf(e -> shared.get(e) < 2 && !strong.contains(e));
            LshIndex.Hits hits = index.find(query, cap, weak);
            assertThat(found(hits)).isEqualTo(expected);
            assertThat(hits.oversized()).isEqualTo(oversized);
        }
        assertThat(index.bytes()).isLessThan(index.size() * 12 + 4096L * LshIndex.SHARDS);
    }

    private static Map<Integer, Integer> found(LshIndex.Hits hits) {
        Map<Integer, Integer> out = new HashMap<>();
        for (int i = 0; i < hits.entries().length; i++) {
            out.put(hits.entries()[i], hits.sharedKeys()[i]);
        }
        return out;
    }

    @Test
    void strongestKeepsTheEntriesSharingMostKeysInEntryOrder() {
        LshIndex.Hits hits = new LshIndex.Hits(new int[] {3, 5, 8, 9}, new int[] {2, 6, 2, 7}, 1, 12);

        LshIndex.Hits kept = hits.strongest(3);

        assertThat(kept.entries()).containsExactly(3, 5, 9);
        assertThat(kept.sharedKeys()).containsExactly(2, 6, 7);
        assertThat(kept.oversized()).isEqualTo(1);
        assertThat(kept.asOf()).isEqualTo(12);
        assertThat(hits.strongest(4)).isSameAs(hits);
    }
}
