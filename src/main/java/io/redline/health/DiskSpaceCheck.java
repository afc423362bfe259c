package io.redline.health;

import com.codahale.metrics.health.HealthCheck;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Room left on the disk of an embedded H2 store: red when the usable space falls under the smaller of
 * {@value #DEFAULT_MIN_FREE_MB} MB and {@value #DEFAULT_MIN_FREE_PERCENT} % of the disk, before H2 fails a write.
 * The share keeps a small disk (a test's tmpfs) usable to the end; the fixed floor warns in time on a large one.
 * Example: a 100 GB disk with 50 MB left is red; an 8 MB disk with 1 MB left is green. Thread-safe.
 */
public final class DiskSpaceCheck extends HealthCheck {
    public static final String NAME = "database-disk";
    public static final long DEFAULT_MIN_FREE_MB = 64;
    public static final int DEFAULT_MIN_FREE_PERCENT = 5;

    private final Path directory;

    /** @param directory the folder holding the store's files; it must exist when checked */
    public DiskSpaceCheck(Path directory) {
        this.directory = directory;
    }

    /**
     * The folder of an H2 file store from its JDBC URL, e.g. {@code jdbc:h2:./data/redline;WRITE_DELAY=0} →
     * {@code <working dir>/data}; empty for another database, an in-memory or a server-mode H2.
     */
    public static Optional<Path> h2Directory(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        if (settings >= 0) {
            name = name.substring(0, settings);
        }
        for (String prefix : new String[]{"file:", "nio:", "async:"}) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
            }
        }
        // mem:, tcp:, ssl:, zip:, memFS: ... are not a local folder (a Windows drive letter is)
        int colon = name.indexOf(':');
        if (name.isEmpty() || colon > 1) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.ofNullable(Path.of(name).toAbsolutePath().normalize().getParent());
    }

    @Override
    protected Result check() {
        try {
            FileStore disk = Files.getFileStore(directory);
            long usable = disk.getUsableSpace();
            long total = disk.getTotalSpace();
            long floor = Math.min(DEFAULT_MIN_FREE_MB << 20, total / 100 * DEFAULT_MIN_FREE_PERCENT);
            String state = String.format(Locale.ROOT, "%s: %s free of %s", directory, size(usable), size(total));
            HealthCheck.ResultBuilder result = usable < floor
                    ? Result.builder().unhealthy().withMessage(state + ", under " + size(floor)
                            + ": H2 will soon refuse writes")
                    : Result.builder().healthy().withMessage(state);
            return result.withDetail("usableBytes", usable).withDetail("totalBytes", total).build();
        } catch (IOException | SecurityException e) {
            return Result.unhealthy("cannot read the free space of " + directory + ": " + e.getMessage());
        }
    }

    private static String size(long bytes) {
        return bytes >= 10L << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " kB";
    }
}
