package io.redline.detect;

import io.redline.index.LshIndex;
import io.redline.index.PendingEntries;
import io.redline.store.ArticleStore;
import io.redline.store.IndexLogRow;
import io.redline.store.IndexedArticle;
import io.redline.store.LongArrays;
import io.redline.store.LookupReads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory {@link LshIndex}, kept in step with the store's index log: built from the log at start-up and
 * brought up to date before every look-up, so that what any replica committed is found. The log stays the
 * source of truth. Thread-safe.
 */
public final class CandidateIndex {
    private static final int PAGE = 2000;
    /** Log rows read at once when far behind: about 16 MB of keys of news articles. */
    private static final int LOADING_PAGE = 20_000;

    private final LshIndex index = new LshIndex();
    private final ArticleStore store;
    private final int maxCandidates;
    private final Object refreshing = new Object();

    public CandidateIndex(ArticleStore store) {
        this(store, Integer.MAX_VALUE);
    }

    /**
     * @param maxCandidates candidates a look-up reads from the store at most: those sharing the most keys (see
     *                      {@link LshIndex.Hits#strongest}), so that a story of thousands of near-identical texts
     *                      costs a bounded read
     */
    public CandidateIndex(ArticleStore store, int maxCandidates) {
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("maxCandidates must be >= 1, got " + maxCandidates);
        }
        this.store = store;
        this.maxCandidates = maxCandidates;
    }

    /** Applies the log entries committed since the last call; returns how many. */
    public long refresh() {
        return store.lookups(this::refresh);
    }

    private long refresh(LookupReads dao) {
        synchronized (refreshing) {
            List<IndexLogRow> page = dao.logAfter(index.lastEntry(), PAGE);
            if (page.size() < PAGE) {
                for (IndexLogRow row : page) {
                    LshIndex.Change change = change(row);
                    index.apply(change.entry(), change.replaces(), change.keys());
                }
                return page.size();
            }
            // far behind, as at start-up: the rest in large batches
            long applied = 0;
            int asked = PAGE;
            try (LshIndex.Loading loading = index.loading()) {
                while (true) {
                    loading.apply(page.stream().map(CandidateIndex::change).toList());
                    applied += page.size();
                    if (page.size() < asked) {
                        return applied;
                    }
                    asked = LOADING_PAGE;
                    page = dao.logAfter(index.lastEntry(), asked);
                }
            }
        }
    }

    private static LshIndex.Change change(IndexLogRow row) {
        return new LshIndex.Change(row.seq(), row.replaces() == null ? 0 : row.replaces(),
                row.bucketKeys() == null ? null : LongArrays.fromBytes(row.bucketKeys()));
    }

    /**
     * Articles sharing buckets with {@code keys}: article id → keys shared, at most {@code maxCandidates} of them.
     * Buckets over {@code cap} are skipped; see {@link LshIndex#find} for {@code weakBucket}.
     */
    public Candidates find(long[] keys, int cap, int weakBucket) {
        return store.lookups(dao -> resolve(hits(keys, cap, weakBucket, dao, new PendingEntries()), dao));
    }

    /**
     * The first half of {@link #find}: the index entries found, before the store names their articles; through
     * {@code dao}, which may be in a transaction, seeing that transaction's own index entries ({@code pending}) as
     * if they were committed. The log is read for what others committed only while the transaction has written no
     * entry: after that, it would also return the transaction's own, which the shared index must not hold before
     * they are committed.
     */
    public LshIndex.Hits hits(long[] keys, int cap, int weakBucket, LookupReads dao, PendingEntries pending) {
        if (pending.isEmpty()) {
            refresh(dao);
        }
        return index.find(keys, cap, weakBucket, pending).strongest(maxCandidates);
    }

    /**
     * As {@link #hits}, for keys whose entries {@code earlier} found outside any transaction: those same hits when
     * nothing applied since, committed or in {@code pending}, touched the keys' buckets
     * ({@link LshIndex#unchangedSince}), without looking the keys up again; else the hits found now.
     */
    public LshIndex.Hits hitsAgain(LshIndex.Hits earlier, long[] keys, int cap, int weakBucket, LookupReads dao,
                                   PendingEntries pending) {
        if (pending.isEmpty()) {
            refresh(dao);
        }
        if (index.unchangedSince(earlier, keys, pending)) {
            return earlier;
        }
        return index.find(keys, cap, weakBucket, pending).strongest(maxCandidates);
    }

    /** The second half of {@link #find}: the articles of the entries found. */
    public Candidates resolve(LshIndex.Hits hits, LookupReads dao) {
        return resolve(hits, dao, Map.of());
    }

    /**
     * The same, knowing the articles of some entries already ({@code known}: entry → article id; an entry always
     * names the same article version): only the others are read.
     */
    public Candidates resolve(LshIndex.Hits hits, LookupReads dao, Map<Integer, String> known) {
        if (hits.entries().length == 0) {
            return new Candidates(Map.of(), Map.of(), hits.oversized());
        }
        List<Long> unknown = new ArrayList<>(hits.entries().length);
        for (int entry : hits.entries()) {
            if (!known.containsKey(entry)) {
                unknown.add((long) entry);
            }
        }
        Map<Long, String> read = new HashMap<>();
        if (!unknown.isEmpty()) {
            for (IndexedArticle a : dao.articlesAt(unknown)) {
                read.put(a.seq(), a.articleId());
            }
        }
        Map<String, Integer> shared = new HashMap<>();
        Map<String, Integer> entryOf = new HashMap<>();
        for (int i = 0; i < hits.entries().length; i++) {
            int entry = hits.entries()[i];
            String article = known.getOrDefault(entry, read.get((long) entry));
            if (article != null) {
                shared.put(article, hits.sharedKeys()[i]);
                entryOf.put(article, entry);
            }
        }
        return new Candidates(shared, entryOf, hits.oversized());
    }

    /** Keys held in memory. */
    public long keys() {
        return index.size();
    }

    /** Heap held by the index, in bytes. */
    public long bytes() {
        return index.bytes();
    }

    /**
     * Result of a look-up: article id → number of keys shared, article id → the index entry it was found under,
     * and how many oversized buckets were skipped.
     */
    public record Candidates(Map<String, Integer> bandHits, Map<String, Integer> entries, int oversizedBuckets) {
    }
}
