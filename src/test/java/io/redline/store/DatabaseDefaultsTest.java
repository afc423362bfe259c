package io.redline.store;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

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

    @Test
    void postgresOptionsConfiguredAreKeptAndCompleted() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        DataSourceFactory configured = db.dataSourceFactory();
        configured.getProperties().put("options", "-c statement_timeout=4000");
        DataSourceFactory own = db.dataSourceFactory();
        own.getProperties().put("options", "-c plan_cache_mode=auto");

        assertThat(shown(DatabaseDefaults.apply(configured), "plan_cache_mode")).isEqualTo("force_generic_plan");
        assertThat(shown(configured, "statement_timeout")).isEqualTo("4s");
        assertThat(shown(DatabaseDefaults.apply(own), "plan_cache_mode")).isEqualTo("auto");
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
