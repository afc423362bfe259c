package io.redline.detect;

import io.redline.index.LshIndex;
import io.redline.index.PendingEntries;
import io.redline.store.ArticleStore;
import io.redline.store.LongArrays;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process far behind the store's index log (at start-up, all of it) loads it in large batches: what it then finds
 * must be what applying the log row by row finds, across the page boundaries of the read.
 */
class CandidateIndexLoadTest {
    @Test
    void loadingALongLogFindsWhatApplyingItRowByRowFinds() {
        ArticleStore store = new ArticleStore(TestDatabase.h2().migratedJdbi());
        Random random = new Random(11);
        long[] pool = random.longs(30_000).toArray();
        List<LshIndex.Change> log = new ArrayList<>();
        for (long seq = 1; seq <= 24_500; seq++) {
            long replaces = seq > 10 && random.nextInt(8) == 0 ? seq - 1 - random.nextInt(10) : 0;
            long[] keys = random.nextInt(20) == 0 ? null : random.ints(20, 0, pool.length).mapToLong(i -> pool[i]).toArray();
            log.add(new LshIndex.Change(seq, replaces, keys));
        }
        write(store, log.subList(0, 24_000));

        CandidateIndex loaded = new CandidateIndex(store);
        assertThat(loaded.refresh()).isEqualTo(24_000);
        write(store, log.subList(24_000, log.size()));
        assertThat(loaded.refresh()).isEqualTo(500); // the short way: one page, row by row

        LshIndex rowByRow = new LshIndex();
        for (LshIndex.Change change : log) {
            rowByRow.apply(change.entry(), change.replaces(), change.keys());
        }
        for (int q = 0; q < 500; q++) {
            long[] query = random.ints(30, 0, pool.length).mapToLong(i -> pool[i]).toArray();
            LshIndex.Hits expected = rowByRow.find(query, 40, 2);
            LshIndex.Hits found = store.lookups(reads -> loaded.hits(query, 40, 2, reads, new PendingEntries()));
            assertThat(found.entries()).isEqualTo(expected.entries());
            assertThat(found.sharedKeys()).isEqualTo(expected.sharedKeys());
            assertThat(found.oversized()).isEqualTo(expected.oversized());
        }
    }

    private static void write(ArticleStore store, List<LshIndex.Change> changes) {
        store.inTransaction(dao -> {
            for (LshIndex.Change change : changes) {
                dao.insertLog(change.entry(), change.replaces() == 0 ? null : change.replaces(),
                        change.keys() == null ? null : LongArrays.toBytes(change.keys()));
            }
            return null;
        });
    }
}
