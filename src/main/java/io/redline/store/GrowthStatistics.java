package io.redline.store;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps PostgreSQL's statistics of the tables every stored article writes close to their size while they grow:
 * it runs {@code ANALYZE} on them each time this process has stored as many articles as the tables held at the
 * last count (1,000 at least), so at 1,000, 2,000, 4,000 … articles into an empty store, and not at all into a big
 * one, where PostgreSQL's own autovacuum (every 10 % of growth) keeps up.
 *
 * <p>Why: the driver prepares a statement on the server after a few uses, and PostgreSQL then keeps one generic
 * plan for it until the tables' statistics change. Made while the tables were empty, that plan scans whole tables:
 * a load into a fresh database slowed from 320 to 130 articles a second within a minute, until autovacuum's
 * first {@code ANALYZE} (BENCHMARKS §4(c), §4(e)). With the statistics never more than a doubling behind, a plan
 * is made for tables at least half their real size. Planning every statement for its own parameters instead
 * (PostgreSQL's {@code plan_cache_mode=force_custom_plan}) also avoids it, but costs more than the statements
 * themselves: a load ran 22–25 % slower with it (§4(e)).
 *
 * <p>The {@code ANALYZE} runs on a thread of its own, started by the commit that crossed the mark, so no request
 * waits for it: it samples up to 30,000 rows of each table (PostgreSQL's default); the six of a load of 60,000
 * articles took 0.7–0.9 s together, one at a million 3–4 s. Commits that cross a mark while it runs start no second one. Thread-safe.
 */
final class GrowthStatistics {
    private static final long FIRST = 1000;
    private static final String TABLES = "articles, article_versions, lsh_log, stories";
    private static final Logger LOG = LoggerFactory.getLogger(GrowthStatistics.class);

    private final Jdbi jdbi;
    private final Executor analyser;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicBoolean analysing = new AtomicBoolean();
    private volatile long nextAt;

    private GrowthStatistics(Jdbi jdbi, Executor analyser) {
        this.jdbi = jdbi;
        this.analyser = analyser;
        this.nextAt = Math.max(FIRST, rows());
    }

    /** For the store behind {@code jdbi}: null unless it is PostgreSQL (H2 analyses its tables as they change). */
    static GrowthStatistics of(Jdbi jdbi) {
        // one thread at most, gone when idle, so a store that is not growing holds none
        ThreadPoolExecutor analyser = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "redline-analyse");
            t.setDaemon(true);
            return t;
        });
        analyser.allowCoreThreadTimeOut(true);
        return of(jdbi, analyser);
    }

    /** As {@link #of(Jdbi)}, analysing on {@code analyser}. */
    static GrowthStatistics of(Jdbi jdbi, Executor analyser) {
        DatabaseKind kind;
        try {
            kind = jdbi.withHandle(h -> DatabaseKind.of(h.getConnection()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not tell which database the store is", e);
        }
        return kind == DatabaseKind.POSTGRES ? new GrowthStatistics(jdbi, analyser) : null;
    }

    /** Counts {@code articles} committed, and analyses the tables if they have doubled since the last count. */
    void stored(int articles) {
        if (stored.addAndGet(articles) >= nextAt && analysing.compareAndSet(false, true)) {
            analyser.execute(this::analyse);
        }
    }

    private void analyse() {
        try {
            jdbi.useHandle(h -> h.execute("ANALYZE " + TABLES));
            nextAt = stored.get() + Math.max(FIRST, rows());
        } catch (RuntimeException e) {
            // statistics only speed statements up: without them the store works as before
            LOG.warn("could not analyse {}: {}", TABLES, e.toString());
            nextAt = stored.get() + FIRST;
        } finally {
            analysing.set(false);
        }
    }

    /** The articles PostgreSQL's statistics count (-1 before the first {@code ANALYZE}). */
    private long rows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT reltuples FROM pg_class WHERE oid = 'articles'::regclass")
                .mapTo(Double.class).one()).longValue();
    }
}
