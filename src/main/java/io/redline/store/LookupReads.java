package io.redline.store;

import java.util.Collection;
import java.util.List;

/**
 * The reads of a look-up (index log, candidates, their latest versions, story merges). Implemented in plain JDBC
 * by {@link JdbcLookupReads}: each look-up makes up to six of these small queries, and through Jdbi's SQL Objects
 * the attach and per-statement work cost more CPU than the queries (about a tenth of a {@code load}).
 */
public interface LookupReads {
    List<ArticleRow> articles(Collection<String> ids);

    List<VersionRow> latestVersions(Collection<String> ids);

    /** As {@link #latestVersions} without body, signature and shingles: no large value is read. */
    List<VersionRow> latestHeads(Collection<String> ids);

    /** The story and publication time of each article, for choosing which candidates to verify. */
    List<CandidateRow> candidates(Collection<String> ids);

    /** The articles whose current index entries are {@code seqs}. */
    List<IndexedArticle> articlesAt(Collection<Long> seqs);

    /** Index log entries after {@code after}, in order, at most {@code limit}. */
    List<IndexLogRow> logAfter(long after, int limit);

    /** The last number a counter handed out. */
    long lastTaken(String counter);

    /** Story merges committed so far (see {@code Writes#merges}). */
    default long merges() {
        return lastTaken("merge");
    }
}
