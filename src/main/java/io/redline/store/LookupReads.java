package io.redline.store;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.Collection;
import java.util.List;

/**
 * The reads of a look-up (index log, candidates, their latest versions, story merges): a small part of
 * {@link RedlineDao}, which extends it. Attaching a SQL Object costs Jdbi work for each of its methods, and a
 * look-up attaches one per text outside a transaction; this interface has 7 methods where {@link RedlineDao} has 45
 * (the attach was about 6 % of the CPU of a {@code load} of 5,000-word texts).
 */
@RegisterRowMapper(RowMappers.Articles.class)
@RegisterRowMapper(RowMappers.Versions.class)
@RegisterRowMapper(RowMappers.LogEntries.class)
@RegisterRowMapper(RowMappers.Indexed.class)
@RegisterRowMapper(RowMappers.Candidates.class)
public interface LookupReads {
    String VERSION_COLUMNS = "v.article_id, v.version, a.story_id, v.title, v.body, v.published_at, v.url, v.source, "
            + "v.ingested_at, v.content_hash, v.signature_version, v.signature, v.shingles, v.parent_article, v.parent_version, "
            + "v.relation";
    /** {@link #VERSION_COLUMNS} with null for the signature and the shingle set. */
    String TEXT_COLUMNS = "v.article_id, v.version, a.story_id, v.title, v.body, v.published_at, v.url, v.source, "
            + "v.ingested_at, v.content_hash, v.signature_version, NULL AS signature, NULL AS shingles, v.parent_article, "
            + "v.parent_version, v.relation";
    String LATEST = " FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.latest_version ";

    @SqlQuery("SELECT id, story_id, latest_version, created_at FROM articles WHERE id IN (<ids>)")
    List<ArticleRow> articles(@BindList("ids") Collection<String> ids);

    @SqlQuery("SELECT " + VERSION_COLUMNS + LATEST + "WHERE a.id IN (<ids>)")
    List<VersionRow> latestVersions(@BindList("ids") Collection<String> ids);

    /** The story and publication time of each article, for choosing which candidates to verify. */
    @SqlQuery("SELECT a.id AS article_id, a.story_id, COALESCE(v.published_at, v.ingested_at) AS published_at" + LATEST
            + "WHERE a.id IN (<ids>)")
    List<CandidateRow> candidates(@BindList("ids") Collection<String> ids);

    @SqlQuery("SELECT index_seq AS seq, id AS article_id FROM articles WHERE index_seq IN (<seqs>)")
    List<IndexedArticle> articlesAt(@BindList("seqs") Collection<Long> seqs);

    @SqlQuery("SELECT seq, replaces, bucket_keys FROM lsh_log WHERE seq > :after ORDER BY seq LIMIT :limit")
    List<IndexLogRow> logAfter(@Bind("after") long after, @Bind("limit") int limit);

    @SqlQuery("SELECT next_value - 1 FROM counters WHERE name = :name")
    long lastTaken(@Bind("name") String name);

    /** Story merges committed so far (see {@code Writes#merges}). */
    default long merges() {
        return lastTaken("merge");
    }
}
