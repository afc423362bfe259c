package io.redline.spark;

import io.redline.testing.TestDatabase;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the backfill in Spark local mode on a generated corpus, into a fresh embedded PostgreSQL:
 * articles per second of wall clock and per CPU-second of this process, and each Spark stage's run time, CPU
 * time and shuffle bytes (the figures the cluster sizing in BENCHMARKS.md multiplies out). Not a test: run with
 * the test class path, e.g.
 * {@code java <add-opens> -cp target/classes:target/test-classes:$(cat target/spark-cp.txt)
 * io.redline.spark.BackfillBench corpus.jsonl local[2] 8}.
 */
public final class BackfillBench {
    private BackfillBench() {
    }

    public static void main(String[] args) throws Exception {
        String corpus = args[0];
        String master = args.length > 1 ? args[1] : "local[2]";
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        TestDatabase db = TestDatabase.postgres();
        String yaml = Files.readString(Path.of("config.yml"))
                .replace("driverClass: org.h2.Driver", "driverClass: org.postgresql.Driver")
                .replaceFirst("url: jdbc:h2:\\S+", "url: " + db.url())
                .replace("user: sa", "user: " + db.user())
                .replace("password: \"\"", "password: \"" + db.password() + "\"");
        SparkSession spark = SparkSession.builder().master(master).appName("redline-backfill-bench")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.local.dir", Path.of("target", "spark-local").toAbsolutePath().toString())
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        List<String> stages = new ArrayList<>();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onStageCompleted(SparkListenerStageCompleted done) {
                StageInfo s = done.stageInfo();
                var m = s.taskMetrics();
                stages.add(String.format(Locale.ROOT,
                        "stage %d %-40s tasks %3d run %7.1f s cpu %7.1f s shuffle write %,12d B read %,12d B",
                        s.stageId(), s.name().replaceAll(" at .*", ""), s.numTasks(), m.executorRunTime() / 1e3,
                        m.executorCpuTime() / 1e9, m.shuffleWriteMetrics().bytesWritten(),
                        m.shuffleReadMetrics().totalBytesRead()));
            }
        });
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        BackfillReport report = new Backfill(spark, new JobConfig("config.yml", yaml), partitions)
                .run(corpus, ArchiveReader.Format.NDJSON);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        spark.stop();
        stages.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%s %s: %s%n  wall %.1f s = %.0f articles/s; process CPU %.1f s = %.0f articles per CPU-second%n",
                master, corpus, report, wall, report.read() / wall, cpu, report.read() / cpu);
        System.exit(0);
    }
}
