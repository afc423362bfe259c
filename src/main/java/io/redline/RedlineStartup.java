package io.redline;

import com.codahale.metrics.MetricRegistry;
import io.redline.detect.CandidateIndex;
import io.redline.store.ArticleStore;
import io.redline.store.Durability;
import io.redline.store.H2Files;
import io.redline.store.Migrations;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import javax.sql.DataSource;

/**
 * What the server and the commands do before they use the store: make commits durable (an answer follows its
 * commit, so a commit must be on disk when it returns), migrate, build the components, re-index, load
 * the band index.
 */
public final class RedlineStartup {
    private static final Logger LOG = LoggerFactory.getLogger(RedlineStartup.class);

    private RedlineStartup() {
    }

    public static Components open(RedlineConfiguration config, DataSource dataSource, Jdbi jdbi, MetricRegistry metrics) {
        String url = config.getDatabase().getUrl();
        H2Files.secure(url);
        Durability.enforce(dataSource, url);
        Migrations.migrate(dataSource);
        H2Files.secure(url); // again: a new store's files exist only now
        ArticleStore store = new ArticleStore(jdbi);
        Components components = Components.create(config.getDetection().buildDetector(store, metrics), store,
                config.buildInputLimits(), config.getDiff().build(), config.getDiff().buildTimelineCache(), Clock.systemUTC(), metrics);
        long reindexed = components.reindexer().reindexStale();
        if (reindexed > 0) {
            LOG.info("re-indexed {} stored versions for fingerprint settings {}", reindexed,
                    components.detector().indexVersion());
        }
        long started = System.nanoTime();
        CandidateIndex index = components.detector().index();
        long entries = index.refresh();
        LOG.info("band index loaded: {} articles, {} keys, {} MB of heap, in {} ms", entries, index.keys(),
                index.bytes() >> 20, (System.nanoTime() - started) / 1_000_000);
        return components;
    }
}
