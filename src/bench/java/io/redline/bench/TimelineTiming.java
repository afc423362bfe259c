package io.redline.bench;

import io.redline.diff.DiffOptions;
import io.redline.ingest.InputLimits;
import io.redline.read.TimelineCache;
import io.redline.read.VersionHistory;
import io.redline.store.ArticleStore;
import io.redline.store.VersionRow;
import io.redline.testing.LongStory;
import io.redline.testing.TestDatabase;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CPU time of what the editors' page asks for a story — its time line and the blame of its latest version — on
 * the 62-version story of the page tests ({@link LongStory}) in an embedded H2 store, without and with the
 * {@link TimelineCache}, in one JVM, alternating: {@code before} is the service as it was (nothing kept),
 * {@code after} the service with the default cache once the story has been read. Not JMH: one request's CPU time
 * on this thread ({@code ThreadMXBean}), which another build on the machine barely moves.
 *
 * <pre>mvn -o -q -Pbench test-compile exec:exec -Dbench.args="Timeline [rounds]"</pre>
 */
public final class TimelineTiming {
    private TimelineTiming() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ArticleStore store = new ArticleStore(TestDatabase.h2().migratedJdbi());
        long story = LongStory.save(store);
        VersionHistory before = new VersionHistory(store, InputLimits.defaults(), DiffOptions.defaults(), new TimelineCache(0));
        VersionHistory after = new VersionHistory(store, InputLimits.defaults(), DiffOptions.defaults(),
                new TimelineCache(TimelineCache.DEFAULT_MAX_BYTES));
        if (!before.timeline(story).equals(after.timeline(story))) {
            throw new IllegalStateException("the cached time line differs from the computed one");
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[][] cpu = new long[2][rounds];
        long[][] chainCpu = new long[1][rounds];
        for (int warm = 0; warm < 2; warm++) { // the first pass warms the JIT up and is thrown away
            for (int r = 0; r < rounds; r++) {
                for (int side = 0; side < 2; side++) {
                    VersionHistory h = side == 0 ? before : after;
                    long t = mx.getCurrentThreadCpuTime();
                    // as the two requests of the story page: each reads the chain once
                    h.timeline(story).orElseThrow();
                    List<VersionRow> chain = h.chain(story).orElseThrow();
                    h.blame(story, chain, chain.size());
                    cpu[side][r] = mx.getCurrentThreadCpuTime() - t;
                }
                long t = mx.getCurrentThreadCpuTime();
                before.chain(story).orElseThrow();
                chainCpu[0][r] = mx.getCurrentThreadCpuTime() - t;
            }
        }
        System.out.printf(Locale.ROOT, "time line + blame of a %d-version story, CPU ms per request pair, median of %d"
                        + " (p10-p90):%n  before (nothing kept): %s%n  after (kept):          %s%n"
                        + "  of which reading the chain from the store (once per request): %s%n",
                before.chain(story).orElseThrow().size(), rounds, stats(cpu[0]), stats(cpu[1]), stats(chainCpu[0]));
    }

    private static String stats(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", s[s.length / 2] / 1e6, s[s.length / 10] / 1e6,
                s[s.length * 9 / 10] / 1e6);
    }
}
