package io.redline.store;

import io.dropwizard.db.DataSourceFactory;

import java.util.Locale;
import java.util.Map;

/**
 * Settings a store gets unless its URL or {@code database.properties} set them otherwise.
 *
 * <p>Embedded H2, {@code LOB_TIMEOUT}: H2 keeps every large value a query returned (a body, an index-log entry)
 * alive in the heap for this long, for a reader that might still open it. Its default of 5 minutes held the whole
 * index log after start-up on a million articles (1,000,000 values, about 120 MB, BENCHMARKS §5(a)) and, under
 * `/check`, every body read in the last 5 minutes. Redline reads each value as its row arrives, so 30 seconds is
 * ample. Example: {@code jdbc:h2:./data/redline} gets {@code LOB_TIMEOUT=30000} as a connection property;
 * {@code jdbc:h2:./data/redline;LOB_TIMEOUT=60000} is left as it is.
 *
 * <p>PostgreSQL, {@code plan_cache_mode=force_custom_plan} (PostgreSQL 12 and later), sent in the driver's
 * {@code options}: every statement is planned for its own parameters and the tables' size at that moment. The
 * driver prepares a statement on the server after a few uses, and PostgreSQL may then keep one generic plan for
 * it; made while the tables were empty, that plan scanned whole tables by the time they held thousands of rows, so
 * a load into a fresh database slowed from 320 to 130 articles a second within a minute (BENCHMARKS §4(c)).
 * Redline's statements are key look-ups, cheap to plan. Example: {@code jdbc:postgresql://db/redline} gets
 * {@code options=-c plan_cache_mode=force_custom_plan}; options configured already get it added unless they set
 * {@code plan_cache_mode}, and a URL with its own {@code options=} is left as it is.
 */
public final class DatabaseDefaults {
    static final String LOB_TIMEOUT = "LOB_TIMEOUT";
    static final String LOB_TIMEOUT_MILLIS = "30000";
    static final String OPTIONS = "options";
    static final String CUSTOM_PLANS = "-c plan_cache_mode=force_custom_plan";

    private DatabaseDefaults() {
    }

    /** Adds the defaults for {@code database}'s kind of store to its connection properties. */
    public static DataSourceFactory apply(DataSourceFactory database) {
        String url = database.getUrl();
        String upper = url.toUpperCase(Locale.ROOT);
        Map<String, String> properties = database.getProperties();
        if (H2Files.storeFile(url).isPresent() && !upper.contains(";" + LOB_TIMEOUT + "=")) {
            properties.putIfAbsent(LOB_TIMEOUT, LOB_TIMEOUT_MILLIS);
        }
        if (url.startsWith("jdbc:postgresql:") && !upper.contains("OPTIONS=")) {
            String options = properties.get(OPTIONS);
            if (options == null || options.isBlank()) {
                properties.put(OPTIONS, CUSTOM_PLANS);
            } else if (!options.contains("plan_cache_mode")) {
                properties.put(OPTIONS, options + " " + CUSTOM_PLANS);
            }
        }
        return database;
    }
}
