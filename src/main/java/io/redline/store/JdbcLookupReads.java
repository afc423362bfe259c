package io.redline.store;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@link LookupReads} on one JDBC connection, the caller's (inside its transaction, if any). Lists of ids go as
 * one array parameter ({@code = ANY(?)}, which H2 and PostgreSQL both answer from the index), so each query has
 * one text that the database parses once, whatever the number of ids.
 */
public final class JdbcLookupReads implements LookupReads {
    private static final String ARTICLES = "SELECT id, story_id, latest_version, created_at FROM articles WHERE id = ANY(?)";
    private static final String LATEST_VERSIONS = "SELECT " + RedlineDao.VERSION_COLUMNS + RedlineDao.LATEST + "WHERE a.id = ANY(?)";
    private static final String LATEST_HEADS = "SELECT " + RedlineDao.LISTING_COLUMNS + RedlineDao.LATEST + "WHERE a.id = ANY(?)";
    private static final String CANDIDATES = "SELECT a.id AS article_id, a.story_id, "
            + "COALESCE(v.published_at, v.ingested_at) AS published_at" + RedlineDao.LATEST + "WHERE a.id = ANY(?)";
    private static final String ARTICLES_AT = "SELECT index_seq AS seq, id AS article_id FROM articles "
            + "WHERE index_seq = ANY(?)";
    private static final String LOG_AFTER = "SELECT seq, replaces, bucket_keys FROM lsh_log WHERE seq > ? ORDER BY seq LIMIT ?";
    private static final String LAST_TAKEN = "SELECT next_value - 1 FROM counters WHERE name = ?";

    private final Connection connection;

    public JdbcLookupReads(Connection connection) {
        this.connection = connection;
    }

    @Override
    public List<ArticleRow> articles(Collection<String> ids) {
        return byIds(ARTICLES, "VARCHAR", ids.toArray(), new RowMappers.Articles());
    }

    @Override
    public List<VersionRow> latestVersions(Collection<String> ids) {
        return byIds(LATEST_VERSIONS, "VARCHAR", ids.toArray(), new RowMappers.Versions());
    }

    @Override
    public List<VersionRow> latestHeads(Collection<String> ids) {
        return byIds(LATEST_HEADS, "VARCHAR", ids.toArray(), new RowMappers.Versions());
    }

    @Override
    public List<CandidateRow> candidates(Collection<String> ids) {
        return byIds(CANDIDATES, "VARCHAR", ids.toArray(), new RowMappers.Candidates());
    }

    @Override
    public List<IndexedArticle> articlesAt(Collection<Long> seqs) {
        return byIds(ARTICLES_AT, "BIGINT", seqs.toArray(), new RowMappers.Indexed());
    }

    @Override
    public List<IndexLogRow> logAfter(long after, int limit) {
        try (PreparedStatement statement = connection.prepareStatement(LOG_AFTER)) {
            statement.setLong(1, after);
            statement.setInt(2, limit);
            return rows(statement, new RowMappers.LogEntries());
        } catch (SQLException e) {
            throw failed(LOG_AFTER, e);
        }
    }

    @Override
    public long lastTaken(String counter) {
        try (PreparedStatement statement = connection.prepareStatement(LAST_TAKEN)) {
            statement.setString(1, counter);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no counter named " + counter);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed(LAST_TAKEN, e);
        }
    }

    private <T> List<T> byIds(String sql, String type, Object[] ids, RowMapper<T> mapper) {
        if (ids.length == 0) {
            return List.of();
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf(type, ids);
            try {
                statement.setArray(1, array);
                return rows(statement, mapper);
            } finally {
                array.free();
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** As Jdbi reports a failed statement, so that the same mappers answer an outage with a 503. */
    static UnableToExecuteStatementException failed(String sql, SQLException e) {
        return new UnableToExecuteStatementException("could not run " + sql, e, null);
    }

    private static <T> List<T> rows(PreparedStatement statement, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                out.add(mapper.map(rs, null));
            }
        }
        return out;
    }
}
