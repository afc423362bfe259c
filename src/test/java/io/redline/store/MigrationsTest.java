package io.redline.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {

    /**
     * Under spark-submit in local mode a task's context class loader sees the job jar twice (the driver's copy and
     * the executor's), and with it two migrations.xml; Liquibase refuses a change log it finds twice.
     */
    @Test
    void aSecondCopyOfTheChangeLogOnTheContextClassLoaderIsNotRead() throws Exception {
        Path copy = Files.createTempDirectory("redline-second-jar-");
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(Migrations.CHANGELOG)) {
            Files.copy(in, copy.resolve(Migrations.CHANGELOG));
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader executor = new URLClassLoader(new URL[]{copy.toUri().toURL()}, before)) {
            assertThat(java.util.Collections.list(executor.getResources(Migrations.CHANGELOG))).hasSize(2);
            thread.setContextClassLoader(executor);

            Migrations.migrate(h2);
        } finally {
            thread.setContextClassLoader(before);
        }
        try (Connection c = h2.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM articles")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    /** On H2 every text and byte array is stored in its row: no column is a LOB, and NOT NULL columns stay so. */
    @Test
    void aNewH2StoreHasNoLargeObjectColumns() throws Exception {
        JdbcDataSource h2 = h2("jdbc:h2:mem:inline-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(h2);

        try (Connection c = h2.getConnection()) {
            assertThat(columns(c, "DATA_TYPE IN ('CHARACTER LARGE OBJECT', 'BINARY LARGE OBJECT')")).isEmpty();
            assertThat(columns(c, "COLUMN_NAME IN ('BODY', 'SIGNATURE', 'SHINGLES', 'BUCKET_KEYS', 'PAYLOAD')"))
                    .containsExactlyInAnyOrder(
                            "ARTICLE_VERSIONS.BODY CHARACTER VARYING NO",
                            "ARTICLE_VERSIONS.SIGNATURE BINARY VARYING NO",
                            "ARTICLE_VERSIONS.SHINGLES BINARY VARYING NO",
                            "LSH_LOG.BUCKET_KEYS BINARY VARYING YES",
                            "WATCH_OUTBOX.PAYLOAD CHARACTER VARYING YES");
        }
    }

    /**
     * A store made before 10-h2-inline-values keeps every value through it, on a session that a pool left with a
     * query timeout (H2 applies a statement's timeout to its whole session): here 1 ms, which the table copy of
     * 2,000 versions would exceed.
     */
    @Test
    void anOlderH2StoreKeepsItsValuesWhenTheyMoveIntoTheRows() throws Exception {
        String url = "jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = h2(url);
        List<Object[]> versions = new ArrayList<>();
        Random random = new Random(11);
        try (Connection c = h2.getConnection()) {
            migrateUpTo(c, "9-watch");
            assertThat(columns(c, "COLUMN_NAME = 'BODY'")).containsExactly("ARTICLE_VERSIONS.BODY CHARACTER LARGE OBJECT NO");
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO stories (id, created_at, updated_at) VALUES (1, 0, 0)");
                st.execute("INSERT INTO articles (id, story_id, latest_version, created_at) "
                        + "SELECT 'a' || X, 1, 1, 0 FROM SYSTEM_RANGE(0, 1999)");
            }
            PreparedStatement insert = c.prepareStatement("INSERT INTO article_versions (article_id, version, title, "
                    + "body, ingested_at, content_hash, signature_version, signature, shingles) VALUES (?, 1, 't', ?, 0, 'h', 'v', ?, ?)");
            for (int i = 0; i < 2000; i++) {
                byte[] signature = new byte[512];
                byte[] shingles = new byte[8 * random.nextInt(1, 400)];
                random.nextBytes(signature);
                random.nextBytes(shingles);
                String body = "paragraph " + i + " ".repeat(random.nextInt(1, 5)) + "é—文".repeat(random.nextInt(1, 900));
                versions.add(new Object[]{"a" + i, body, signature, shingles});
                insert.setString(1, "a" + i);
                insert.setString(2, body);
                insert.setBytes(3, signature);
                insert.setBytes(4, shingles);
                insert.addBatch();
            }
            insert.executeBatch();
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO lsh_log (seq, replaces, bucket_keys) VALUES (1, 0, X'0102030405060708')");
            }
        }

        Migrations.migrate(h2(url + ";QUERY_TIMEOUT=1"));

        try (Connection c = h2.getConnection()) {
            assertThat(columns(c, "COLUMN_NAME = 'BODY'")).containsExactly("ARTICLE_VERSIONS.BODY CHARACTER VARYING NO");
            ResultSet rs = c.createStatement().executeQuery(
                    "SELECT article_id, body, signature, shingles FROM article_versions ORDER BY CAST(SUBSTRING(article_id, 2) AS INT)");
            for (Object[] expected : versions) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(expected[0]);
                assertThat(rs.getString(2)).isEqualTo(expected[1]);
                assertThat(rs.getBytes(3)).isEqualTo(expected[2]);
                assertThat(rs.getBytes(4)).isEqualTo(expected[3]);
            }
            assertThat(rs.next()).isFalse();
            ResultSet log = c.createStatement().executeQuery("SELECT bucket_keys FROM lsh_log");
            assertThat(log.next()).isTrue();
            assertThat(log.getBytes(1)).isEqualTo(new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
        }
    }

    private static JdbcDataSource h2(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return h2;
    }

    @SuppressWarnings("deprecation")
    private static void migrateUpTo(Connection c, String lastChangeSet) throws Exception {
        Liquibase liquibase = new Liquibase(Migrations.CHANGELOG, new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()),
                DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c)));
        int count = 0;
        for (var changeSet : liquibase.getDatabaseChangeLog().getChangeSets()) {
            count++;
            if (changeSet.getId().equals(lastChangeSet)) {
                liquibase.update(count, new Contexts(), new LabelExpression());
                c.setAutoCommit(true);
                return;
            }
        }
        throw new AssertionError("no change set " + lastChangeSet);
    }

    /** "TABLE.COLUMN TYPE NULLABLE" of the columns of Redline's tables matching {@code where}. */
    private static List<String> columns(Connection c, String where) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE "
                + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%' AND " + where)) {
            while (rs.next()) {
                out.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return out;
    }
}
