package io.redline.store;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * SQL for articles, versions, stories and the LSH index log. Portable between H2 and PostgreSQL.
 * Multi-step writes are composed by {@link ArticleStore} inside one transaction.
 */
@RegisterRowMapper(RowMappers.Articles.class)
@RegisterRowMapper(RowMappers.Versions.class)
@RegisterConstructorMapper(StoryRow.class)
@RegisterConstructorMapper(StoryMergeRow.class)
@RegisterConstructorMapper(StoryArticleRow.class)
@RegisterRowMapper(RowMappers.Heads.class)
public interface RedlineDao extends SqlObject {
    /** The columns of a version row that every variant below reads. */
    String VERSION_METADATA = "v.published_at, v.url, v.source, v.ingested_at, v.content_hash, v.signature_version, ";
    String VERSION_LINEAGE = "v.parent_article, v.parent_version, v.relation";
    /** A version row's columns ({@link RowMappers.Versions}); the variants below leave out the large ones. */
    String VERSION_COLUMNS = "v.article_id, v.version, a.story_id, v.title, v.body, " + VERSION_METADATA
            + "v.signature, v.shingles, " + VERSION_LINEAGE;
    /** {@link #VERSION_COLUMNS} with null for the signature and the shingle set. */
    String TEXT_COLUMNS = "v.article_id, v.version, a.story_id, v.title, v.body, " + VERSION_METADATA
            + "NULL AS signature, NULL AS shingles, " + VERSION_LINEAGE;
    /** {@link #TEXT_COLUMNS} with null for the body too. */
    String LISTING_COLUMNS = "v.article_id, v.version, a.story_id, v.title, NULL AS body, " + VERSION_METADATA
            + "NULL AS signature, NULL AS shingles, " + VERSION_LINEAGE;
    String LATEST = " FROM articles a JOIN article_versions v ON v.article_id = a.id AND v.version = a.latest_version ";
    /** A story's versions in time order: publication time, else ingestion time. */
    String STORY_ORDER = " ORDER BY COALESCE(v.published_at, v.ingested_at), v.ingested_at, v.article_id, v.version";

    /** A look-up's reads, in this handle's transaction. */
    default LookupReads lookups() {
        return new JdbcLookupReads(getHandle().getConnection());
    }

    @SqlQuery("SELECT next_value - 1 FROM counters WHERE name = :name")
    long lastTaken(@Bind("name") String name);

    // --- articles and versions

    /** The newest versions first (by ingestion), of one relation and source when given: the feed. */
    @SqlQuery("SELECT " + VERSION_COLUMNS + " FROM articles a JOIN article_versions v ON v.article_id = a.id "
            + "WHERE (v.relation = :relation OR :anyRelation) AND (v.source = :source OR :anySource) "
            + "ORDER BY v.ingested_at DESC, v.article_id DESC, v.version DESC LIMIT :limit")
    List<VersionRow> newestVersions(@Bind("relation") String relation, @Bind("anyRelation") boolean anyRelation,
                                    @Bind("source") String source, @Bind("anySource") boolean anySource,
                                    @Bind("limit") int limit);

    @SqlQuery("SELECT id, story_id, latest_version, created_at FROM articles WHERE id = :id")
    Optional<ArticleRow> article(@Bind("id") String id);

    @SqlQuery("SELECT " + VERSION_COLUMNS + LATEST + "WHERE a.id = :id")
    Optional<VersionRow> latestVersion(@Bind("id") String id);

    @SqlQuery("SELECT " + VERSION_COLUMNS + " FROM articles a JOIN article_versions v ON v.article_id = a.id "
            + "WHERE a.id = :id AND v.version = :version")
    Optional<VersionRow> version(@Bind("id") String id, @Bind("version") int version);

    /** Every version of an article, oldest first, without signatures and shingle sets (null in the rows). */
    @SqlQuery("SELECT " + TEXT_COLUMNS + " FROM articles a JOIN article_versions v ON v.article_id = a.id "
            + "WHERE a.id = :id ORDER BY v.version")
    List<VersionRow> versions(@Bind("id") String id);

