package io.redline.spark;

import java.io.Serializable;

/**
 * What a backfill did, summed over partitions: articles read, rejected (with the bulk endpoint's checks), stored
 * as new articles, stored as new versions of an earlier id, unchanged repeats, stories left after merges, and merges.
 */
public record BackfillReport(long read, long rejected, long created, long updated, long unchanged, long stories,
                             long merges) implements Serializable {

    static final BackfillReport EMPTY = new BackfillReport(0, 0, 0, 0, 0, 0, 0);

    BackfillReport plus(BackfillReport o) {
        return new BackfillReport(read + o.read, rejected + o.rejected, created + o.created, updated + o.updated,
                unchanged + o.unchanged, stories + o.stories, merges + o.merges);
    }

    @Override
    public String toString() {
        return String.format("read %,d articles (%,d rejected): %,d created, %,d updated, %,d unchanged; %,d stories, %,d merges",
                read, rejected, created, updated, unchanged, stories, merges);
    }
}
