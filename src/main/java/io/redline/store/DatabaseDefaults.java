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
 * <p>PostgreSQL, {@code plan_cache_mode=force_generic_plan} (PostgreSQL 12 and later), sent in the driver's
 * {@code options}: a statement the driver has prepared on the server (after five uses) is planned once per
 * connection, not at every call. PostgreSQL's own default plans each call anew while it judges a plan for the
 * actual parameters cheaper, which it did for every look-up Redline makes ({@code = ANY(?)} lists, the index log's
 * {@code LIMIT}): planning cost more than running them, 0.3 ms of the server's CPU per stored article (BENCHMARKS
 * §4(e)). Redline's statements are key look-ups whose best plan does not depend on the key; what it depends on is
 * the tables' size, which {@link GrowthStatistics} keeps current so that a kept plan is remade as the store grows.
 * Example: {@code jdbc:postgresql://db/redline} gets {@code options=-c plan_cache_mode=force_generic_plan}; options
 * configured already get it added unless they set {@code plan_cache_mode}, and a URL with its own {@code options=}
 * is left as it is.
 */
public final class DatabaseDefaults {
    static final String LOB_TIMEOUT = "LOB_TIMEOUT";
    static final String LOB_TIMEOUT_MILLIS = "30000";
    static final String OPTIONS = "options";
    static final String GENERIC_PLANS = "-c plan_cache_mode=force_generic_plan";

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
                properties.put(OPTIONS, GENERIC_PLANS);
            } else if (!options.contains("plan_cache_mode")) {
                properties.put(OPTIONS, options + " " + GENERIC_PLANS);
            }
        }
        return database;
    }
}
