package io.redline.index;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LshIndex#bytes()} against the heap the index really holds: used heap after full collections, with and without it. */
class LshIndexBytesTest {
    @Test
    void bytesIsTheHeapTheIndexHoldsAboutSixBytesAKey() {
        long before = usedAfterGc();
        LshIndex index = filled(100_000, 40);
        long held = usedAfterGc() - before;

        // 4 million keys: the index's own estimate within 10 % of what the collector sees
        assertThat(index.size()).isEqualTo(4_000_000);
        assertThat((double) index.bytes()).isBetween(held * 0.9, held * 1.1);
        // 17 bits of entry, 22 of key below the shard's 12 and 2-3 of bucket sizes, and the recent additions
        assertThat((double) index.bytes() / index.size()).isBetween(4.5, 6.5);
        assertThat(index.lastEntry()).isEqualTo(100_000); // keeps the index reachable until here
    }

    private static LshIndex filled(int entries, int keysEach) {
        Random random = new Random(3);
        LshIndex index = new LshIndex();
        for (int entry = 1; entry <= entries; entry++) {
            index.apply(entry, 0, random.longs(keysEach).toArray());
        }
        return index;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
