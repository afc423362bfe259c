package io.redline.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.testing.NewsCorpusGenerator;
import io.redline.testing.NewsCorpusGenerator.Doc;
import io.redline.testing.NewsCorpusGenerator.Kind;
import io.redline.testing.NewsCorpusGenerator.Rewording;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.apache.spark.sql.SparkSession;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Spark backfill against the service's own ingest of the same archive: a few thousand generated articles
 * (heavy rewrites, templates, shared wire boilerplate, revisions years apart, same-id updates, exact repeats and
 * refused lines), in time order, posted to a running service's bulk endpoint on one PostgreSQL database and
 * loaded by the job in Spark local mode into another. Both databases must hold the same stories, article by
 * article, the same versions and lineage and the same index entries; a service started on the job's database
 * then answers {@code /check} from it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillTest {
    static final int COUNT = 1500;
    static final ObjectMapper JSON = new ObjectMapper();

    Path dir;
    Path archive;
    SparkSession spark;
    TestDatabase served;
    Store byService;

    @BeforeAll
    void ingestThroughTheService() throws IOException {
        dir = Files.createDirectories(Path.of("target", "spark-test"));
        archive = dir.resolve("archive.ndjson");
        Files.write(archive, archiveLines(), StandardCharsets.UTF_8);
        served = TestDatabase.postgres();
        try (RunningRedline redline = new RunningRedline(served)) {
            RunningRedline.Reply bulk = redline.post("/articles/bulk", "application/x-ndjson",
                    Files.readString(archive));
            assertThat(bulk.status()).isEqualTo(200);
        }
        byService = Store.read(served.migratedJdbi());
        quietSpark();
        spark = SparkSession.builder().master("local[2]").appName("redline-backfill-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.local.dir", dir.resolve("local").toAbsolutePath().toString())
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    /** Spark, Hadoop and Liquibase (run once per partition) at WARN: the service's start set everything to INFO. */
    static void quietSpark() {
        for (String name : new String[]{"org.apache.spark", "org.sparkproject", "org.apache.hadoop", "org.apache.parquet",
                "liquibase"}) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name)).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    @AfterAll
    void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void ndjsonGivesTheServicesStoriesArticleByArticleAndIsServed() throws IOException {
        TestDatabase target = TestDatabase.postgres();
        BackfillReport report = new Backfill(spark, config(target), 6).run(archive.toString(), ArchiveReader.Format.NDJSON);

        Store byJob = Store.read(target.migratedJdbi());
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(report.updated()).isPositive();
        assertThat(report.unchanged()).isPositive();
        assertThat(report.merges()).isEqualTo(byService.merges());
        assertSameAsService(byJob);

        try (RunningRedline redline = new RunningRedline(target)) {
            JsonNode stats = redline.get("/stats").json();
            assertThat(stats.toString()).contains("\"articles\":" + byService.storyOf().size());
            int checked = 0;
            for (Map.Entry<String, String> article : byJob.bodies().entrySet()) {
                if (checked++ % 125 != 0) {
                    continue;
                }
                JsonNode check = redline.postJson("/check", Map.of("title", "", "body", article.getValue())).json();
                assertThat(check.get("classification").asText()).as(article.getKey()).isEqualTo("DUPLICATE");
                List<String> ids = new ArrayList<>();
                check.get("matches").forEach(m -> ids.add(m.get("id").asText()));
                assertThat(ids).as(article.getKey()).contains(article.getKey());
                check.get("matches").forEach(m -> assertThat(m.get("storyId").asLong())
                        .isEqualTo(byJob.storyId(m.get("id").asText())));
            }
            // and it goes on ingesting: a new article gets a story number after the archive's
            JsonNode stored = redline.postJson("/articles", Map.of("id", "after-backfill", "title", "New",
                    "body", "A text the archive has never seen.\n\nWith a second paragraph.")).json();
            assertThat(stored.get("storyId").asLong()).isGreaterThan(byJob.maxStory());
        }
        quietSpark();
    }

    @Test
    void parquetWithTheSameFieldsGivesTheSameStories() {
        Path parquet = dir.resolve("archive.parquet");
        spark.read().json(archive.toString())
                .selectExpr("id", "title", "body", "CAST(publishedAt AS TIMESTAMP) AS publishedAt", "url", "source")
                .write().mode("overwrite").parquet(parquet.toString());
        TestDatabase target = TestDatabase.postgres();
        BackfillReport report = new Backfill(spark, config(target), 3).run(parquet.toString(), ArchiveReader.Format.PARQUET);
        assertThat(report.rejected()).isEqualTo(2);
        assertSameAsService(Store.read(target.migratedJdbi()));
    }

    @Test
    void mostKeysCountedThroughPairsOfBigKeysGiveTheSameStories() {
        // buckets of more than 2 articles go through each article's big keys: the other way of counting
        TestDatabase target = TestDatabase.postgres();
        new Backfill(spark, config(target), 4, 2).run(archive.toString(), ArchiveReader.Format.NDJSON);
        assertSameAsService(Store.read(target.migratedJdbi()));
    }

    @Test
    void articlesAreLinkedOnlyWhereALookUpCouldKeepOneForTheOther() {
        // article number -> its keys; ids "a"+number, but 8 and 11 are versions of one article
        Map<Integer, long[]> keys = new TreeMap<>();
        keys.put(0, new long[]{7});      // bucket 7 = [0, 1, 2, 3]: one key; only 1 found it with one entry
        keys.put(1, new long[]{7});
        keys.put(2, new long[]{7});
        keys.put(3, new long[]{7});
        keys.put(4, new long[]{20, 21}); // two keys in common, counted bucket by bucket
        keys.put(5, new long[]{20, 21});
        keys.put(6, new long[]{20, 21});
        keys.put(8, new long[]{30});     // 11 replaces 8 some time: not counted as staying, so 10 is linked too
        keys.put(9, new long[]{30});
        keys.put(10, new long[]{30});
        keys.put(11, new long[]{});
        keys.put(12, new long[]{40, 41}); // 40 is big, 41 counted: one of each
        keys.put(13, new long[]{40, 41});
        keys.put(14, new long[]{40, 41});
        keys.put(15, new long[]{40});
        keys.put(16, new long[]{60, 61}); // both big: a pair of keys in common
        keys.put(17, new long[]{60, 61});
        keys.put(18, new long[]{60, 61});
        keys.put(19, new long[]{60, 61});
        keys.put(22, new long[]{60});
        // more big keys than pairs are made of: their buckets are linked whole, 26 and 27 with them
        long[] many = new long[CandidateLinks.MAX_KEY_PAIRS_FROM + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = 100 + i;
        }
        for (int number : new int[]{24, 28, 29, 30}) {
            keys.put(number, many);
        }
        for (int number : new int[]{25, 26, 27}) {
            keys.put(number, new long[]{100});
        }
        List<scala.Tuple2<Long, Integer>> keyed = new ArrayList<>();
        List<scala.Tuple2<String, Integer>> ids = new ArrayList<>();
        keys.forEach((number, ks) -> {
            for (long k : ks) {
                keyed.add(new scala.Tuple2<>(k, number));
            }
            ids.add(new scala.Tuple2<>(number == 11 ? "a8" : "a" + number, number));
        });
        var sc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
        LinkedGroups groups = new LinkedGroups(31);
        new CandidateLinks(1, 3).forEachLink(sc.parallelizePairs(keyed, 3), sc.parallelizePairs(ids, 3), sc,
                link -> groups.link((int) (link >>> 32), (int) link));
        Map<Integer, Set<Integer>> byGroup = new TreeMap<>();
        for (int number : keys.keySet()) {
            byGroup.computeIfAbsent(groups.root(number), g -> new TreeSet<>()).add(number);
        }
        assertThat(byGroup.values()).containsExactlyInAnyOrder(Set.of(0, 1), Set.of(2), Set.of(3), Set.of(4, 5, 6),
                Set.of(8, 9, 10, 11), Set.of(12, 13, 14), Set.of(15), Set.of(16, 17, 18, 19), Set.of(22),
                Set.of(24, 25, 26, 27, 28, 29, 30));
    }

    @Test
    void aDatabaseHoldingArticlesIsRefused() {
        assertThatThrownBy(() -> new Backfill(spark, config(served), 2).run(archive.toString(), ArchiveReader.Format.NDJSON))
                .hasMessageContaining("already holds");
    }

    @Test
    void aTargetOtherThanPostgresIsRefused() {
        assertThatThrownBy(() -> new Backfill(spark, config(TestDatabase.h2()), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    }

    private void assertSameAsService(Store byJob) {
        assertThat(byJob.partition()).isEqualTo(byService.partition());
        assertThat(byJob.versions()).isEqualTo(byService.versions());
        assertThat(byJob.indexKeys()).isEqualTo(byService.indexKeys());
        assertThat(byJob.storyCount()).isEqualTo(byService.storyCount());
    }

    /** The project's config.yml, pointed at {@code db}. */
    private static JobConfig config(TestDatabase db) {
        try {
            String yaml = Files.readString(Path.of("config.yml"))
                    .replace("driverClass: org.h2.Driver", "driverClass: " + db.driverClass())
                    .replaceFirst("url: jdbc:h2:\\S+", "url: " + db.url())
                    .replace("user: sa", "user: " + db.user())
                    .replace("password: \"\"", "password: \"" + db.password() + "\"");
            return new JobConfig("config.yml", yaml);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The generated corpus in time order, six hours apart (so a revision may come weeks after its source: the
     * service's time-gap rule), with every eighth revision sent as a new version of its parent's id, a few exact
     * repeats, and two lines the bulk endpoint refuses.
     */
    private static List<String> archiveLines() throws IOException {
        List<Doc> docs = NewsCorpusGenerator.builder().count(COUNT).rewording(Rewording.HEAVY)
                .revisionFraction(0.3).templateFraction(0.1).boilerplate(true).build().generate();
        Instant start = Instant.parse("2021-03-01T06:00:00Z");
        List<String> lines = new ArrayList<>();
        int revisions = 0;
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            String id = d.kind() == Kind.REVISION && revisions++ % 8 == 0 ? d.parent() : d.id();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", id);
            line.put("title", "Report " + d.id());
            line.put("body", d.body());
            line.put("publishedAt", start.plus(Duration.ofHours(6L * i)).toString());
            line.put("url", "https://news.example/" + d.id());
            line.put("source", "wire");
            lines.add(JSON.writeValueAsString(line));
            if (i % 400 == 399) {
                lines.add(lines.get(lines.size() - 2)); // the article before, again: unchanged
            }
            if (i == 700) {
                lines.add("{\"id\": \"broken\", \"title\": \"x\"");
                lines.add(JSON.writeValueAsString(Map.of("id", "no body", "title", "x", "body", "")));
            }
        }
        return lines;
    }

    /** What a store holds, in terms that do not depend on story numbers. */
    record Store(Map<String, Long> storyOf, Map<String, String> bodies, Set<String> versions,
                 Map<String, String> indexKeys, long storyCount, long merges) {

        static Store read(Jdbi jdbi) {
            return jdbi.withHandle(h -> {
                Map<String, Long> storyOf = new TreeMap<>();
                h.createQuery("SELECT id, story_id FROM articles").map((rs, ctx) -> {
                    storyOf.put(rs.getString(1), rs.getLong(2));
                    return null;
                }).list();
                Map<String, String> bodies = new TreeMap<>();
                h.createQuery("SELECT v.article_id, v.body FROM article_versions v JOIN articles a "
                        + "ON a.id = v.article_id AND a.latest_version = v.version").map((rs, ctx) -> {
                    bodies.put(rs.getString(1), rs.getString(2));
                    return null;
                }).list();
                Set<String> versions = new TreeSet<>(h.createQuery("SELECT article_id || '/' || version || ' <- ' "
                        + "|| COALESCE(parent_article, '-') || '/' || COALESCE(CAST(parent_version AS VARCHAR), '-') "
                        + "|| ' ' || COALESCE(relation, '-') || ' ' || content_hash FROM article_versions")
                        .mapTo(String.class).list());
                Map<String, String> keys = new TreeMap<>();
                h.createQuery("SELECT a.id, l.bucket_keys FROM articles a JOIN lsh_log l ON l.seq = a.index_seq")
                        .map((rs, ctx) -> {
                            keys.put(rs.getString(1), java.util.HexFormat.of().formatHex(rs.getBytes(2)));
                            return null;
                        }).list();
                long stories = h.createQuery("SELECT COUNT(*) FROM stories").mapTo(Long.class).one();
                long merges = h.createQuery("SELECT COUNT(*) FROM story_merges").mapTo(Long.class).one();
                return new Store(storyOf, bodies, versions, keys, stories, merges);
            });
        }

        long storyId(String article) {
            return storyOf.get(article);
        }

        long maxStory() {
            return storyOf.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        /** The stories as sets of article ids: equal partitions, whatever the numbers. */
        Set<Set<String>> partition() {
            Map<Long, Set<String>> groups = new TreeMap<>();
            storyOf.forEach((article, story) -> groups.computeIfAbsent(story, s -> new TreeSet<>()).add(article));
            return new HashSet<>(groups.values());
        }
    }
}
