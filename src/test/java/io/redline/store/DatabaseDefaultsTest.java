package io.redline.store;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseDefaultsTest {
    @TempDir
    Path dir;

    /** The store H2 opens keeps the large values a query returned for 30 s, not its default of 5 minutes. */
    @Test
    void anH2StoreKeepsReturnedLargeValuesForThirtySeconds() throws Exception {
        DataSourceFactory database = h2("jdbc:h2:" + dir.resolve("redline"));

        assertThat(openedLobTimeout(DatabaseDefaults.apply(database))).isEqualTo("30000");
    }

    @Test
    void aTimeoutTheConfigurationSetsIsKept() throws Exception {
        DataSourceFactory inUrl = DatabaseDefaults.apply(h2("jdbc:h2:" + dir.resolve("a") + ";LOB_TIMEOUT=60000"));
        DataSourceFactory inProperties = h2("jdbc:h2:" + dir.resolve("b"));
        inProperties.getProperties().put("LOB_TIMEOUT", "45000");

        assertThat(inUrl.getProperties()).doesNotContainKey("LOB_TIMEOUT");
        assertThat(openedLobTimeout(inUrl)).isEqualTo("60000");
        assertThat(openedLobTimeout(DatabaseDefaults.apply(inProperties))).isEqualTo("45000");
    }

    @Test
    void eachStoreGetsOnlyItsOwnDefaults() {
        DataSourceFactory postgres = new DataSourceFactory();
        postgres.setUrl("jdbc:postgresql://127.0.0.1/redline");
        DataSourceFactory h2 = h2("jdbc:h2:" + dir.resolve("c"));

        assertThat(DatabaseDefaults.apply(postgres).getProperties()).doesNotContainKey("LOB_TIMEOUT");
        assertThat(DatabaseDefaults.apply(h2).getProperties()).doesNotContainKey("options");
    }

    @Test
    void aPostgresUrlWithItsOwnOptionsIsLeftAsItIs() {
        DataSourceFactory postgres = new DataSourceFactory();
        postgres.setUrl("jdbc:postgresql://127.0.0.1/redline?options=-c%20statement_timeout%3D4000");

        assertThat(DatabaseDefaults.apply(postgres).getProperties()).doesNotContainKey("options");
    }

    /**
     * Redline's look-up statements, prepared on the server while the tables are empty, still read them through
     * their indexes once they hold thousands of rows. With PostgreSQL's own default (a generic plan kept after five
     * uses), the plan made for empty tables scans the whole table at every call: the second half of this test
     * counts sequential scans of {@code articles} in this transaction, and fails without the default.
     */
    @Test
    void postgresStatementsPreparedOnEmptyTablesStillUseTheIndexesLater() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        db.migratedJdbi();
        assertThat(sequentialScansAfterGrowth(DatabaseDefaults.apply(db.dataSourceFactory()))).isZero();
    }

    @Test
    void postgresOptionsConfiguredAreKeptAndCompleted() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        DataSourceFactory configured = db.dataSourceFactory();
        configured.getProperties().put("options", "-c statement_timeout=4000");
        DataSourceFactory own = db.dataSourceFactory();
        own.getProperties().put("options", "-c plan_cache_mode=auto");

        assertThat(shown(DatabaseDefaults.apply(configured), "plan_cache_mode")).isEqualTo("force_custom_plan");
        assertThat(shown(configured, "statement_timeout")).isEqualTo("4s");
        assertThat(shown(DatabaseDefaults.apply(own), "plan_cache_mode")).isEqualTo("auto");
    }

    /** Twelve look-ups on empty tables, 3,000 articles, then twelve more: how many of those scanned the table. */
    private static long sequentialScansAfterGrowth(DataSourceFactory database) throws Exception {
        ManagedDataSource source = database.build(new MetricRegistry(), "pg-defaults");
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            LookupReads reads = new JdbcLookupReads(c);
            for (int i = 0; i < 12; i++) {
                reads.articles(List.of("a" + i, "b" + i));
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO articles (id, story_id, latest_version, "
                    + "created_at, index_seq) VALUES (?, 1, 1, 0, ?)")) {
                for (int i = 0; i < 3000; i++) {
                    insert.setString(1, "article-" + i);
                    insert.setLong(2, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
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

    private static long articleScans(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'articles'")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static String shown(DataSourceFactory database, String setting) throws Exception {
        return firstValue(database, "SHOW " + setting);
    }

    private static DataSourceFactory h2(String url) {
        DataSourceFactory f = new DataSourceFactory();
        f.setDriverClass("org.h2.Driver");
        f.setUrl(url);
        f.setUser("sa");
        f.setPassword("");
        return f;
    }

    private static String openedLobTimeout(DataSourceFactory database) throws Exception {
        return firstValue(database, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'LOB_TIMEOUT'");
    }

    /** The first column of the first row {@code sql} gives, on a connection of the pool {@code database} opens. */
    private static String firstValue(DataSourceFactory database, String sql) throws Exception {
        ManagedDataSource source = database.build(new MetricRegistry(), "database-defaults");
        try (Connection c = source.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        } finally {
            source.stop();
        }
    }
}
