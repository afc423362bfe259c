package io.redline.core;

import com.codahale.metrics.MetricRegistry;
import io.redline.diff.DiffOptions;
import io.redline.store.ArticleStore;

import java.time.Clock;

/** The core objects of one running Redline, built once and shared by resources and commands. */
public record Services(Detector detector, Ingestor ingestor, Archive archive, Evolution evolution, Reindexer reindexer) {
    public static Services create(Detector detector, ArticleStore store, InputLimits limits, Clock clock,
                                  MetricRegistry metrics) {
        return create(detector, store, limits, DiffOptions.defaults(), clock, metrics);
    }

    public static Services create(Detector detector, ArticleStore store, InputLimits limits, DiffOptions diff,
                                  Clock clock, MetricRegistry metrics) {
        return new Services(detector,
                new Ingestor(detector, store, limits, clock, metrics.timer("redline.ingest")),
                new Archive(detector, store, limits, metrics.timer("redline.check")),
                new Evolution(store, limits, diff),
                new Reindexer(detector, store));
    }
}
