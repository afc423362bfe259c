package io.redline.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.redline.Components;
import io.redline.RedlineConfiguration;
import io.redline.RedlineStartup;
import io.redline.api.BulkLineResult;
import io.redline.ingest.BulkIngest;
import io.redline.store.H2Compaction;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code redline load config.yml FILE...}: stores NDJSON articles straight into the configured database,
 * exactly as {@code POST /articles/bulk} would, printing progress (rate, share of the input, time left) every
 * ten seconds on standard error and a summary at the end.
 */
public class LoadCommand extends ConfiguredCommand<RedlineConfiguration> {
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    /** Below this share of live data in an H2 file, `load` suggests compacting it. */
    private static final int COMPACT_BELOW_LIVE_PERCENT = 50;

    public LoadCommand() {
        super("load", "Load NDJSON articles ({\"id\", \"title\", \"body\", ...} per line) into the database");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("input").nargs("+").help("NDJSON files to load, in order");
    }

    @Override
    protected void run(Bootstrap<RedlineConfiguration> bootstrap, Namespace namespace, RedlineConfiguration config)
            throws Exception {
        MetricRegistry metrics = new MetricRegistry();
        ManagedDataSource dataSource = config.getDatabase().build(metrics, "load");
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService preparers = Executors.newFixedThreadPool(cores);
        try {
            Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
            Components components = open(config, dataSource, jdbi, metrics);
            BulkIngest bulk = new BulkIngest(components.ingestor(), bootstrap.getObjectMapper(),
                    config.buildInputLimits(), preparers, cores, config.getIngest().buildBatch());
            Map<String, Integer> outcomes = new TreeMap<>();
            long started = System.nanoTime();
            List<String> files = namespace.getList("input");
            long totalBytes = 0;
            for (String file : files) {
                totalBytes += Files.size(Path.of(file));
            }
            Progress progress = new Progress(totalBytes, PROGRESS_INTERVAL, System.err, System::nanoTime);
            for (String file : files) {
                try (InputStream in = progress.count(Files.newInputStream(Path.of(file)))) {
                    bulk.ingestFile(in, result -> {
                        progress.done();
                        outcomes.merge(outcome(result), 1, Integer::sum);
                        if (result.error() != null) {
                            System.err.printf("%s:%d: %s%n", file, result.line(), result.error().message());
                        }
                    });
                }
            }
            int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("loaded %d lines in %.1f s (%.0f/s): %s; %d stories in the store%n", total, seconds,
                    total / Math.max(seconds, 1e-9), outcomes, components.catalog().stats().stories());
            reportStoreFile(config, namespace.getString("file"), jdbi);
            if (outcomes.containsKey("ERROR")) {
                throw new IllegalStateException(outcomes.get("ERROR") + " lines could not be loaded");
            }
        } finally {
            preparers.shutdownNow();
            dataSource.stop();
        }
    }

    /** The store, or a message that says what to do when a running server holds the H2 file. */
    private static Components open(RedlineConfiguration config, ManagedDataSource dataSource, Jdbi jdbi,
                                 MetricRegistry metrics) {
        try {
            return RedlineStartup.open(config, dataSource, jdbi, metrics);
        } catch (RuntimeException e) {
            throw StoreInUse.explained(e, config.getDatabase().getUrl(), "stop it first, or send the file to it with"
                    + " `java -jar target/redline.jar post http://localhost:8080 FILE`");
        }
    }

    /** On H2, the file's size and, when most of it is space H2 has not reclaimed yet, how to reclaim it. */
    private static void reportStoreFile(RedlineConfiguration config, String configFile, Jdbi jdbi) {
        Optional<Path> file = H2Compaction.file(config.getDatabase().getUrl());
        if (file.isEmpty() || !Files.exists(file.get())) {
            return;
        }
        OptionalInt live = jdbi.withHandle(h -> {
            try {
                return H2Compaction.liveShare(h.getConnection());
            } catch (SQLException e) {
                return OptionalInt.empty();
            }
        });
        try {
            String size = CompactCommand.readable(Files.size(file.get()));
            if (live.isPresent() && live.getAsInt() < COMPACT_BELOW_LIVE_PERCENT) {
                System.out.printf("store file %s: %s, %d %% of it live data (H2 reclaims the rest only while idle);"
                        + " `java -jar target/redline.jar compact %s`, with no server running, rewrites it now%n",
                        file.get(), size, live.getAsInt(), configFile);
            } else {
                System.out.printf("store file %s: %s%n", file.get(), size);
            }
        } catch (IOException e) {
            // the size is a courtesy: the load itself is done
        }
    }

    private static String outcome(BulkLineResult result) {
        return result.error() != null ? "ERROR" : result.status() + "/" + result.classification();
    }

}
