package io.redline.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes sure that a committed transaction is on disk before Redline answers for it, whatever the configuration
 * says, since every answer (single or per bulk line) is sent only after its commit returned.
 *
 * <ul>
 *   <li>H2 keeps commits in memory for {@code WRITE_DELAY} ms (500 by default), so a killed process loses
 *   acknowledged articles. When the URL does not set it, startup runs {@code SET WRITE_DELAY 0} on the open
 *   database (it applies to every connection and H2 keeps it). A URL that sets another value
 *   is refused: H2 applies a URL's settings again on every new connection, so the pool would undo the fix.
 *   Example: {@code jdbc:h2:./data/redline} → set to 0; {@code jdbc:h2:./data/redline;WRITE_DELAY=500}
 *   → refused. H2 writes each commit to the file but forces it to the disk only at a clean close: commits
 *   survive a killed process, not a power cut.</li>
 *   <li>PostgreSQL with {@code synchronous_commit = off} acknowledges a commit before its WAL is written, so a
 *   crash of PostgreSQL itself could lose acknowledged articles: refused, saying how to turn it on for
 *   Redline's connections (it is a per-session setting and the pool opens sessions later, so Redline cannot
 *   set it here). {@code fsync = off} only loses commits when the machine itself fails, the same guarantee as
 *   H2's: a loud warning.</li>
 * </ul>
 * Other databases are left as they are, with a warning. Stateless; thread-safe.
 */
public final class Durability {
    private static final Logger LOG = LoggerFactory.getLogger(Durability.class);
    private static final Pattern URL_WRITE_DELAY = Pattern.compile("(?i);WRITE_DELAY=(\\d+)");

    private Durability() {
    }

    /**
     * Checks, and on H2 sets, the database's commit durability.
     *
     * @param url the JDBC URL {@code dataSource} connects with (H2's own metadata leaves its settings out)
     * @throws IllegalStateException if commits would be acknowledged before they are written, saying the fix
     */
    public static void enforce(DataSource dataSource, String url) {
        try (Connection c = dataSource.getConnection()) {
            switch (DatabaseKind.of(c)) {
                case H2 -> enforceH2(c, url);
                case POSTGRES -> checkPostgres(c);
                case OTHER -> LOG.warn("database {}: Redline cannot tell whether a commit is on disk when it returns",
                        c.getMetaData().getDatabaseProductName());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the database's commit durability: " + e.getMessage(), e);
        }
    }

    private static void enforceH2(Connection c, String url) throws SQLException {
        Matcher asked = URL_WRITE_DELAY.matcher(url);
        if (asked.find() && Integer.parseInt(asked.group(1)) != 0) {
            throw new IllegalStateException("database.url sets WRITE_DELAY=" + asked.group(1) + ": H2 would keep "
                    + "commits in memory that long, and a killed process would lose articles already acknowledged. "
                    + "Use WRITE_DELAY=0 or leave it out");
        }
        String before = h2WriteDelay(c);
        if (!"0".equals(before)) {
            // INFO, not WARN: nothing is left for the user to fix, and commands such as evaluate print JSON on
            // the same stream as warnings
            LOG.info("H2 WRITE_DELAY was {} ms: setting it to 0, so that each commit is in the file before Redline "
                    + "answers for it", before);
            try (Statement s = c.createStatement()) {
                s.execute("SET WRITE_DELAY 0");
            } catch (SQLException e) {
                throw new IllegalStateException("H2 WRITE_DELAY is " + before + " ms and could not be set to 0 ("
                        + e.getMessage() + "): add ;WRITE_DELAY=0 to database.url", e);
            }
            String after = h2WriteDelay(c);
            if (!"0".equals(after)) {
                throw new IllegalStateException("H2 WRITE_DELAY is still " + after + " ms after SET WRITE_DELAY 0");
            }
        }
    }

    private static String h2WriteDelay(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            return r.next() ? r.getString(1) : "unknown";
        }
    }

    private static void checkPostgres(Connection c) throws SQLException {
        String synchronousCommit = show(c, "synchronous_commit");
        if ("off".equals(synchronousCommit)) {
            throw new IllegalStateException("PostgreSQL has synchronous_commit=off: a commit returns before it is on "
                    + "disk, so a PostgreSQL crash could lose articles Redline already acknowledged. Turn it on for "
                    + "Redline's connections: ALTER DATABASE <name> SET synchronous_commit = on, or add "
                    + "options=-c%20synchronous_commit=on to database.url");
        }
        if ("off".equals(show(c, "fsync"))) {
            LOG.warn("PostgreSQL has fsync=off: commits survive a crash of Redline or PostgreSQL, but a crash of the "
                    + "machine could lose articles already acknowledged. Set fsync = on in postgresql.conf");
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW " + setting)) {
            return r.next() ? r.getString(1).toLowerCase(Locale.ROOT) : "unknown";
        }
    }
}
