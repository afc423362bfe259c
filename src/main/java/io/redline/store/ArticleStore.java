package io.redline.store;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * The database behind Redline: reads through {@link RedlineDao}, and every multi-step write as one
 * transaction, so a failure leaves nothing half-written. Thread-safe (Jdbi is).
 */
public final class ArticleStore {
    private final Jdbi jdbi;
    /** Null unless the store is PostgreSQL. */
    private final GrowthStatistics statistics;

    public ArticleStore(Jdbi jdbi) {
        this(jdbi, GrowthStatistics.of(jdbi));
    }

    ArticleStore(Jdbi jdbi, GrowthStatistics statistics) {
        this.jdbi = jdbi;
        this.statistics = statistics;
        describeOnce(jdbi, RedlineDao.class, WatchDao.class);
    }

    /**
     * Builds the SQL Objects' descriptions (a handler per method) once, in the Jdbi's own configuration. Jdbi
     * caches them in the configuration every handle copies, but an attach on a handle fills only that handle's
     * copy: until a {@code withExtension} on the Jdbi filled it, every attach rebuilt the handlers of all of
     * {@link RedlineDao}'s methods, ~0.5 ms, and the Spark job's partitions never filled it (BENCHMARKS §10(i)).
     */
    private static void describeOnce(Jdbi jdbi, Class<?>... sqlObjects) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        extensions.findFactory(SqlObjectFactory.class).ifPresent(factory -> {
            for (Class<?> type : sqlObjects) {
                extensions.findMetadata(type, factory);
            }
        });
    }

    public <T> T read(Function<RedlineDao, T> query) {
        return jdbi.withExtension(RedlineDao.class, query::apply);
    }

    /** A look-up's reads ({@link LookupReads}), outside any transaction. */
    public <T> T lookups(Function<LookupReads, T> query) {
        return jdbi.withHandle(handle -> query.apply(new JdbcLookupReads(handle.getConnection())));
    }

    /** Webhook subscriptions and outbox, each statement committed on its own. */
    public <T> T watch(Function<WatchDao, T> work) {
        return jdbi.withExtension(WatchDao.class, work::apply);
    }

    /** Runs {@code work} on subscriptions and outbox in one transaction. */
    public <T> T inTransactionWatch(Function<WatchDao, T> work) {
        return jdbi.inTransaction(handle -> work.apply(handle.attach(WatchDao.class)));
    }

    /** Runs {@code work} in one transaction: all of it is committed or none. */
    public <T> T inTransaction(Function<RedlineDao, T> work) {
        return jdbi.inTransaction(handle -> work.apply(handle.attach(RedlineDao.class)));
    }

    /**
     * Stores a new version of an article and places it in its story, all in one transaction.
     *
     * @param version  the version row; its {@code storyId} is ignored and decided here
     * @param buckets  the LSH bucket keys of the version: a new index log entry replacing the previous version's
     * @param placement the story it joins and the stories merged into that one
     * @return the story the version went into
     */
    public long saveVersion(VersionRow version, long[] buckets, StoryPlacement placement, long now) {
        return write(w -> saveVersion(w, version, buckets, placement, now)).storyId();
    }

    /** Runs {@code work}, which writes one article, in one transaction: all of it is committed or none. */
    public <T> T write(Function<Writes, T> work) {
        T result = jdbi.inTransaction(handle -> work.apply(Writes.oneByOne(handle)));
        stored(1);
        return result;
    }

    /**
     * Runs {@code work} on each item in order in one transaction, as if each ran alone after the ones before it,
     * which it sees. Nothing is visible to others before all are committed together. One commit for many items
     * is what makes bulk loading fast: a commit costs far more than the statements of one article.
     *
     * <p>An item that fails is undone alone: the transaction is rolled back, the items before it are run again in
     * a new one, and the items after it each in a transaction of their own, so a failure costs at most one
     * repeat of the items before it, never a quadratic number of attempts. (No savepoints: one per item cost
     * about a tenth of the ingest.) If a commit fails, every item of it fails with it.
     *
     * @param perTransaction state shared by the items of one transaction, made again for each transaction
     * @return each item's result or failure, in the order of the items
     */
    public <S, I, T> List<Attempt<T>> eachInOneTransaction(List<I> items, Supplier<S> perTransaction,
                                                            BatchWork<S, I, T> work) {
        List<Attempt<T>> attempts = new ArrayList<>(items.size());
        Failed failed = run(items, perTransaction, work, attempts);
        if (failed == null) {
            return attempts;
        }
        attempts.clear();
        if (failed.index() > 0 && run(items.subList(0, failed.index()), perTransaction, work, attempts) != null) {
            // failed again: the items before it go one by one
            attempts.clear();
            for (I item : items.subList(0, failed.index())) {
                run(List.of(item), perTransaction, work, attempts);
            }
        }
        attempts.add(new Attempt<>(null, failed.cause()));
        for (I item : items.subList(failed.index() + 1, items.size())) {
            run(List.of(item), perTransaction, work, attempts);
        }
        return attempts;
    }

    /** Work on one item of {@link #eachInOneTransaction}, given the transaction's writes and state. */
    @FunctionalInterface
    public interface BatchWork<S, I, T> {
        T apply(Writes writes, S state, I item);
    }

    /** What one item of {@link #eachInOneTransaction} gave: a result, or the failure that undid it. */
    public record Attempt<T>(T result, Throwable failure) {
    }

    /** The item that failed, by index, and why: the transaction was rolled back. */
    private record Failed(int index, Throwable cause) {
    }

    /** Thrown out of the transaction to roll it back when an item fails. */
    private static final class ItemFailed extends RuntimeException {
        final Failed failed;

        ItemFailed(Failed failed) {
            super(null, null, false, false);
            this.failed = failed;
        }
    }

    /**
     * Runs the items in one transaction and appends their results to {@code attempts}; or, if one fails, rolls
     * back, appends nothing and says which. A failed commit fails every item.
     */
    private <S, I, T> Failed run(List<I> items, Supplier<S> perTransaction, BatchWork<S, I, T> work,
                                 List<Attempt<T>> attempts) {
        List<T> done = new ArrayList<>(items.size());
        try {
            jdbi.useTransaction(handle -> {
                Writes writes = items.size() == 1 ? Writes.oneByOne(handle) : Writes.batched(handle);
                S state = perTransaction.get();
                for (I item : items) {
                    try {
                        done.add(work.apply(writes, state, item));
                    } catch (RuntimeException | StackOverflowError e) {
                        if (items.size() == 1) {
                            throw e;
                        }
                        throw new ItemFailed(new Failed(done.size(), e));
                    }
                }
                writes.finish();
            });
        } catch (ItemFailed e) {
            return e.failed;
        } catch (RuntimeException | StackOverflowError e) {
            // a single item's failure, or a commit that failed: nothing of the transaction was stored
            for (int i = 0; i < items.size(); i++) {
                attempts.add(new Attempt<>(null, e));
            }
            return null;
        }
        for (T result : done) {
            attempts.add(new Attempt<>(result, null));
        }
        stored(done.size());
        return null;
    }

    /** After a commit of {@code articles}. */
    private void stored(int articles) {
        if (statistics != null) {
            statistics.stored(articles);
        }
    }

    /** What {@link #saveVersion} wrote: the story the version went into, its index log entry and the entry replaced (0: none). */
    public record Saved(long storyId, long entry, long replaced) {
    }

    /** {@link #saveVersion(VersionRow, long[], StoryPlacement, long)} inside the caller's transaction. */
    public static Saved saveVersion(Writes writes, VersionRow version, long[] buckets, StoryPlacement placement, long now) {
        JdbcWrites sql = writes.sql();
        // the story joined is touched by the same statement that finds it
        OptionalLong target = placement.join().isPresent()
                ? current(sql, placement.join().getAsLong(), id -> sql.touchStory(id, now)) : OptionalLong.empty();
        long storyId;
        if (target.isEmpty()) {
            storyId = writes.next(Writes.STORY);
            sql.insertStory(storyId, now);
        } else {
            storyId = target.getAsLong();
        }
        for (long story : placement.absorb()) {
            OptionalLong merged = current(sql, story, sql::storyExists);
            if (merged.isPresent() && merged.getAsLong() != storyId) {
                RedlineDao dao = writes.dao();
                dao.moveArticles(merged.getAsLong(), storyId);
                dao.repointMerges(merged.getAsLong(), storyId);
                if (!writes.subscriptions().isEmpty()) {
                    writes.watch().repointPending(merged.getAsLong(), storyId);
                }
                dao.insertMerge(new StoryMergeRow(merged.getAsLong(), storyId, version.articleId(), now));
                dao.deleteStory(merged.getAsLong());
                writes.next(Writes.MERGE);
            }
        }
        // a first version has no index entry to replace (a duplicate id fails at the insert below)
        Long replaced = version.version() == 1 ? null : sql.indexSeq(version.articleId()).orElse(null);
        long seq = appendLog(writes, replaced, buckets);
        if (version.version() == 1) {
            sql.insertArticle(new ArticleRow(version.articleId(), storyId, 1, now), seq);
        } else {
            sql.updateArticle(version.articleId(), version.version(), storyId, seq);
        }
        sql.insertVersion(version);
        return new Saved(storyId, seq, replaced == null ? 0 : replaced);
    }

    /**
     * Where a story is now: itself, or the story it was merged into (another replica may have merged it since
     * the look-up); empty if it was deleted. {@code exists} answers whether a story id is in the store.
     */
    private static OptionalLong current(JdbcWrites sql, long storyId, LongPredicate exists) {
        long id = storyId;
        for (int hops = 0; hops < 1000; hops++) {
            if (exists.test(id)) {
                return OptionalLong.of(id);
            }
            Optional<Long> into = sql.mergedInto(id);
            if (into.isEmpty()) {
                return OptionalLong.empty();
            }
            id = into.get();
        }
        throw new IllegalStateException("story merges of " + storyId + " form a cycle");
    }

    /** Deletes an article, its versions and its index entry; its story goes too if left empty. */
    public boolean delete(String articleId) {
        return jdbi.inTransaction(handle -> {
            RedlineDao dao = handle.attach(RedlineDao.class);
            Optional<ArticleRow> article = dao.article(articleId);
            if (article.isEmpty()) {
                return false;
            }
            Optional<Long> indexed = dao.indexSeq(articleId);
            if (indexed.isPresent()) {
                appendLog(Writes.oneByOne(handle), indexed.get(), null);
            }
            dao.deleteVersions(articleId);
            dao.deleteArticle(articleId);
            long story = article.get().storyId();
            if (dao.storyArticleCount(story) == 0) {
                dao.deleteStory(story);
            }
            return true;
        });
    }

    /** Rewrites the fingerprints of re-signed versions and the index entries of those that are latest. */
    public void updateFingerprints(Collection<VersionRow> rows, Map<String, long[]> latestBuckets) {
        jdbi.useTransaction(handle -> {
            RedlineDao dao = handle.attach(RedlineDao.class);
            for (VersionRow row : rows) {
                dao.updateFingerprint(row);
            }
            for (Map.Entry<String, long[]> e : latestBuckets.entrySet()) {
                Long replaced = dao.indexSeq(e.getKey()).orElse(null);
                dao.setIndexSeq(e.getKey(), appendLog(Writes.oneByOne(handle), replaced, e.getValue()));
            }
        });
    }

    /**
     * Writes a log entry superseding {@code replaced} and drops the superseded one, which no reader needs any
     * more: the new entry tells them it is dead.
     *
     * @param buckets the new keys, or null when the article is deleted
     * @return the new entry's number
     */
    private static long appendLog(Writes writes, Long replaced, long[] buckets) {
        long seq = writes.next(Writes.LOG);
        writes.sql().insertLog(seq, replaced, buckets == null ? null : LongArrays.toBytes(buckets));
        if (replaced != null) {
            writes.sql().deleteLog(replaced);
        }
        return seq;
    }
}
