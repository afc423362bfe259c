package io.redline.store;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import io.redline.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class GrowthStatisticsTest {
    private static final int ARTICLES = 3000;

    /**
     * Look-ups prepared on the server while the tables are empty, on a connection with Redline's settings (one
     * plan kept per statement), read them through their indexes once the store has grown, because the store
     * analysed them on the way.
     */
    @Test
    void lookUpsPreparedOnEmptyTablesUseTheIndexesOnceTheStoreHasGrown() throws Exception {
        assertThat(sequentialScansAfterGrowth(true)).isZero();
    }

    /** The same rows inserted past the store: PostgreSQL keeps the plans made for empty tables, which scan. */
    @Test
    void withoutTheStoresStatisticsTheSameLookUpsScanTheWholeTable() throws Exception {
        assertThat(sequentialScansAfterGrowth(false)).isEqualTo(12);
    }

    /** Analysed at 1,000 and 2,000 articles, when the tables had doubled, and not at every commit. */
    @Test
    void theStoreAnalysesItsTablesEachTimeTheyHaveDoubled() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        Jdbi jdbi = db.migratedJdbi();
        storeArticles(analysingInTurn(jdbi));

        assertThat(analyses(jdbi)).isEqualTo(2);
    }

    /** The store's own {@code ANALYZE} runs on a thread of its own, so no commit waits for it. */
    @Test
    void theAnalysisRunsBesideTheCommits() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        Jdbi jdbi = db.migratedJdbi();
        storeArticles(new ArticleStore(jdbi));

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (analyses(jdbi) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(analyses(jdbi)).isPositive();
    }

    @Test
    void anH2StoreHasNoneToKeep() {
        assertThat(GrowthStatistics.of(TestDatabase.h2().migratedJdbi())).isNull();
    }

    /**
     * Twelve look-ups on empty tables, {@value #ARTICLES} articles stored (through the store, in batches as a bulk
     * load commits them, or inserted directly), then twelve more: how many of those scanned {@code articles}.
     */
    private static long sequentialScansAfterGrowth(boolean throughStore) throws Exception {
        TestDatabase db = TestDatabase.postgres();
        Jdbi jdbi = db.migratedJdbi();
        ManagedDataSource source = DatabaseDefaults.apply(db.dataSourceFactory()).build(new MetricRegistry(), "growth-statistics");
        try (Connection c = source.getConnection()) {
            LookupReads reads = new JdbcLookupReads(c);
            for (int i = 0; i < 12; i++) {
                reads.articles(List.of("a" + i, "b" + i));
            }
            if (throughStore) {
                storeArticles(analysingInTurn(jdbi));
            } else {
                insertArticles(c);
            }
            c.setAutoCommit(false);
            long before = articleScans(c);
            for (int i = 0; i < 12; i++) {
                assertThat(reads.articles(List.of("article-" + i, "article-" + (i + 100)))).hasSize(2);
            }
            long scans = articleScans(c) - before;
            c.rollback();
            return scans;
        } finally {
            source.stop();
        }
    }

    /** A store whose {@code ANALYZE} runs on the committing thread, so that a test knows when it has. */
    private static ArticleStore analysingInTurn(Jdbi jdbi) {
        return new ArticleStore(jdbi, GrowthStatistics.of(jdbi, Runnable::run));
    }

    private static long analyses(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT analyze_count FROM pg_stat_user_tables "
                + "WHERE relname = 'articles'").mapTo(Long.class).one());
    }

    private static void storeArticles(ArticleStore store) {
        List<Integer> numbers = IntStream.range(0, ARTICLES).boxed().toList();
        for (int from = 0; from < ARTICLES; from += 250) {
            store.eachInOneTransaction(numbers.subList(from, from + 250), () -> null, (writes, state, n) ->
                    ArticleStore.saveVersion(writes, new VersionRow("article-" + n, 1, 0, "t", "body " + n, null, null,
                            null, n, "hash-" + n, "v", null, null, null), new long[]{n}, StoryPlacement.NEW_STORY, n));
        }
    }

    private static void insertArticles(Connection c) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO articles (id, story_id, latest_version, "
                + "created_at, index_seq) VALUES (?, 1, 1, 0, ?)")) {
            for (int i = 0; i < ARTICLES; i++) {
                insert.setString(1, "article-" + i);
                insert.setLong(2, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static long articleScans(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'articles'")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
