package io.redline.testing;

import io.redline.store.ArticleStore;
import io.redline.store.Lineage;

/**
 * A story of 62 versions written straight into a store: an article ("main") updated 44 times, each update adding
 * a paragraph, and a revision of its 5th version ("branch") updated 16 times, published in between. The page
 * tests open it and the time-line benchmark times it.
 */
public final class LongStory {
    public static final int VERSIONS = 62;
    private static final long MINUTE = 60_000;
    private static final long T0 = 1_700_000_000_000L;

    private LongStory() {
    }

    /** Stores the story; returns its id. */
    public static long save(ArticleStore store) {
        return save(store, "");
    }

    /** Stores a copy of the story whose article ids start with {@code prefix} (ids are unique in a store). */
    public static long save(ArticleStore store, String prefix) {
        String main = prefix + "main";
        String branch = prefix + "branch";
        long story = StoryRows.save(store, StoryRows.row(main, 1, "Levee breaks", body(1), T0, Lineage.NONE), 0);
        for (int v = 2; v <= 45; v++) {
            StoryRows.save(store, StoryRows.row(main, v, "Levee breaks", body(v), T0 + v * MINUTE,
                    new Lineage(main, v - 1, Lineage.UPDATE)), story);
        }
        for (int v = 1; v <= 17; v++) {
            StoryRows.save(store, StoryRows.row(branch, v, "Levee: the wire", body(5) + "\n\nWire update " + v + ".",
                    T0 + (7 + 3 * v) * MINUTE + 1, v == 1 ? new Lineage(main, 5, Lineage.REVISION)
                            : new Lineage(branch, v - 1, Lineage.UPDATE)), story);
        }
        return story;
    }

    /** Version {@code v} of "main": a lede and one paragraph per update so far. */
    public static String body(int v) {
        StringBuilder b = new StringBuilder("The levee broke near the old mill. Water reached the square by noon.");
        for (int k = 2; k <= v; k++) {
            b.append("\n\nUpdate ").append(k).append(" of the levee story, with the river at ").append(k * 7)
                    .append(" centimetres above the mark and more rain to come.");
        }
        return b.toString();
    }
}
