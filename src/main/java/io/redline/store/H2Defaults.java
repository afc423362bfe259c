package io.redline.store;

import io.dropwizard.db.DataSourceFactory;

import java.util.Locale;

/**
 * Settings an embedded H2 store gets unless its URL or {@code database.properties} set them otherwise.
 *
 * <p>{@code LOB_TIMEOUT}: H2 keeps every large value a query returned (a body, an index-log entry) alive in the
 * heap for this long, for a reader that might still open it. Its default of 5 minutes held the whole index log
 * after start-up on a million articles (1,000,000 values, about 120 MB, BENCHMARKS §5(a)) and, under `/check`,
 * every body read in the last 5 minutes. Redline reads each value as its row arrives, so 30 seconds is ample.
 * Example: {@code jdbc:h2:./data/redline} gets {@code LOB_TIMEOUT=30000} as a connection property;
 * {@code jdbc:h2:./data/redline;LOB_TIMEOUT=60000} and PostgreSQL URLs are left as they are.
 */
public final class H2Defaults {
    static final String LOB_TIMEOUT = "LOB_TIMEOUT";
    static final String LOB_TIMEOUT_MILLIS = "30000";

    private H2Defaults() {
    }

    /** Adds the defaults to {@code database}'s connection properties when it is an embedded H2 store. */
    public static DataSourceFactory apply(DataSourceFactory database) {
        String url = database.getUrl();
        if (H2Files.storeFile(url).isPresent() && !url.toUpperCase(Locale.ROOT).contains(";" + LOB_TIMEOUT + "=")) {
            database.getProperties().putIfAbsent(LOB_TIMEOUT, LOB_TIMEOUT_MILLIS);
        }
        return database;
    }
}