    /**
     * The story's versions in publication order, <b>without their signatures and shingle sets</b> (null in the
     * rows): reading a story (time line, diffs, blame, feeds) never needs them, and they were most of the bytes read.
     */
    @SqlQuery("SELECT " + TEXT_COLUMNS + " FROM articles a JOIN article_versions v ON v.article_id = a.id "
            + "WHERE a.story_id = :storyId" + STORY_ORDER)
    List<VersionRow> storyVersions(@Bind("storyId") long storyId);

    /** As {@link #storyVersions}, without bodies either (null): for listing a story's versions. */
    @SqlQuery("SELECT " + LISTING_COLUMNS + " FROM articles a JOIN article_versions v ON v.article_id = a.id WHERE a.story_id = :storyId" + STORY_ORDER)
    List<VersionRow> storyVersionsWithoutText(@Bind("storyId") long storyId);

    /** Characters of title and body over all the story's versions: what reading them all would load. */
    @SqlQuery("SELECT COALESCE(SUM(LENGTH(v.body) + COALESCE(LENGTH(v.title), 0)), 0) FROM articles a "
            + "JOIN article_versions v ON v.article_id = a.id WHERE a.story_id = :storyId")
    long storyTextChars(@Bind("storyId") long storyId);

    /** Characters of title and body over all the article's versions. */
    @SqlQuery("SELECT COALESCE(SUM(LENGTH(v.body) + COALESCE(LENGTH(v.title), 0)), 0) FROM article_versions v "
            + "WHERE v.article_id = :id")
    long articleTextChars(@Bind("id") String id);

    @SqlUpdate("DELETE FROM article_versions WHERE article_id = :id")
    void deleteVersions(@Bind("id") String id);

    @SqlUpdate("DELETE FROM articles WHERE id = :id")
    int deleteArticle(@Bind("id") String id);

    @SqlQuery("SELECT COUNT(*) FROM articles")
    long countArticles();

    @SqlQuery("SELECT COUNT(*) FROM article_versions")
    long countVersions();

    // --- re-indexing

    @SqlQuery("SELECT COUNT(*) FROM article_versions WHERE signature_version <> :current")
    long countStale(@Bind("current") String currentVersion);

    /**
     * Up to {@code limit} versions fingerprinted under other settings than {@code current}: those of the lowest
     * such setting first, each setting's in (article, version) order. Reads through the index on (setting,
     * article, version) alone: MIN and MAX of its first column find a stale setting without reading any row, so
     * a start-up with nothing stale costs two index look-ups however large the store, where the scan of every
     * version it replaces grew with the store (BENCHMARKS §10(g)).
     */
    default List<VersionRow> staleVersions(String current, int limit) {
        String lowest = lowestSignatureVersion();
        if (lowest == null) {
            return List.of();
        }
        String stale = !lowest.equals(current) ? lowest : highestSignatureVersion();
        return stale.equals(current) ? List.of() : versionsSignedWith(stale, limit);
    }

    @SqlQuery("SELECT MIN(signature_version) FROM article_versions")
    String lowestSignatureVersion();

    @SqlQuery("SELECT MAX(signature_version) FROM article_versions")
    String highestSignatureVersion();

    @SqlQuery("SELECT " + VERSION_COLUMNS + " FROM articles a JOIN article_versions v ON v.article_id = a.id "
            + "WHERE v.signature_version = :version ORDER BY v.signature_version, v.article_id, v.version LIMIT :limit")
    List<VersionRow> versionsSignedWith(@Bind("version") String signatureVersion, @Bind("limit") int limit);

    @SqlUpdate("UPDATE article_versions SET signature_version = :signatureVersion, signature = :signature, "
            + "shingles = :shingles WHERE article_id = :articleId AND version = :version")
    void updateFingerprint(@BindMethods VersionRow row);

    // --- LSH index log

    @SqlQuery("SELECT index_seq FROM articles WHERE id = :id")
    Optional<Long> indexSeq(@Bind("id") String articleId);

