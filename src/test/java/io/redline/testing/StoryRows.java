package io.redline.testing;

import io.redline.store.StoryPlacement;
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

    /** A short flood report in three paragraphs. */
    public static final String FLOOD_V1 = """
            The river burst its banks on Monday night. Hundreds of homes were flooded in the lower town.

            The mayor said the town hall would open as a shelter. Volunteers brought blankets and food.

            Forecasters expect more rain on Wednesday.""";
    /** An update of {@link #FLOOD_V1} that drops the volunteers and changes the forecast. */
    public static final String FLOOD_V2 = """
            The river burst its banks on Monday night. Hundreds of homes were flooded in the lower town.

            The mayor said the town hall would open as a shelter. The army arrived at dawn with boats.

            Forecasters expect the rain to ease by Thursday.""";
    /** A revision of {@link #FLOOD_V1} that rewrites its first sentence and keeps the rest as it was. */
    public static final String FLOOD_REVISION = """
            The river burst its banks late on Monday. Hundreds of homes were flooded in the lower town.

            The mayor said the town hall would open as a shelter. Volunteers brought blankets and food.

            Forecasters expect more rain on Wednesday.""";

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
        StoryPlacement placement = new StoryPlacement(story == 0 ? OptionalLong.empty() : OptionalLong.of(story), List.of());
        return store.saveVersion(row, NO_KEYS, placement, row.ingestedAt());
    }
}
