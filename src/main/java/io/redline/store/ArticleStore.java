package io.redline.store;

import io.redline.cluster.StoryDecision;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The database behind Redline: reads through {@link RedlineDao}, and every multi-step write as one
 * transaction, so a failure leaves nothing half-written. Thread-safe (Jdbi is).
 */
public final class ArticleStore {
    private final Jdbi jdbi;

    public ArticleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <T> T read(java.util.function.Function<RedlineDao, T> query) {
        return jdbi.withExtension(RedlineDao.class, query::apply);
    }

    /** LSH candidates: article id → number of bands it shares, ignoring buckets fuller than {@code cap}. */
    public Candidates candidates(long[] buckets, int cap) {
        if (buckets.length == 0) {
            return new Candidates(Map.of(), 0);
        }
        List<Long> keys = new ArrayList<>(buckets.length);
        for (long b : buckets) {
            keys.add(b);
        }
        return jdbi.withExtension(RedlineDao.class, dao -> {
            List<Long> usable = new ArrayList<>(keys.size());
            int oversized = 0;
            Map<Long, Integer> sizes = new HashMap<>();
            for (BucketSize s : dao.bucketSizes(keys)) {
                sizes.put(s.bucket(), s.size());
            }
            for (Long key : keys) {
                int size = sizes.getOrDefault(key, 0);
                if (size > cap) {
                    oversized++;
                } else if (size > 0) {
                    usable.add(key);
                }
            }
            Map<String, Integer> hits = new HashMap<>();
            if (!usable.isEmpty()) {
                for (BucketHit hit : dao.bucketHits(usable)) {
                    hits.merge(hit.articleId(), 1, Integer::sum);
                }
            }
            return new Candidates(hits, oversized);
        });
    }

    /** Result of an LSH lookup. */
    public record Candidates(Map<String, Integer> bandHits, int oversizedBuckets) {
    }

    /**
     * Stores a new version of an article and places it in its story, all in one transaction.
     *
     * @param version  the version row; its {@code storyId} is ignored and decided here
     * @param buckets  the LSH bucket keys of the version, replacing those of the article's previous version
     * @return the story the version went into
     */
    public long saveVersion(VersionRow version, long[] buckets, StoryDecision decision, long now) {
        return jdbi.inTransaction(handle -> {
            RedlineDao dao = handle.attach(RedlineDao.class);
            OptionalLong target = decision.target().isPresent() ? current(dao, decision.target().getAsLong())
                    : OptionalLong.empty();
            long storyId;
            if (target.isEmpty()) {
                dao.bumpStoryCounter();
                storyId = dao.lastStoryId();
                dao.insertStory(storyId, now);
            } else {
                storyId = target.getAsLong();
                dao.touchStory(storyId, now);
            }
            for (long story : decision.merged()) {
                OptionalLong merged = current(dao, story);
                if (merged.isPresent() && merged.getAsLong() != storyId) {
                    dao.moveArticles(merged.getAsLong(), storyId);
                    dao.repointMerges(merged.getAsLong(), storyId);
                    dao.insertMerge(new StoryMergeRow(merged.getAsLong(), storyId, version.articleId(), now));
                    dao.deleteStory(merged.getAsLong());
                }
            }
            if (version.version() == 1) {
                dao.insertArticle(new ArticleRow(version.articleId(), storyId, 1, now));
            } else {
                dao.updateArticle(version.articleId(), version.version(), storyId);
            }
            dao.insertVersion(version);
            dao.deleteBuckets(version.articleId());
            dao.insertBuckets(boxed(buckets), version.articleId());
            return storyId;
        });
    }

    /**
     * Where a story is now: itself, or the story it was merged into (another replica may have merged it since
     * the look-up); empty if it was deleted.
     */
    private static OptionalLong current(RedlineDao dao, long storyId) {
        long id = storyId;
        for (int hops = 0; hops < 1000; hops++) {
            if (dao.story(id).isPresent()) {
                return OptionalLong.of(id);
            }
            Optional<Long> into = dao.mergedInto(id);
            if (into.isEmpty()) {
                return OptionalLong.empty();
            }
            id = into.get();
        }
        throw new IllegalStateException("story merges of " + storyId + " form a cycle");
    }

    /** Deletes an article, its versions and its index rows; its story goes too if left empty. */
    public boolean delete(String articleId) {
        return jdbi.inTransaction(handle -> {
            RedlineDao dao = handle.attach(RedlineDao.class);
            Optional<ArticleRow> article = dao.article(articleId);
            if (article.isEmpty()) {
                return false;
            }
            dao.deleteBuckets(articleId);
            dao.deleteVersions(articleId);
            dao.deleteArticle(articleId);
            long story = article.get().storyId();
            if (dao.storyArticleCount(story) == 0) {
                dao.deleteStory(story);
            }
            return true;
        });
    }

    /** Rewrites the fingerprints of re-signed versions and the index rows of those that are latest. */
    public void updateFingerprints(Collection<VersionRow> rows, Map<String, long[]> latestBuckets) {
        jdbi.useTransaction(handle -> {
            RedlineDao dao = handle.attach(RedlineDao.class);
            for (VersionRow row : rows) {
                dao.updateFingerprint(row);
            }
            for (Map.Entry<String, long[]> e : latestBuckets.entrySet()) {
                dao.deleteBuckets(e.getKey());
                dao.insertBuckets(boxed(e.getValue()), e.getKey());
            }
        });
    }

    private static List<Long> boxed(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(v);
        }
        return out;
    }
}
