package io.redline.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

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
}
