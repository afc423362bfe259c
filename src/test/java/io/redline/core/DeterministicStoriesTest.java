package io.redline.core;

import com.codahale.metrics.MetricRegistry;
import io.redline.DetectionFactory;
import io.redline.api.ArticleRequest;
import io.redline.store.ArticleStore;
import io.redline.testing.NewsCorpusGenerator;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.api.IngestResponse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    /**
     * The bulk path prepares lines ahead against an index that lacks the lines still to commit before them; the
     * commit must make up for it and give exactly what storing the lines one after another gives.
     */
    @Test
    void bulkLinesPreparedAheadInParallelGiveWhatOneByOneGives() throws Exception {
        List<NewsCorpusGenerator.Doc> docs = NewsCorpusGenerator.builder().count(300)
                .rewording(NewsCorpusGenerator.Rewording.HEAVY).revisionFraction(0.4).boilerplate(true).build().generate();
        ObjectMapper json = new ObjectMapper();
        StringBuilder ndjson = new StringBuilder();
        for (NewsCorpusGenerator.Doc d : docs) {
            ndjson.append(json.writeValueAsString(Map.of("id", d.id(), "body", d.body()))).append('\n');
        }
        List<String> oneByOne = new ArrayList<>();
        Services sequential = services(new ArticleStore(TestDatabase.h2().migratedJdbi()));
        for (NewsCorpusGenerator.Doc d : docs) {
            IngestResponse r = sequential.ingestor().ingest(new ArticleRequest(d.id(), null, d.body(), null, null, null));
            oneByOne.add(r.id() + " " + r.status() + " " + r.classification() + " " + r.storyId());
        }

        List<String> bulk = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Services pipelined = services(new ArticleStore(TestDatabase.h2().migratedJdbi()));
            new BulkIngest(pipelined.ingestor(), json, InputLimits.defaults(), pool, 16).ingest(
                    new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)),
                    r -> bulk.add(r.id() + " " + r.status() + " " + r.classification() + " " + r.storyId()));
        } finally {
            pool.shutdownNow();
        }

        assertThat(bulk).isEqualTo(oneByOne);
        assertThat(oneByOne).anyMatch(line -> line.contains("REVISION"));
    }

    private static Services services(ArticleStore store) {
        return Services.create(new DetectionFactory().buildDetector(store, new MetricRegistry()), store,
                InputLimits.defaults(), Clock.systemUTC(), new MetricRegistry());
    }

    private static Map<String, Long> ingest(TestDatabase db, List<NewsCorpusGenerator.Doc> docs) {
        ArticleStore store = new ArticleStore(db.migratedJdbi());
        Services services = services(store);
        Map<String, Long> storyOf = new LinkedHashMap<>();
        for (NewsCorpusGenerator.Doc d : docs) {
            storyOf.put(d.id(), services.ingestor().ingest(new ArticleRequest(d.id(), null, d.body(), null, null, null)).storyId());
        }
        // read back after all merges, not the answers at ingest time
        storyOf.replaceAll((id, s) -> store.read(dao -> dao.article(id)).orElseThrow().storyId());
        return storyOf;
    }
}
