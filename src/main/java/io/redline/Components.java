package io.redline;

import com.codahale.metrics.MetricRegistry;
import io.redline.detect.Detector;
import io.redline.detect.Reindexer;
import io.redline.diff.DiffOptions;
import io.redline.ingest.Ingestor;
import io.redline.ingest.InputLimits;
import io.redline.read.Catalog;
import io.redline.read.Checker;
import io.redline.read.TimelineCache;
import io.redline.read.VersionHistory;
import io.redline.store.ArticleStore;

import java.time.Clock;

/** The parts of one running Redline, built once and shared by resources and commands. */
public record Components(Detector detector, Ingestor ingestor, Checker checker, Catalog catalog, VersionHistory history,
                         Reindexer reindexer, ArticleStore store) {
    public static Components create(Detector detector, ArticleStore store, InputLimits limits, Clock clock,
                                    MetricRegistry metrics) {
        return create(detector, store, limits, DiffOptions.defaults(), clock, metrics);
    }

    public static Components create(Detector detector, ArticleStore store, InputLimits limits, DiffOptions diff,
                                    Clock clock, MetricRegistry metrics) {
        return create(detector, store, limits, diff, new TimelineCache(TimelineCache.DEFAULT_MAX_BYTES), clock, metrics);
    }

    public static Components create(Detector detector, ArticleStore store, InputLimits limits, DiffOptions diff,
                                    TimelineCache timelines, Clock clock, MetricRegistry metrics) {
        return new Components(detector,
                new Ingestor(detector, store, limits, clock, metrics.timer("redline.ingest")),
                new Checker(detector, store, limits, metrics.timer("redline.check")),
                new Catalog(detector, store, limits),
                new VersionHistory(store, limits, diff, timelines),
                new Reindexer(detector, store),
                store);
    }
}
