package io.redline.spark;

import com.codahale.metrics.MetricRegistry;
import io.redline.RedlineConfiguration;
import io.redline.api.IngestResponse;
import io.redline.detect.Detector;
import io.redline.ingest.Ingestor;
import io.redline.store.ArticleStore;
import io.redline.store.Migrations;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import scala.Tuple2;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.Iterator;
import java.util.UUID;

/**
 * Ingests one partition of the archive — whole groups of articles that could meet in a look-up, in time order —
 * with the service's own {@link Ingestor} into a private in-memory store, then copies the rows into the target
 * database in one transaction.
 *
 * <p>Articles of different groups share no LSH key and no id, so no look-up of one ever finds the other, and
 * ingesting several groups into one store gives each the decisions it would get alone. Story ids and index log
 * entries are global: before article number {@code n} (0-based, in time order over the whole archive) the store's
 * story and index counters are set to {@code n + 1}, so the story it may open and the index entry it writes are
 * numbered as a one-by-one ingest of the whole archive would order them, and partitions never collide. Numbers
 * not taken are gaps, which the service allows.
 */
final class GroupIngest {
    /** The service's tables the job fills, parents first. */
    static final String[] TABLES = {"stories", "story_merges", "articles", "article_versions", "lsh_log"};
    private static final int BATCH = 500;

    private GroupIngest() {
    }

    static BackfillReport run(Iterator<Tuple2<Long, ArchiveArticle>> articles, JobConfig config, Target target) {
        if (!articles.hasNext()) {
            return BackfillReport.EMPTY;
        }
        RedlineConfiguration settings = config.parse();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:redline-backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Migrations.migrate(h2);
        Jdbi jdbi = Jdbi.create(h2).installPlugin(new SqlObjectPlugin());
        try (Connection counters = h2.getConnection();
             PreparedStatement numberFrom = counters.prepareStatement(
                     "UPDATE counters SET next_value = ? WHERE name IN ('story', 'lsh')")) {
            ArticleStore store = new ArticleStore(jdbi);
            MetricRegistry metrics = new MetricRegistry();
            Detector detector = settings.getDetection().buildDetector(store, metrics);
            Ingestor ingestor = new Ingestor(detector, store, settings.buildInputLimits(), Clock.systemUTC(),
                    metrics.timer("redline.ingest"));
            long read = 0;
            long created = 0;
            long updated = 0;
            long unchanged = 0;
            while (articles.hasNext()) {
                Tuple2<Long, ArchiveArticle> next = articles.next();
                long number = next._1();
                numberFrom.setLong(1, number + 1);
                numberFrom.executeUpdate();
                // relations only: nothing here reads the matches' shared paragraphs, whose word diffs are work
                IngestResponse response = ingestor.commit(ingestor.prepare(next._2().request()));
                read++;
                switch (response.status()) {
                    case "CREATED" -> created++;
                    case "UPDATED" -> updated++;
                    default -> unchanged++;
                }
            }
            long stories = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM stories").mapTo(Long.class).one());
            long merges = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM story_merges").mapTo(Long.class).one());
            copy(h2, target);
            return new BackfillReport(read, 0, created, updated, unchanged, stories, merges);
        } catch (SQLException e) {
            throw new IllegalStateException("the partition's private store failed: " + e.getMessage(), e);
        } finally {
            shutdown(h2);
        }
    }

    private static void shutdown(JdbcDataSource h2) {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // the in-memory store is gone either way
        }
    }

    /** Copies the service's tables from the partition's store into the target, in one transaction. */
    private static void copy(JdbcDataSource from, Target target) {
        try (Connection in = from.getConnection(); Connection out = target.connect()) {
            out.setAutoCommit(false);
            for (String table : TABLES) {
                copyTable(in, out, table);
            }
            out.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write a partition's rows to " + target.url() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void copyTable(Connection in, Connection out, String table) throws SQLException {
        try (Statement select = in.createStatement(); ResultSet rows = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rows.getMetaData();
            int n = meta.getColumnCount();
            StringBuilder columns = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                columns.append(i > 1 ? ", " : "").append(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                marks.append(i > 1 ? ", ?" : "?");
            }
            try (PreparedStatement insert = out.prepareStatement(
                    "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
                int pending = 0;
                while (rows.next()) {
                    for (int i = 1; i <= n; i++) {
                        switch (meta.getColumnType(i)) {
                            case Types.BLOB, Types.VARBINARY, Types.BINARY, Types.LONGVARBINARY ->
                                    insert.setBytes(i, rows.getBytes(i));
                            case Types.CLOB, Types.NCLOB, Types.VARCHAR, Types.LONGVARCHAR ->
                                    insert.setString(i, rows.getString(i));
                            default -> insert.setObject(i, rows.getObject(i), meta.getColumnType(i));
                        }
                    }
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        }
    }

    /** The database the job writes to: the service's PostgreSQL. */
    record Target(String url, String user, String password) implements java.io.Serializable {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
