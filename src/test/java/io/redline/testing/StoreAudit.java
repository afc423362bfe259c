package io.redline.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a store holds and whether it is whole, read straight from the tables with JDBC (the server must not be
 * running on an H2 file): every article has its versions 1..latest, a live index-log entry and an existing
 * story; no story is empty; no index entry, merge or counter points at nothing. Example: after a clean ingest
 * of 10 new articles, {@code articles=10, versions=10, problems} all 0.
 *
 * @param problems a count per kind of half-written state; all 0 in a whole store
 */
public record StoreAudit(long articles, long versions, long stories, Map<String, Long> problems) {
    private static final Map<String, String> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("versions without their article", "SELECT COUNT(*) FROM article_versions v "
                + "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = v.article_id)");
        CHECKS.put("articles whose versions are not exactly 1..latest", "SELECT COUNT(*) FROM articles a "
                + "WHERE a.latest_version <> (SELECT COUNT(*) FROM article_versions v WHERE v.article_id = a.id) "
                + "OR a.latest_version <> (SELECT MAX(v.version) FROM article_versions v WHERE v.article_id = a.id)");
        CHECKS.put("articles without a live index-log entry", "SELECT COUNT(*) FROM articles a "
                + "WHERE NOT EXISTS (SELECT 1 FROM lsh_log l WHERE l.seq = a.index_seq AND l.bucket_keys IS NOT NULL)");
        CHECKS.put("live index-log entries of no article", "SELECT COUNT(*) FROM lsh_log l "
                + "WHERE l.bucket_keys IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.index_seq = l.seq)");
        CHECKS.put("articles in a missing story", "SELECT COUNT(*) FROM articles a "
                + "WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)");
        CHECKS.put("stories without articles", "SELECT COUNT(*) FROM stories s "
                + "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)");
        CHECKS.put("merges into a missing story", "SELECT COUNT(*) FROM story_merges m "
                + "WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = m.into_id)");
        CHECKS.put("merged stories still present", "SELECT COUNT(*) FROM story_merges m "
                + "WHERE EXISTS (SELECT 1 FROM stories s WHERE s.id = m.merged_id)");
        CHECKS.put("story numbers the counter has not reached", "SELECT COUNT(*) FROM stories "
                + "WHERE id >= (SELECT next_value FROM counters WHERE name = 'story')");
        CHECKS.put("index-log numbers the counter has not reached", "SELECT COUNT(*) FROM lsh_log "
                + "WHERE seq >= (SELECT next_value FROM counters WHERE name = 'lsh')");
    }

    public static StoreAudit of(TestDatabase db) {
        Map<String, Long> problems = new LinkedHashMap<>();
        StoreAudit audit;
        Connection c = null;
        try {
            c = DriverManager.getConnection(db.url(), db.user(), db.password());
            for (Map.Entry<String, String> check : CHECKS.entrySet()) {
                problems.put(check.getKey(), count(c, check.getValue()));
            }
            audit = new StoreAudit(count(c, "SELECT COUNT(*) FROM articles"),
                    count(c, "SELECT COUNT(*) FROM article_versions"), count(c, "SELECT COUNT(*) FROM stories"),
                    Collections.unmodifiableMap(problems));
        } catch (SQLException e) {
            throw new IllegalStateException("could not audit " + db, e);
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException | RuntimeException | AssertionError e) {
                    // H2 closes the file with its last connection and checks its LOB store then: after a crash
                    // that lost writes it fails there (H2's own assertions are off, as in production: pom.xml)
                    problems.put("store failed to close: " + (e.getCause() != null ? e.getCause() : e), 1L);
                }
            }
        }
        return audit;
    }

    /** Only the kinds of problem found. */
    public Map<String, Long> found() {
        Map<String, Long> found = new LinkedHashMap<>(problems);
        found.values().removeIf(n -> n == 0);
        return found;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
