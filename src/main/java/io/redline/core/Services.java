package io.redline.core;

import com.codahale.metrics.MetricRegistry;
import io.redline.store.ArticleStore;

import java.time.Clock;

/** The core objects of one running Redline, built once and shared by resources and commands. */
public record Services(Detector detector, Ingestor ingestor, Archive archive, Reindexer reindexer) {
    public static Services create(Detector detector, ArticleStore store, InputLimits limits, Clock clock,
                                  MetricRegistry metrics) {
        return new Services(detector,
                new Ingestor(detector, store, limits, clock, metrics.timer("redline.ingest")),
                new Archive(detector, store, limits, metrics.timer("redline.check")),
                new Reindexer(detector, store));
    }
}
