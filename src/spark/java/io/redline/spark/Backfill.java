package io.redline.spark;

import io.redline.RedlineConfiguration;
import io.redline.detect.Detector;
import com.codahale.metrics.MetricRegistry;
import io.redline.store.Migrations;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Loads an archive into an empty Redline PostgreSQL database on Apache Spark, deciding every article's story
 * exactly as the service's own one-by-one ingest of the archive in time order would.
 *
 * <ol>
 *   <li>read and check the archive (NDJSON as the bulk endpoint takes it, or Parquet); number the articles in
 *       time order ({@link TimeOrder});</li>
 *   <li>fingerprint every article with the service's {@link Detector} and emit its LSH keys (whole-text bands and
 *       paragraph keys) and its id;</li>
 *   <li>join on those keys: articles that could be candidates of one another (sharing two keys, or one from a
 *       bucket still nearly empty: {@link CandidateLinks}) are linked; linked articles form groups (on the driver,
 *       one int per article) — articles of different groups can never be candidates of one another;</li>
 *   <li>send each group whole to one partition, in time order, where the service's {@code Ingestor} verifies
 *       candidates exactly (Comparer, Classifier), picks representatives, assigns stories and merges them, into
 *       a private in-memory store ({@link GroupIngest}); each partition then copies its rows into PostgreSQL in
 *       one transaction;</li>
 *   <li>set the counters (story, merge, index log) past what was written.</li>
 * </ol>
 *
 * A service started on the database rebuilds its band index from the log at start-up and serves the archive.
 */
public final class Backfill {
    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
    private static final int SHOWN_ERRORS = 10;

    private final SparkSession spark;
    private final JobConfig config;
    private final GroupIngest.Target target;
    private final int partitions;
    private final int countedBucket;

    /**
     * @param config     the service's configuration file: detection and input limits are taken from it, and the
     *                   target database ({@code database.url}, {@code user}, {@code password}), which must be
     *                   PostgreSQL
     * @param partitions partitions for the ingest stage (0: Spark's default parallelism times four)
     */
    public Backfill(SparkSession spark, JobConfig config, int partitions) {
        this(spark, config, partitions, CandidateLinks.DEFAULT_COUNTED_BUCKET);
    }

