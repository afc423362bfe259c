package io.redline.bench;

import io.redline.diff.ParagraphDiffer;
import io.redline.diff.TextDiff;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Latency of one paragraph diff, {@link ParagraphDiffer#diff} (title and body), single-threaded. One operation is
 * ONE DIFF; JMH's sample-time mode times individual diffs, so the results are latency percentiles (median, p99)
 * in microseconds; {@link BenchMain} prints them in a table after JMH's own output. Not run by default:
 * {@code -Dbench.args=DiffBenchmark}.
 *
 * <ul>
 *   <li>{@code seedPair}: {@code fixtures/seeds.jsonl} seed-07 → seed-08 (two real versions of a Reuters story,
 *       about 850 words and 24 paragraphs each).
 *   <li>{@code generatedPairs}: the next of 200 generated pairs (cycling) of a 1,400–1,600-word article in 25–40
 *       paragraphs and a newsroom revision of it: new lede, 1–3 paragraphs cut, 2–5 reworded (10–30 % of their
 *       words substituted), one split in half the pairs, 1–2 moved, 1–3 inserted ({@link DiffInputs}).
 *   <li>{@code shuffled200}: a 200-paragraph article (about 6,800 words) against a shuffled copy of itself.
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DiffBenchmark {

    /** The seed fixture's pair. */
    @State(Scope.Benchmark)
    public static class Seeds {
        /** JSONL file; empty: the system property {@code seeds}, else fixtures/seeds.jsonl in the working directory. */
        @Param("")
        public String seeds;
        @Param("seed-07")
        public String fromId;
        @Param("seed-08")
        public String toId;

        DiffInputs.Pair pair;

        @Setup(Level.Trial)
        public void setup() {
            pair = DiffInputs.seedPair(seeds, fromId, toId);
            System.out.printf("%nseedPair %s → %s (%s): %s%n", fromId, toId,
                    DiffInputs.seedsPath(seeds).toAbsolutePath(), DiffInputs.describe(pair));
        }
    }

    /** Generated pairs, cycled through. */
    @State(Scope.Thread)
    public static class Generated {
        @Param("200")
        public int pairs;
        @Param("20240612")
        public long pairSeed;

        DiffInputs.Pair[] all;
        int next;

        @Setup(Level.Trial)
        public void setup() {
            all = DiffInputs.generatedPairs(pairs, pairSeed);
            System.out.printf("%ngeneratedPairs: %s%n", DiffInputs.describe(all));
        }

        DiffInputs.Pair next() {
            DiffInputs.Pair p = all[next];
            if (++next == all.length) {
                next = 0;
            }
            return p;
        }
    }

    /** A long article and a shuffled copy of it. */
    @State(Scope.Benchmark)
    public static class Shuffled {
        @Param("200")
        public int paragraphs;

        DiffInputs.Pair pair;

        @Setup(Level.Trial)
        public void setup() {
            pair = DiffInputs.shuffled(paragraphs, DiffInputs.DEFAULT_SEED + 1);
            System.out.printf("%nshuffled200 (%d paragraphs): %s%n", paragraphs, DiffInputs.describe(pair));
        }
    }

    @Benchmark
    public TextDiff seedPair(Seeds s) {
        DiffInputs.Pair p = s.pair;
        return ParagraphDiffer.diff(p.fromTitle(), p.fromBody(), p.toTitle(), p.toBody());
    }

    @Benchmark
    public TextDiff generatedPairs(Generated g) {
        DiffInputs.Pair p = g.next();
        return ParagraphDiffer.diff(p.fromTitle(), p.fromBody(), p.toTitle(), p.toBody());
    }

    @Benchmark
    public TextDiff shuffled200(Shuffled s) {
        DiffInputs.Pair p = s.pair;
        return ParagraphDiffer.diff(p.fromTitle(), p.fromBody(), p.toTitle(), p.toBody());
    }
}
