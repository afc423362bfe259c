package io.redline.store;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
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
 * themselves: 13 % of the load's rate (§4(e)).
 *
 * <p>The {@code ANALYZE} runs on the thread whose commit crossed the mark, after that commit; it samples at most
 * 30,000 rows a table (PostgreSQL's default), 0.1–0.4 s at a million articles. Thread-safe.
 */
final class GrowthStatistics {
    static final long FIRST = 1000;
    static final String TABLES = "articles, article_versions, lsh_log, stories";
    private static final Logger LOG = LoggerFactory.getLogger(GrowthStatistics.class);

    private final Jdbi jdbi;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicBoolean analysing = new AtomicBoolean();
    private volatile long nextAt;

    private GrowthStatistics(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.nextAt = Math.max(FIRST, rows());
    }

    /** For the store behind {@code jdbi}: null unless it is PostgreSQL (H2 analyses its tables as they change). */
    static GrowthStatistics of(Jdbi jdbi) {
        String product;
        try {
            product = jdbi.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("could not tell which database the store is", e);
        }
        return product.equals("PostgreSQL") ? new GrowthStatistics(jdbi) : null;
    }

    /** Counts {@code articles} committed, and analyses the tables if they have doubled since the last count. */
    void stored(int articles) {
        long total = stored.addAndGet(articles);
        if (total >= nextAt && analysing.compareAndSet(false, true)) {
            try {
                jdbi.useHandle(h -> h.execute("ANALYZE " + TABLES));
                nextAt = total + Math.max(FIRST, rows());
            } catch (RuntimeException e) {
                // statistics only speed statements up: a failure must not fail the commit that came before it
                LOG.warn("could not analyse {}: {}", TABLES, e.toString());
                nextAt = total + FIRST;
            } finally {
                analysing.set(false);
            }
        }
    }

    /** The articles PostgreSQL's statistics count (-1 before the first {@code ANALYZE}). */
    private long rows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT reltuples FROM pg_class WHERE oid = 'articles'::regclass")
                .mapTo(Double.class).one()).longValue();
    }
}
