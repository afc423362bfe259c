package io.redline.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A progress line for long loads: articles stored, the rate overall and over the last interval, the share of
 * the input read and the time left at the recent rate. Input progress is counted in bytes, so no pass over a
 * multi-gigabyte file is needed to count its lines first. Not thread-safe.
 */
final class Progress {
    private final long totalBytes;
    private final PrintStream out;
    private final LongSupplier clock;
    private final long intervalNanos;
    private final long started;
    private long bytesRead;
    private long items;
    private long lastAt;
    private long lastItems;
    private long lastBytes;

    Progress(long totalBytes, Duration interval, PrintStream out, LongSupplier nanoClock) {
        this.totalBytes = totalBytes;
        this.out = out;
        this.clock = nanoClock;
        this.intervalNanos = interval.toNanos();
        this.started = nanoClock.getAsLong();
        this.lastAt = started;
    }

    /** {@code in}, counting the bytes read from it towards the progress. */
    InputStream count(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                bytesRead += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                bytesRead += Math.max(n, 0);
                return n;
            }
        };
    }

    /** One more item done; prints a line when the interval has passed. */
    void done() {
        items++;
        long now = clock.getAsLong();
        if (now - lastAt >= intervalNanos) {
            out.println(line(now));
            lastAt = now;
            lastItems = items;
            lastBytes = bytesRead;
        }
    }

    String line(long now) {
        double seconds = (now - started) / 1e9;
        double recentSeconds = Math.max((now - lastAt) / 1e9, 1e-9);
        double recentRate = (items - lastItems) / recentSeconds;
        double bytesPerSecond = (bytesRead - lastBytes) / recentSeconds;
        String eta = bytesPerSecond > 0 && totalBytes > bytesRead
                ? format(Duration.ofSeconds((long) ((totalBytes - bytesRead) / bytesPerSecond))) : "-";
        return String.format("%,d articles in %s: %,.0f/s overall, %,.0f/s recently; %.1f %% of the input; ETA %s",
                items, format(Duration.ofSeconds((long) seconds)), items / Math.max(seconds, 1e-9), recentRate,
                totalBytes == 0 ? 100.0 : 100.0 * bytesRead / totalBytes, eta);
    }

    private static String format(Duration d) {
        return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
