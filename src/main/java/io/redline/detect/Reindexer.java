package io.redline.detect;

import io.redline.store.ArticleStore;
import io.redline.store.VersionRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-fingerprints stored versions made under other settings (shingle size, signature length, seed,
 * normaliser, banding), so that a changed setting re-indexes the store instead of comparing signatures
 * that mean different things. Runs at start-up before the service answers.
 */
public final class Reindexer {
    private static final int BATCH = 200;

    private final Detector detector;
    private final ArticleStore store;

    public Reindexer(Detector detector, ArticleStore store) {
        this.detector = detector;
        this.store = store;
    }

    /** @return how many versions were re-fingerprinted */
    public long reindexStale() {
        String current = detector.indexVersion();
        long done = 0;
        while (true) {
            List<VersionRow> stale = store.read(dao -> dao.staleVersions(current, BATCH));
            if (stale.isEmpty()) {
                return done;
            }
            List<VersionRow> updated = new ArrayList<>(stale.size());
            Map<String, long[]> latestBuckets = new HashMap<>();
            for (VersionRow row : stale) {
                updated.add(new VersionRow(row.articleId(), row.version(), row.storyId(), row.title(), row.body(),
                        row.publishedAt(), row.url(), row.source(), row.ingestedAt(), row.contentHash(), current,
                        null, null, row.lineage()));
                boolean latest = store.read(dao -> dao.article(row.articleId()))
                        .map(a -> a.latestVersion() == row.version()).orElse(false);
                if (latest) {
                    latestBuckets.put(row.articleId(), detector.bucketKeys(detector.fingerprint(row.body())));
                }
            }
            store.updateFingerprints(updated, latestBuckets);
            done += updated.size();
        }
    }
}
