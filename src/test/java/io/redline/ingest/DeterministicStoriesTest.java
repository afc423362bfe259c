package io.redline.ingest;

import com.codahale.metrics.MetricRegistry;
import io.redline.Components;
import io.redline.DetectionFactory;
import io.redline.api.ArticleRequest;
import io.redline.store.ArticleStore;
import io.redline.testing.NewsCorpusGenerator;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same articles in the same order give the same story ids, whatever the database or the threads. */
class DeterministicStoriesTest {
    @Test
    void sameIngestOrderGivesSameStoryIdsOnH2AndPostgres() {
        List<NewsCorpusGenerator.Doc> docs = NewsCorpusGenerator.builder().count(300)
                .rewording(NewsCorpusGenerator.Rewording.HEAVY).revisionFraction(0.4).boilerplate(true).build().generate();

        Map<String, Long> first = ingest(TestDatabase.h2(), docs);
        Map<String, Long> second = ingest(TestDatabase.postgres(), docs);

        assertThat(second).isEqualTo(first);
        assertThat(first.values().stream().distinct().count()).isLessThan(docs.size());
    }

    private static Components components(ArticleStore store) {
        return Components.create(new DetectionFactory().buildDetector(store, new MetricRegistry()), store,
                InputLimits.defaults(), Clock.systemUTC(), new MetricRegistry());
    }

    private static Map<String, Long> ingest(TestDatabase db, List<NewsCorpusGenerator.Doc> docs) {
        ArticleStore store = new ArticleStore(db.migratedJdbi());
        Components components = components(store);
        Map<String, Long> storyOf = new LinkedHashMap<>();
        for (NewsCorpusGenerator.Doc d : docs) {
            storyOf.put(d.id(), components.ingestor().ingest(new ArticleRequest(d.id(), null, d.body(), null, null, null)).storyId());
        }
        // read back after all merges, not the answers at ingest time
        storyOf.replaceAll((id, s) -> store.read(dao -> dao.article(id)).orElseThrow().storyId());
        return storyOf;
    }
}
