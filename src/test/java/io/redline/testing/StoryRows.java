package io.redline.testing;

import io.redline.cluster.StoryDecision;
import io.redline.store.ArticleStore;
import io.redline.store.Lineage;
import io.redline.store.VersionRow;

import java.util.List;
import java.util.OptionalLong;

/**
 * Versions with a chosen lineage written straight into a store, for stories of several articles whose parents
 * ingest does not record yet. The rows have no index keys, so look-ups never find them.
 */
public final class StoryRows {
    private static final long[] NO_KEYS = new long[0];

    private StoryRows() {
    }

    /** A version published at {@code publishedAt} (epoch ms), received a second later. */
    public static VersionRow row(String articleId, int version, String title, String body, long publishedAt,
                                 Lineage lineage) {
        return new VersionRow(articleId, version, 0, title, body, publishedAt, null, "test", publishedAt + 1000,
                "%064x".formatted(body.hashCode()), "test-lineage", new byte[]{1}, new byte[]{2}, lineage);
    }

    /** Stores {@code row} in {@code story}, or in a new story when it is 0; returns the story. */
    public static long save(ArticleStore store, VersionRow row, long story) {
        StoryDecision decision = new StoryDecision(story == 0 ? OptionalLong.empty() : OptionalLong.of(story), List.of());
        return store.saveVersion(row, NO_KEYS, decision, row.ingestedAt());
    }
}
