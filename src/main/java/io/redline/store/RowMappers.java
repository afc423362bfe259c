package io.redline.store;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Row mappers for the rows every look-up and ingest reads. Written out because Jdbi's constructor mapper
 * inspects the record's constructor again for every result set, which cost more than the queries themselves on
 * the ingest path.
 */
public final class RowMappers {
    private RowMappers() {
    }

    public static final class Versions implements RowMapper<VersionRow> {
        @Override
        public VersionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new VersionRow(rs.getString("article_id"), rs.getInt("version"), rs.getLong("story_id"),
                    rs.getString("title"), rs.getString("body"), nullableLong(rs, "published_at"),
                    rs.getString("url"), rs.getString("source"), rs.getLong("ingested_at"),
                    rs.getString("content_hash"), rs.getString("signature_version"), rs.getBytes("signature"),
                    rs.getBytes("shingles"), new Lineage(rs.getString("parent_article"),
                    nullableInt(rs, "parent_version"), rs.getString("relation")));
        }
    }

    public static final class Articles implements RowMapper<ArticleRow> {
        @Override
        public ArticleRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ArticleRow(rs.getString("id"), rs.getLong("story_id"), rs.getInt("latest_version"),
                    rs.getLong("created_at"));
        }
    }

    public static final class Heads implements RowMapper<VersionHead> {
        @Override
        public VersionHead map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new VersionHead(rs.getString("article_id"), rs.getInt("version"), rs.getLong("story_id"),
                    rs.getString("content_hash"));
        }
    }

    public static final class Candidates implements RowMapper<CandidateRow> {
        @Override
        public CandidateRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CandidateRow(rs.getString("article_id"), rs.getLong("story_id"), rs.getLong("published_at"));
        }
    }

    public static final class Indexed implements RowMapper<IndexedArticle> {
        @Override
        public IndexedArticle map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new IndexedArticle(rs.getLong("seq"), rs.getString("article_id"));
        }
    }

    public static final class LogEntries implements RowMapper<IndexLogRow> {
        @Override
        public IndexLogRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new IndexLogRow(rs.getLong("seq"), nullableLong(rs, "replaces"), rs.getBytes("bucket_keys"));
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
