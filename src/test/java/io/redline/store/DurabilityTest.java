package io.redline.store;

import io.redline.testing.TestDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Startup makes H2 write each commit at once and refuses a PostgreSQL that acknowledges commits before writing them. */
class DurabilityTest {

    @Test
    void setsH2WriteDelayToZeroWhenTheUrlLeavesItAtTheDefault() throws SQLException {
        JdbcDataSource h2 = h2(TestDatabase.h2().url() + ";DB_CLOSE_DELAY=-1");
        assertThat(query(h2, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'"))
                .isEqualTo("500");

        Durability.enforce(h2, h2.getURL());

        assertThat(query(h2, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'"))
                .isEqualTo("0");
    }

    @Test
    void refusesAnH2UrlThatAsksForADelay() {
        // H2 applies a URL's settings on every new connection: a SET now would be undone by the pool later
        JdbcDataSource h2 = h2(TestDatabase.h2().url() + ";WRITE_DELAY=500;DB_CLOSE_DELAY=-1");

        assertThatThrownBy(() -> Durability.enforce(h2, h2.getURL()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("database.url sets WRITE_DELAY=500");
    }

    @Test
    void acceptsAnH2UrlThatSaysWriteDelayZero() throws SQLException {
        JdbcDataSource h2 = h2(TestDatabase.h2().url() + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1");

        Durability.enforce(h2, h2.getURL());

        assertThat(query(h2, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'"))
                .isEqualTo("0");
    }

    @Test
    void acceptsPostgresWithSynchronousCommitOn() throws SQLException {
        PGSimpleDataSource pg = postgres(TestDatabase.postgres().url());
        assertThat(query(pg, "SHOW synchronous_commit")).isEqualTo("on");

        Durability.enforce(pg, pg.getURL());
    }

    @Test
    void refusesPostgresWithSynchronousCommitOffAndSaysHowToTurnItOn() throws SQLException {
        String url = TestDatabase.postgres().url();
        PGSimpleDataSource pg = postgres(url + (url.contains("?") ? "&" : "?") + "options=-c%20synchronous_commit=off");
        assertThat(query(pg, "SHOW synchronous_commit")).isEqualTo("off");

        assertThatThrownBy(() -> Durability.enforce(pg, pg.getURL()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("synchronous_commit=off")
                .hasMessageContaining("options=-c%20synchronous_commit=on");
    }

    private static JdbcDataSource h2(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        h2.setPassword("");
        return h2;
    }

    private static PGSimpleDataSource postgres(String url) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser("postgres");
        pg.setPassword("postgres");
        return pg;
    }

    private static String query(javax.sql.DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
