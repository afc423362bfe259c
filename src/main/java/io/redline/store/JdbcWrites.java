package io.redline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements every stored article makes, in plain JDBC on the transaction's connection. Through Jdbi's SQL
 * Objects each call also copied the handle's configuration and built its binding, which cost about as much CPU
 * as H2 running the statement (BENCHMARKS §10(f)). Failures are reported as Jdbi reports them
 * ({@link JdbcLookupReads#failed}), so an outage is still answered with a 503. Rare statements (merges, deletes)
 * stay in {@link RedlineDao}.
 */
final class JdbcWrites {
    private static final String LATEST_HEAD = "SELECT v.article_id, v.version, a.story_id, v.content_hash"
            + RedlineDao.LATEST + "WHERE a.id = ?";
    private static final String STORY_COUNT = "SELECT COUNT(*) FROM stories WHERE id = ?";
    private static final String MERGED_INTO = "SELECT into_id FROM story_merges WHERE merged_id = ?";
    private static final String INSERT_STORY = "INSERT INTO stories (id, created_at, updated_at) VALUES (?, ?, ?)";
    private static final String TOUCH_STORY = "UPDATE stories SET updated_at = ? WHERE id = ?";
    private static final String INDEX_SEQ = "SELECT index_seq FROM articles WHERE id = ?";
    private static final String INSERT_LOG = "INSERT INTO lsh_log (seq, replaces, bucket_keys) VALUES (?, ?, ?)";
    private static final String DELETE_LOG = "DELETE FROM lsh_log WHERE seq = ?";
    private static final String INSERT_ARTICLE = "INSERT INTO articles (id, story_id, latest_version, created_at, "
            + "index_seq) VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE_ARTICLE = "UPDATE articles SET latest_version = ?, story_id = ?, index_seq = ? "
            + "WHERE id = ?";
    private static final String INSERT_VERSION = "INSERT INTO article_versions (article_id, version, title, body, "
            + "published_at, url, source, ingested_at, content_hash, signature_version, signature, shingles, "
            + "parent_article, parent_version, relation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BUMP_COUNTER = "UPDATE counters SET next_value = next_value + 1 WHERE name = ?";
    private static final String LAST_TAKEN = "SELECT next_value - 1 FROM counters WHERE name = ?";
    private static final String LOCK_COUNTER = "SELECT next_value FROM counters WHERE name = ? FOR UPDATE";
    private static final String SET_COUNTER = "UPDATE counters SET next_value = ? WHERE name = ?";
    private static final String SUBSCRIPTIONS = "SELECT id, url, secret, kind, story_id, relation, source, created_at "
            + "FROM watch_subscriptions ORDER BY id";

    private final Connection connection;

    JdbcWrites(Connection connection) {
        this.connection = connection;
    }

    Optional<VersionHead> latestHead(String articleId) {
        try (PreparedStatement s = connection.prepareStatement(LATEST_HEAD)) {
            s.setString(1, articleId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new VersionHead(rs.getString(1), rs.getInt(2), rs.getLong(3),
                        rs.getString(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw JdbcLookupReads.failed(LATEST_HEAD, e);
        }
    }

    boolean storyExists(long storyId) {
        return queryLong(STORY_COUNT, storyId).orElse(0L) > 0;
    }

    Optional<Long> mergedInto(long storyId) {
        return queryLong(MERGED_INTO, storyId);
    }

    void insertStory(long id, long at) {
        update(INSERT_STORY, id, at, at);
    }

    /** Sets the story's update time; false if there is no such story. */
    boolean touchStory(long id, long at) {
        return update(TOUCH_STORY, at, id) > 0;
    }

    Optional<Long> indexSeq(String articleId) {
        return queryLong(INDEX_SEQ, articleId);
    }

    void insertLog(long seq, Long replaces, byte[] bucketKeys) {
        update(INSERT_LOG, seq, replaces, bucketKeys);
    }

    void deleteLog(long seq) {
        update(DELETE_LOG, seq);
    }

    void insertArticle(ArticleRow row, long indexSeq) {
        update(INSERT_ARTICLE, row.id(), row.storyId(), row.latestVersion(), row.createdAt(), indexSeq);
    }

    void updateArticle(String id, int version, long storyId, long indexSeq) {
        update(UPDATE_ARTICLE, version, storyId, indexSeq, id);
    }

    void insertVersion(VersionRow v) {
        Lineage l = v.lineage();
        update(INSERT_VERSION, v.articleId(), v.version(), v.title(), v.body(), v.publishedAt(), v.url(), v.source(),
                v.ingestedAt(), v.contentHash(), v.signatureVersion(), v.signature(), v.shingles(), l.parentArticle(),
                l.parentVersion(), l.relation());
    }

    /** Takes the next number of a counter; the row stays locked until the transaction ends. */
    long takeNext(String counter) {
        update(BUMP_COUNTER, counter);
        return lastTaken(counter);
    }

    long lastTaken(String counter) {
        return queryLong(LAST_TAKEN, counter).orElseThrow();
    }

    /** The next number of a counter, locking its row until the transaction ends. */
    long lockCounter(String counter) {
        return queryLong(LOCK_COUNTER, counter).orElseThrow();
    }

    void setCounter(String counter, long next) {
        update(SET_COUNTER, next, counter);
    }

    List<SubscriptionRow> subscriptions() {
        try (PreparedStatement s = connection.prepareStatement(SUBSCRIPTIONS); ResultSet rs = s.executeQuery()) {
            List<SubscriptionRow> out = new ArrayList<>();
            while (rs.next()) {
                long storyId = rs.getLong(5);
                out.add(new SubscriptionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.wasNull() ? null : storyId, rs.getString(6), rs.getString(7), rs.getLong(8)));
            }
            return out;
        } catch (SQLException e) {
            throw JdbcLookupReads.failed(SUBSCRIPTIONS, e);
        }
    }

    private Optional<Long> queryLong(String sql, Object key) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            bind(s, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long value = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(value);
            }
        } catch (SQLException e) {
            throw JdbcLookupReads.failed(sql, e);
        }
    }

    /** @return the rows changed */
    private int update(String sql, Object... values) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            bind(s, values);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw JdbcLookupReads.failed(sql, e);
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            int at = i + 1;
            if (v instanceof String str) {
                s.setString(at, str);
            } else if (v instanceof Long n) {
                s.setLong(at, n);
            } else if (v instanceof Integer n) {
                s.setInt(at, n);
            } else if (v instanceof byte[] bytes) {
                s.setBytes(at, bytes);
            } else if (v == null) {
                s.setObject(at, null);
            } else {
                throw new IllegalArgumentException("cannot bind " + v.getClass());
            }
        }
    }
}
