package io.redline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Disk space of an embedded H2 store. H2 writes every commit to new space in its file and moves the pages still
 * live out of old space only while the store is idle, so a long bulk load leaves a file several times its live
 * data (BENCHMARKS §4(b): 49 GB holding 21 % live data after a million articles). {@link #compact} rewrites the
 * file with its live data only, as private as {@link H2Files} keeps it; the store must not be open elsewhere.
 */
public final class H2Compaction {
    private H2Compaction() {
    }

    /** The store file of an embedded H2 URL ({@code path.mv.db}); empty for other databases. */
    public static Optional<Path> file(String url) {
        return H2Files.storeFile(url).map(p -> p.resolveSibling(p.getFileName() + ".mv.db"));
    }

    /** The share of the file's written space that holds live data, in per cent, read on an open H2 connection. */
    public static OptionalInt liveShare(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            return rs.next() ? OptionalInt.of(Integer.parseInt(rs.getString(1))) : OptionalInt.empty();
        }
    }

    /** Rewrites the store at {@code url} with its live data only, then closes it; returns the sizes. */
    public static Sizes compact(String url, String user, String password) throws SQLException {
        Path file = file(url).orElseThrow(() -> new IllegalArgumentException(url + " is not an embedded H2 store"));
        long before = size(file);
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        // the rewritten file is new, made with the process's default permissions
        H2Files.secure(url);
        return new Sizes(before, size(file), (System.nanoTime() - started) / 1_000_000);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the size of " + file, e);
        }
    }

    /** The store file's size before and after, in bytes, and the time taken. */
    public record Sizes(long before, long after, long millis) {
    }
}