    @SqlUpdate("UPDATE articles SET index_seq = :seq WHERE id = :id")
    void setIndexSeq(@Bind("id") String articleId, @Bind("seq") long seq);

    @SqlUpdate("INSERT INTO lsh_log (seq, replaces, bucket_keys) VALUES (:seq, :replaces, :bucketKeys)")
    void insertLog(@Bind("seq") long seq, @Bind("replaces") Long replaces, @Bind("bucketKeys") byte[] bucketKeys);

    // --- stories

    @SqlQuery("SELECT id, created_at, updated_at FROM stories WHERE id = :id")
    Optional<StoryRow> story(@Bind("id") long id);

    @SqlQuery("SELECT id, created_at, updated_at FROM stories ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<StoryRow> stories(@Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT COUNT(*) FROM stories")
    long countStories();

    /**
     * Stories with an article whose id, latest headline or source contains {@code pattern} (a LIKE pattern, lower
     * case; "%" for any), and at least {@code minVersions} versions in all.
     */
    @SqlQuery("SELECT s.id, s.created_at, s.updated_at FROM stories s WHERE s.id IN (SELECT a.story_id" + LATEST
            + "WHERE " + MATCHES + ")" + HAS_VERSIONS + " ORDER BY s.updated_at DESC, s.id DESC LIMIT :limit OFFSET :offset")
    List<StoryRow> searchStories(@Bind("pattern") String pattern, @Bind("minVersions") int minVersions,
                                 @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT COUNT(*) FROM stories s WHERE s.id IN (SELECT a.story_id" + LATEST + "WHERE " + MATCHES + ")"
            + HAS_VERSIONS)
    long countSearchedStories(@Bind("pattern") String pattern, @Bind("minVersions") int minVersions);

    String MATCHES = "(LOWER(v.title) LIKE :pattern ESCAPE '!' OR LOWER(a.id) LIKE :pattern ESCAPE '!'"
            + " OR LOWER(COALESCE(v.source, '')) LIKE :pattern ESCAPE '!')";
    /** Every version of an article is kept, so an article has {@code latest_version} of them. */
    String HAS_VERSIONS = " AND s.id IN (SELECT a2.story_id FROM articles a2 GROUP BY a2.story_id"
            + " HAVING SUM(a2.latest_version) >= :minVersions)";

    @SqlQuery("SELECT a.story_id, a.id AS article_id, a.latest_version, v.title, v.ingested_at, v.published_at" + LATEST
            + "WHERE a.story_id IN (<ids>)")
    List<StoryArticleRow> storyArticles(@BindList("ids") Collection<Long> storyIds);

    @SqlQuery("SELECT COUNT(*) FROM articles WHERE story_id = :id")
    int storyArticleCount(@Bind("id") long storyId);

    @SqlUpdate("UPDATE articles SET story_id = :into WHERE story_id = :from")
    void moveArticles(@Bind("from") long fromStory, @Bind("into") long intoStory);

    @SqlUpdate("DELETE FROM stories WHERE id = :id")
    void deleteStory(@Bind("id") long id);

    @SqlUpdate("INSERT INTO story_merges (merged_id, into_id, article_id, merged_at) VALUES (:mergedId, :intoId, :articleId, :mergedAt)")
    void insertMerge(@BindMethods StoryMergeRow row);

    @SqlQuery("SELECT merged_id, into_id, article_id, merged_at FROM story_merges WHERE into_id = :id ORDER BY merged_at, merged_id")
    List<StoryMergeRow> mergesInto(@Bind("id") long storyId);

    @SqlQuery("SELECT into_id FROM story_merges WHERE merged_id = :id")
    Optional<Long> mergedInto(@Bind("id") long storyId);

    @SqlUpdate("UPDATE story_merges SET into_id = :into WHERE into_id = :from")
    void repointMerges(@Bind("from") long fromStory, @Bind("into") long intoStory);

    /** Every merge recorded, including those into stories deleted since. */
    @SqlQuery("SELECT COUNT(*) FROM story_merges")
    long countStoryMerges();
}
