package io.redline.index;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index against the plainest model of it: a map from each full 64-bit key to the set of live entries stored
 * under it, through adds, replacements and deletions, with entry numbers up to {@code Integer.MAX_VALUE}, keys
 * crowded into a few shards (so that shards merge their recent additions into their runs many times) and keys
 * that differ only in the bits the index does not keep (so that one entry can sit twice in one bucket).
 */
class LshIndexReferenceTest {
    /** The bits of a key the index compares: shard and low half. */
    private static final long KEPT_BITS = 0xFFF0_0000_FFFF_FFFFL;

    /** With {@code inBatches}, the changes go in through {@link LshIndex#loading}, in batches of 1 to 3,000. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void findsWhatAMapOfSetsFindsThroughAddsReplacementsAndDeletions(boolean inBatches) {
        Random random = new Random(7);
        Batches batches = inBatches ? new Batches(random) : null;
        long[] pool = keyPool(random, 6_000);
        LshIndex index = new LshIndex();
        Map<Long, TreeSet<Integer>> model = new HashMap<>();
        Map<Integer, long[]> live = new TreeMap<>();
        List<Integer> liveIds = new ArrayList<>();
        long entry = 0;
        for (int change = 0; change < 40_000; change++) {
            entry += change < 39_000 && random.nextInt(50) == 0 ? 1 + random.nextInt(40_000) : 1;
            if (change == 39_000) {
                entry = Integer.MAX_VALUE - 1_000; // the widest entry numbers
            }
            int replaces = 0;
            if (!liveIds.isEmpty() && random.nextInt(4) == 0) {
                replaces = liveIds.remove(random.nextInt(liveIds.size()));
                for (long key : live.remove(replaces)) {
                    model.get(key).remove(replaces);
                }
            }
            long[] keys = random.nextInt(10) == 0 ? null
                    : random.ints(1 + random.nextInt(12), 0, pool.length).mapToLong(i -> pool[i]).toArray();
            if (batches == null) {
                index.apply(entry, replaces, keys);
            } else {
                batches.add(index, new LshIndex.Change(entry, replaces, keys));
            }
            if (keys != null) {
                live.put((int) entry, keys);
                liveIds.add((int) entry);
                for (long key : keys) {
                    model.computeIfAbsent(key, k -> new TreeSet<>()).add((int) entry);
                }
            }
            if (change % 4_000 == 3_999) {
                if (batches != null) {
                    batches.flush(index);
                }
                Map<Long, List<Integer>> buckets = buckets(model);
                for (int q = 0; q < 300; q++) {
                    long[] query = random.ints(1 + random.nextInt(15), 0, pool.length).mapToLong(i -> pool[i]).toArray();
                    int cap = 1 + random.nextInt(8);
                    int weak = random.nextInt(cap + 1);
                    assertAgrees(index, buckets, query, cap, weak);
                }
            }
        }
        if (batches != null) {
            batches.flush(index);
            batches.close();
        }
        assertThat(index.lastEntry()).isEqualTo(entry);
    }

    /** Changes gathered into batches of random size, applied through loadings that are closed at random. */
    private static final class Batches {
        private final Random random;
        private final List<LshIndex.Change> waiting = new ArrayList<>();
        private LshIndex.Loading loading;
        private int size;

        Batches(Random random) {
            this.random = random;
            this.size = 1 + random.nextInt(3_000);
        }

        void add(LshIndex index, LshIndex.Change change) {
            waiting.add(change);
            if (waiting.size() >= size) {
                flush(index);
            }
        }

        /** Applies what waits; queries then see it whether the loading stays open or not. */
        void flush(LshIndex index) {
            if (loading == null) {
                loading = index.loading();
            }
            loading.apply(List.copyOf(waiting));
            waiting.clear();
            size = 1 + random.nextInt(3_000);
            if (random.nextBoolean()) {
                close();
            }
        }

        void close() {
            if (loading != null) {
                loading.close();
                loading = null;
            }
        }
    }

    /** The model's entries as the index buckets them: by the kept bits of their keys, twins' entries together. */
    private static Map<Long, List<Integer>> buckets(Map<Long, TreeSet<Integer>> model) {
        Map<Long, List<Integer>> buckets = new HashMap<>();
        model.forEach((key, entries) -> buckets.computeIfAbsent(key & KEPT_BITS, k -> new ArrayList<>()).addAll(entries));
        return buckets;
    }

    private static void assertAgrees(LshIndex index, Map<Long, List<Integer>> buckets, long[] query, int cap, int weak) {
        Map<Integer, Integer> shared = new TreeMap<>();
        Set<Integer> strong = new HashSet<>();
        int oversized = 0;
        for (long key : new TreeSet<>(toList(query))) {
            List<Integer> bucket = buckets.getOrDefault(key & KEPT_BITS, List.of());
            if (bucket.size() > cap) {
                oversized++;
            } else {
                bucket.forEach(e -> shared.merge(e, 1, Integer::sum));
                if (bucket.size() <= weak) {
                    strong.addAll(bucket);
                }
            }
        }
        shared.keySet().removeIf(e -> shared.get(e) < 2 && !strong.contains(e));

        LshIndex.Hits hits = index.find(query, cap, weak);
        Map<Integer, Integer> found = new TreeMap<>();
        for (int i = 0; i < hits.entries().length; i++) {
            found.put(hits.entries()[i], hits.sharedKeys()[i]);
        }
        assertThat(found).isEqualTo(shared);
        assertThat(hits.entries()).isSorted();
        assertThat(hits.oversized()).isEqualTo(oversized);
    }

    /**
     * Keys in 5 shards, low halves anywhere (unsigned order matters), a few at the extremes, and a fifth of them
     * twins of another key: equal in the kept bits, different in the 20 bits that are not kept.
     */
    private static long[] keyPool(Random random, int size) {
        long[] shards = {0x000L, 0x001L, 0x7FFL, 0x800L, 0xFFFL};
        long[] pool = new long[size];
        for (int i = 0; i < size; i++) {
            long shard = shards[random.nextInt(shards.length)] << 52;
            long low = switch (random.nextInt(20)) {
                case 0 -> 0L;
                case 1 -> 0xFFFF_FFFFL;
                case 2 -> 0x8000_0000L + random.nextInt(4);
                default -> random.nextLong() & 0xFFFF_FFFFL;
            };
            pool[i] = shard | (random.nextLong() & 0x000F_FFFF_0000_0000L) | low;
            if (i > 0 && random.nextInt(5) == 0) {
                long twin = pool[random.nextInt(i)];
                pool[i] = (twin & KEPT_BITS) | ((twin + (1L << 32)) & 0x000F_FFFF_0000_0000L);
            }
        }
        return pool;
    }

    private static List<Long> toList(long[] keys) {
        List<Long> out = new ArrayList<>();
        for (long key : keys) {
            out.add(key);
        }
        return out;
    }
}