    /** @param countedBucket see {@link CandidateLinks}: tests make it small to send most keys the other way */
    Backfill(SparkSession spark, JobConfig config, int partitions, int countedBucket) {
        this.spark = spark;
        this.countedBucket = countedBucket;
        this.config = config;
        RedlineConfiguration settings = config.parse();
        String url = settings.getDatabase().getUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the backfill writes to PostgreSQL: database.url must be a "
                    + "jdbc:postgresql: URL, got " + url);
        }
        this.target = new GroupIngest.Target(url, settings.getDatabase().getUser(), settings.getDatabase().getPassword());
        this.partitions = partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism();
    }

    public BackfillReport run(String path, ArchiveReader.Format format) {
        prepareTarget();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<ArchiveReader.Parsed> parsed = ArchiveReader.read(spark, path, format, config)
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        JavaRDD<ArchiveReader.Parsed> refused = parsed.filter(p -> p.error() != null);
        long rejected = refused.count();
        for (ArchiveReader.Parsed p : refused.takeOrdered(SHOWN_ERRORS, new ByLine())) {
            LOG.warn("line {} refused: {}", p.line(), p.error());
        }
        JavaPairRDD<Long, ArchiveArticle> numbered = parsed.filter(p -> p.error() == null)
                .map(ArchiveReader.Parsed::article)
                .sortBy(TimeOrder::of, true, parsed.getNumPartitions())
                .zipWithIndex()
                .mapToPair(Tuple2::swap)
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        long n = numbered.count();
        parsed.unpersist();
        if (n > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("at most " + (Integer.MAX_VALUE - 1) + " articles per run, got " + n);
        }
        int[] labels = groups(numbered, (int) n, config, countedBucket, sc);
        Broadcast<int[]> shared = sc.broadcast(labels);
        JobConfig cfg = config;
        GroupIngest.Target to = target;
        BackfillReport report = numbered
                .repartitionAndSortWithinPartitions(new GroupPartitioner(shared, partitions))
                .mapPartitions(articles -> List.of(GroupIngest.run(articles, cfg, to)).iterator())
                .reduce(BackfillReport::plus);
        numbered.unpersist();
        shared.destroy();
        report = new BackfillReport(report.read(), rejected, report.created(), report.updated(), report.unchanged(),
                report.stories(), report.merges());
        finishCounters(n, report.merges());
        LOG.info("backfill of {}: {}", path, report);
        return report;
    }

    /**
     * Every article's group: articles that could be candidates of one another in a look-up ({@link CandidateLinks}),
     * or that are versions of one article, are linked, transitively. The links are found on the cluster; the
     * groups on the driver, one int per article.
     */
    private static int[] groups(JavaPairRDD<Long, ArchiveArticle> numbered, int n, JobConfig config, int countedBucket,
                                JavaSparkContext sc) {
        JavaPairRDD<Long, Integer> keyed = numbered.mapPartitionsToPair(articles -> {
            Detector detector = config.parse().getDetection().buildDetector(null, new MetricRegistry());
            List<Tuple2<Long, Integer>> out = new ArrayList<>();
            while (articles.hasNext()) {
                Tuple2<Long, ArchiveArticle> a = articles.next();
                int number = (int) (long) a._1();
                long[] keys = detector.bucketKeys(detector.fingerprint(a._2().body()));
                Arrays.sort(keys);
                for (int i = 0; i < keys.length; i++) {
                    if (i == 0 || keys[i] != keys[i - 1]) {
                        out.add(new Tuple2<>(keys[i], number));
                    }
                }
            }
            return out.iterator();
        });
        JavaPairRDD<String, Integer> ids = numbered.mapToPair(a -> new Tuple2<>(a._2().id(), (int) (long) a._1()));
        LinkedGroups groups = new LinkedGroups(n);
        new CandidateLinks(config.parse().getDetection().getWeakBucket(), countedBucket)
                .forEachLink(keyed, ids, sc, link -> groups.link((int) (link >>> 32), (int) link));
        return groups.labels();
    }

    /** Migrates the target and refuses one that holds articles already: the decisions assume an empty store. */
    private void prepareTarget() {
        PGSimpleDataSource ds = dataSource();
        Migrations.migrate(ds);
        try (Connection c = ds.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM articles")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("the target database " + target.url() + " already holds "
                        + rs.getLong(1) + " articles; the backfill loads an empty store");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the target database " + target.url(), e);
        }
    }

    /** Story and index numbers were taken as the article's number plus one; merges are counted. */
    private void finishCounters(long articles, long merges) {
        try (Connection c = dataSource().getConnection();
             PreparedStatement set = c.prepareStatement("UPDATE counters SET next_value = ? WHERE name = ?")) {
            for (Object[] counter : new Object[][]{{"story", articles + 1}, {"lsh", articles + 1}, {"merge", merges + 1}}) {
                set.setLong(1, (Long) counter[1]);
                set.setString(2, (String) counter[0]);
                set.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the counters of " + target.url(), e);
        }
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(target.url());
        ds.setUser(target.user());
        ds.setPassword(target.password());
        return ds;
    }

    private static final class ByLine implements java.util.Comparator<ArchiveReader.Parsed>, java.io.Serializable {
        @Override
        public int compare(ArchiveReader.Parsed a, ArchiveReader.Parsed b) {
            return Long.compare(a.line(), b.line());
        }
    }

    /**
     * {@code spark-submit --class io.redline.spark.Backfill redline-spark.jar CONFIG ARCHIVE [ndjson|parquet]
     * [PARTITIONS]}
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: Backfill CONFIG.yml ARCHIVE [ndjson|parquet] [PARTITIONS]");
            System.exit(2);
        }
        Path configFile = Path.of(args[0]);
        JobConfig config = new JobConfig(configFile.toString(), Files.readString(configFile, StandardCharsets.UTF_8));
        ArchiveReader.Format format = args.length > 2 ? ArchiveReader.Format.valueOf(args[2].toUpperCase(Locale.ROOT))
                : args[1].endsWith(".parquet") ? ArchiveReader.Format.PARQUET : ArchiveReader.Format.NDJSON;
        int partitions = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        SparkSession spark = SparkSession.builder().appName("redline-backfill").getOrCreate();
        try {
            long started = System.nanoTime();
            BackfillReport report = new Backfill(spark, config, partitions).run(args[1], format);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%s in %.1f s (%.0f articles/s)%n", report, seconds, report.read() / seconds);
        } finally {
            spark.stop();
        }
    }
}
