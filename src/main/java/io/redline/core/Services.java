package io.redline.core;

import io.redline.store.ArticleStore;

import java.time.Clock;

/** The core objects of one running Redline, built once and shared by resources and commands. */
public record Services(Detector detector, Ingestor ingestor, Archive archive, Reindexer reindexer) {
    public static Services create(Detector detector, ArticleStore store, InputLimits limits, Clock clock) {
        return new Services(detector, new Ingestor(detector, store, limits, clock), new Archive(detector, store, limits),
                new Reindexer(detector, store));
    }
}
