package io.redline.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import io.redline.RedlineConfiguration;
import io.redline.store.H2Compaction;
import net.sourceforge.argparse4j.inf.Namespace;

import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Locale;

/**
 * {@code redline compact config.yml}: rewrites the embedded H2 store with its live data only, which a long bulk
 * load leaves at a fraction of the file (README, Operations). With the server stopped: H2 lets one process open
 * the file. PostgreSQL needs no such step.
 */
public class CompactCommand extends ConfiguredCommand<RedlineConfiguration> {
    public CompactCommand() {
        super("compact", "Rewrite the embedded H2 store with its live data only (the server must be stopped)");
    }

    @Override
    protected void run(Bootstrap<RedlineConfiguration> bootstrap, Namespace namespace, RedlineConfiguration config)
            throws SQLException {
        DataSourceFactory database = config.getDatabase();
        String url = database.getUrl();
        if (H2Compaction.file(url).isEmpty()) {
            throw new IllegalStateException("compact is for the embedded H2 store, and database.url is " + url
                    + ": PostgreSQL reclaims space itself (autovacuum)");
        }
        if (!Files.exists(H2Compaction.file(url).get())) {
            throw new IllegalStateException("there is no H2 store at " + H2Compaction.file(url).get());
        }
        H2Compaction.Sizes sizes;
        try {
            sizes = H2Compaction.compact(url, database.getUser(), database.getPassword());
        } catch (SQLException e) {
            throw StoreInUse.explained(new IllegalStateException("could not compact " + url, e), url,
                    "stop it first; compacting needs the file to itself");
        }
        System.out.printf(Locale.ROOT, "compacted %s: %s -> %s in %.1f s%n", H2Compaction.file(url).orElseThrow(),
                readable(sizes.before()), readable(sizes.after()), sizes.millis() / 1000.0);
    }

    /** Bytes as people read a file's size. */
    static String readable(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return bytes >= 1L << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20))
                : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
}
