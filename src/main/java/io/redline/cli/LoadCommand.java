package io.redline.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.redline.RedlineConfiguration;
import io.redline.RedlineStartup;
import io.redline.api.BulkLineResult;
import io.redline.core.BulkIngest;
import io.redline.core.Services;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code redline load config.yml FILE...}: stores NDJSON articles straight into the configured database,
 * exactly as {@code POST /articles/bulk} would, and prints a summary.
 */
public class LoadCommand extends ConfiguredCommand<RedlineConfiguration> {
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
        try {
            Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
            Services services = RedlineStartup.open(config, dataSource, jdbi, metrics);
            BulkIngest bulk = new BulkIngest(services.ingestor(), bootstrap.getObjectMapper(),
                    config.buildInputLimits().maxInputBytes());
            Map<String, Integer> outcomes = new TreeMap<>();
            long started = System.nanoTime();
            for (String file : namespace.<String>getList("input")) {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    bulk.ingest(in, result -> {
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
                    total / Math.max(seconds, 1e-9), outcomes, services.archive().stats().stories());
            if (outcomes.containsKey("ERROR")) {
                throw new IllegalStateException(outcomes.get("ERROR") + " lines could not be loaded");
            }
        } finally {
            dataSource.stop();
        }
    }

    private static String outcome(BulkLineResult result) {
        return result.error() != null ? "ERROR" : result.status() + "/" + result.classification();
    }

}
