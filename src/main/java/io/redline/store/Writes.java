package io.redline.store;

import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements of one open transaction, and the numbers it takes from the store's counters (story ids, index
 * log entries). A counter's row stays locked from the first number taken until the commit, so on a shared
 * database numbers become visible in the order they were taken, which lets readers of the index log follow it by
 * number. Counters are always locked in the same order (story, merge, index log), so two writers cannot deadlock on them.
 * Not thread-safe: one per transaction.
 */
public final class Writes {
    static final String STORY = "story";
    static final String LOG = "lsh";
    /** Counts story merges (see {@link #merges()}); taken after the story counter and before the log's. */
    static final String MERGE = "merge";

    private final Handle handle;
    private final JdbcWrites sql;
    /** Attached on first use: only a merge needs it, and an attach costs a handler per method. */
    private RedlineDao dao;
    /** Counter → next number, for a batch that took its counters up front; empty when taking one by one. */
    private final Map<String, long[]> reserved;
    private WatchDao watch;
    private List<SubscriptionRow> subscriptions;

    private Writes(Handle handle, Map<String, long[]> reserved) {
        this.handle = handle;
        this.sql = new JdbcWrites(handle.getConnection());
        this.reserved = reserved;
    }

    /** Each number taken with its own statements: for a transaction that writes one article. */
    static Writes oneByOne(Handle handle) {
        return new Writes(handle, Map.of());
    }

    /**
     * Locks the counters now and hands out numbers from memory until {@link #finish}, which stores where they
     * stopped: two statements per counter for a whole batch instead of two per number. Numbers handed to work
     * that is later rolled back to a savepoint are simply not used (readers of the log allow gaps).
     */
    static Writes batched(Handle handle) {
        Writes writes = new Writes(handle, new LinkedHashMap<>());
        for (String counter : new String[]{STORY, MERGE, LOG}) {
            writes.reserved.put(counter, new long[]{writes.sql.lockCounter(counter)});
        }
        return writes;
    }

    public RedlineDao dao() {
        if (dao == null) {
            dao = handle.attach(RedlineDao.class);
        }
        return dao;
    }

    /** A look-up's reads, in this transaction. */
    public LookupReads lookups() {
        return new JdbcLookupReads(handle.getConnection());
    }

    /** The statements of every stored article, in plain JDBC. */
    JdbcWrites sql() {
        return sql;
    }

    /** The latest version of an article as this transaction sees it. */
    public Optional<VersionHead> latestHead(String articleId) {
        return sql.latestHead(articleId);
    }

    /** The outbox and subscriptions, in this transaction. */
    public WatchDao watch() {
        if (watch == null) {
            watch = handle.attach(WatchDao.class);
        }
        return watch;
    }

    /** The webhook subscriptions, read once per transaction: a batch of articles reads them once. */
    public List<SubscriptionRow> subscriptions() {
        if (subscriptions == null) {
            subscriptions = sql.subscriptions();
        }
        return subscriptions;
    }

    /** The next number of a counter. */
    long next(String counter) {
        long[] next = reserved.get(counter);
        if (next == null) {
            return sql.takeNext(counter);
        }
        return next[0]++;
    }

    /** Story merges this transaction sees: those committed before it and its own so far. */
    public long merges() {
        long[] next = reserved.get(MERGE);
        return next == null ? sql.lastTaken(MERGE) : next[0] - 1;
    }

    /** Stores where the reserved counters stopped; call once, last, before the commit. */
    void finish() {
        reserved.forEach((counter, next) -> sql.setCounter(counter, next[0]));
    }
}
