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
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    /** H2's error code for a file that another process has open (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

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
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                    throw new IllegalStateException("the H2 store " + config.getDatabase().getUrl() + " is open in a"
                            + " running Redline: stop it first, or send the file to it with"
                            + " `java -jar target/redline.jar post http://localhost:8080 FILE`", e);
                }
            }
            throw e;
        }
    }

    private static String outcome(BulkLineResult result) {
        return result.error() != null ? "ERROR" : result.status() + "/" + result.classification();
    }

}
