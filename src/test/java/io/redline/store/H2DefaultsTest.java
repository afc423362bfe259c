package io.redline.store;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class H2DefaultsTest {
    @TempDir
    Path dir;

    /** The store H2 opens keeps the large values a query returned for 30 s, not its default of 5 minutes. */
    @Test
    void anH2StoreKeepsReturnedLargeValuesForThirtySeconds() throws Exception {
        DataSourceFactory database = h2("jdbc:h2:" + dir.resolve("redline"));

        assertThat(openedLobTimeout(H2Defaults.apply(database))).isEqualTo("30000");
    }

    @Test
    void aTimeoutTheConfigurationSetsIsKept() throws Exception {
        DataSourceFactory inUrl = H2Defaults.apply(h2("jdbc:h2:" + dir.resolve("a") + ";LOB_TIMEOUT=60000"));
        DataSourceFactory inProperties = h2("jdbc:h2:" + dir.resolve("b"));
        inProperties.getProperties().put("LOB_TIMEOUT", "45000");

        assertThat(inUrl.getProperties()).doesNotContainKey("LOB_TIMEOUT");
        assertThat(openedLobTimeout(inUrl)).isEqualTo("60000");
        assertThat(openedLobTimeout(H2Defaults.apply(inProperties))).isEqualTo("45000");
    }

    @Test
    void otherDatabasesAreLeftAsTheyAre() {
        DataSourceFactory postgres = new DataSourceFactory();
        postgres.setUrl("jdbc:postgresql://127.0.0.1/redline");

        assertThat(H2Defaults.apply(postgres).getProperties()).doesNotContainKey("LOB_TIMEOUT");
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
        ManagedDataSource source = database.build(new MetricRegistry(), "h2-defaults");
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'LOB_TIMEOUT'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        } finally {
            source.stop();
        }
    }
}
