package io.redline.ingest;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.Components;
import io.redline.DetectionFactory;
import io.redline.api.ArticleRequest;
import io.redline.api.BulkLineResult;
import io.redline.api.ErrorBodies;
import io.redline.api.IngestResponse;
import io.redline.store.ArticleRow;
import io.redline.store.ArticleStore;
import io.redline.testing.NewsCorpusGenerator;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk lines committed many to a transaction, prepared ahead in parallel, must give line for line what storing
 * them one after another gives: the same versions, statuses, verdicts and stories, on H2 and PostgreSQL, whatever
 * the batch size; and a line that fails inside a batch fails alone.
 */
class BulkBatchesTest {
    private static final ObjectMapper JSON = io.dropwizard.jackson.Jackson.newObjectMapper();

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void batchesGiveWhatOneByOneGives(TestDatabase.Kind kind) throws Exception {
        List<String> lines = corpus();
        List<String> oneByOne = oneByOne(lines, TestDatabase.create(kind), Clock.systemUTC());
        assertThat(oneByOne).anyMatch(r -> r.contains("REVISION")).anyMatch(r -> r.contains("UNCHANGED"))
                .anyMatch(r -> r.contains("UPDATED")).anyMatch(r -> r.contains("error 4"));

        for (BulkIngest.Batch batch : List.of(BulkIngest.Batch.ONE, new BulkIngest.Batch(7, 1 << 20),
                BulkIngest.Batch.DEFAULT, new BulkIngest.Batch(1000, 20_000))) {
            assertThat(bulk(lines, TestDatabase.create(kind), batch, Clock.systemUTC()))
                    .as("batches of %s", batch).isEqualTo(oneByOne);
        }
    }

    /** A line whose work fails after the lines before it in its batch wrote theirs is undone alone. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aLineFailingInsideABatchFailsAloneAndTheOthersAreStored(TestDatabase.Kind kind) throws Exception {
        List<String> lines = corpus().subList(0, 120);
        // the clock is read once per stored article, just before its rows are written: the 50th fails there
        Clock failing = new FailingClock(50);
        List<String> expected = oneByOne(lines, TestDatabase.create(kind), new FailingClock(50));
        assertThat(expected).filteredOn(r -> r.contains("error 500")).hasSize(1);

        TestDatabase db = TestDatabase.create(kind);
        List<String> batched = bulk(lines, db, BulkIngest.Batch.DEFAULT, failing);

        assertThat(batched).isEqualTo(expected);
        String failedId = batched.stream().filter(r -> r.contains("error 500")).findFirst().orElseThrow().split(" ")[1];
        ArticleStore store = new ArticleStore(db.migratedJdbi());
        long stored = batched.stream().filter(r -> r.contains("CREATED")).count();
        long articles = store.read(dao -> dao.countArticles());
        assertThat(articles).isEqualTo(stored);
        if (batched.stream().noneMatch(r -> r.contains(" " + failedId + " ") && !r.contains("error"))) {
            Optional<ArticleRow> failed = store.read(dao -> dao.article(failedId));
            assertThat(failed).isEmpty();
        }
    }

    /**
     * Generated articles with heavy rewrites and shared boilerplate, plus what real bulk files hold: updates of
     * articles under their own id (some a few lines later, inside the same batch), unchanged re-sends, and lines
     * that are refused.
     */
    private static List<String> corpus() throws Exception {
        List<NewsCorpusGenerator.Doc> docs = NewsCorpusGenerator.builder().count(240)
                .rewording(NewsCorpusGenerator.Rewording.HEAVY).revisionFraction(0.4).boilerplate(true).build().generate();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            NewsCorpusGenerator.Doc d = docs.get(i);
            lines.add(line(d.id(), d.body(), i));
            if (i % 17 == 5) {
                lines.add(line(d.id(), d.body() + "\n\nThis story has been updated with a correction.", i));
            }
            if (i % 23 == 7) {
                lines.add(line(docs.get(i / 2).id(), docs.get(i / 2).body(), i / 2));
            }
            if (i % 41 == 3) {
                lines.add("{\"id\": \"broken-" + i + "\", \"body\": ");
                lines.add("{\"id\": \"no-body-" + i + "\"}");
            }
        }
        return lines;
    }

    private static String line(String id, String body, int hour) throws Exception {
        return JSON.writeValueAsString(Map.of("id", id, "body", body,
                "publishedAt", Instant.parse("2026-03-01T00:00:00Z").plusSeconds(3600L * hour).toString()));
    }

    /** Each line parsed and stored on its own, as single requests store them. */
    private static List<String> oneByOne(List<String> lines, TestDatabase db, Clock clock) {
        Components components = components(new ArticleStore(db.migratedJdbi()), clock);
        List<String> results = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            try {
                ArticleRequest request = JSON.readValue(lines.get(i), ArticleRequest.class);
                IngestResponse r = components.ingestor().ingest(request);
                results.add(describe(new BulkLineResult(number, r.id(), r.version(), r.storyId(), r.status(),
                        r.classification(), null)));
            } catch (InvalidInputException e) {
                results.add(number + " error " + ErrorBodies.of(e).code());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                results.add(number + " error 400");
            } catch (RuntimeException e) {
                results.add(number + " " + idOf(lines.get(i)) + " error 500");
            }
        }
        return results;
    }

    private static List<String> bulk(List<String> lines, TestDatabase db, BulkIngest.Batch batch, Clock clock)
            throws Exception {
        Components components = components(new ArticleStore(db.migratedJdbi()), clock);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> results = new ArrayList<>();
        try {
            byte[] ndjson = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            new BulkIngest(components.ingestor(), JSON, InputLimits.defaults(), pool, 2, batch)
                    .ingest(new ByteArrayInputStream(ndjson), r -> results.add(describe(r)));
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private static String describe(BulkLineResult r) {
        if (r.error() != null) {
            return r.error().code() == 500 ? r.line() + " " + r.id() + " error 500" : r.line() + " error " + r.error().code();
        }
        return r.line() + " " + r.id() + " v" + r.version() + " " + r.status() + " " + r.classification() + " story " + r.storyId();
    }

    private static String idOf(String line) {
        try {
            return JSON.readTree(line).get("id").asText();
        } catch (Exception e) {
            return null;
        }
    }

    private static Components components(ArticleStore store, Clock clock) {
        return Components.create(new DetectionFactory().buildDetector(store, new MetricRegistry()), store,
                InputLimits.defaults(), clock, new MetricRegistry());
    }

    /** The system clock, except that its {@code failAt}-th reading throws. */
    private static final class FailingClock extends Clock {
        private final int failAt;
        private final AtomicInteger readings = new AtomicInteger();

        FailingClock(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public long millis() {
            if (readings.incrementAndGet() == failAt) {
                throw new IllegalStateException("clock failed, as a statement might");
            }
            return System.currentTimeMillis();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
