package io.redline.bench;

import io.redline.minhash.Fingerprinter;
import io.redline.minhash.MinHasher;
import io.redline.minhash.Signature;
import io.redline.minhash.SignatureVersion;
import io.redline.text.Boilerplate;
import io.redline.text.Hashes;
import io.redline.text.LongList;
import io.redline.text.Paragraph;
import io.redline.text.Paragraphs;
import io.redline.text.Shingler;
import io.redline.text.TextNormalizer;
import io.redline.text.Tokenizer;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stages of {@code Fingerprinter.fingerprint}, each alone on inputs precomputed at setup, for finding what
 * costs most. One operation is one document, as in {@link PipelineBenchmark}, so the costs per document are
 * 1 / score and roughly add up to the pipeline's. Not run by default: {@code -Dbench.args=StageBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StageBenchmark {
    @Param("")
    public String corpus;
    @Param("0")
    public int docs;

    String[] bodies;
    String[][] paragraphTexts;
    int[][] paragraphIndexes;
    LongList[][] paragraphTokens;
    long[][] shingleArrays;
    Shingler shingler;
    MinHasher minHasher;
    SignatureVersion version;

    @Setup(Level.Trial)
    public void setup() {
        bodies = Corpus.load(corpus, docs);
        shingler = new Shingler(Shingler.DEFAULT_SIZE);
        minHasher = new MinHasher(MinHasher.DEFAULT_LENGTH, MinHasher.DEFAULT_SEED);
        version = new SignatureVersion(Shingler.DEFAULT_SIZE, MinHasher.DEFAULT_LENGTH, MinHasher.DEFAULT_SEED,
                TextNormalizer.VERSION);
        int n = bodies.length;
        paragraphTexts = new String[n][];
        paragraphIndexes = new int[n][];
        paragraphTokens = new LongList[n][];
        shingleArrays = new long[n][];
        for (int d = 0; d < n; d++) {
            List<Paragraph> ps = Paragraphs.split(bodies[d]);
            paragraphTexts[d] = new String[ps.size()];
            paragraphIndexes[d] = new int[ps.size()];
            paragraphTokens[d] = new LongList[ps.size()];
            LongList shingles = new LongList(1024);
            for (int i = 0; i < ps.size(); i++) {
                paragraphTexts[d][i] = ps.get(i).text();
                paragraphIndexes[d][i] = ps.get(i).index();
                LongList tokens = new LongList(64);
                Tokenizer.hashTokens(ps.get(i).text(), tokens);
                paragraphTokens[d][i] = tokens;
                shingler.shingle(tokens, 0, shingles);
            }
            shingleArrays[d] = shingles.toArray();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
        final LongList tokens = new LongList(1024);
        final LongList out = new LongList(2048);
        final LongList pairs = new LongList(1024);

        int next(int n) {
            int d = next;
            if (++next == n) {
                next = 0;
            }
            return d;
        }
    }

    /** Paragraphs.split alone. */
    @Benchmark
    public List<Paragraph> split(Cursor c) {
        return Paragraphs.split(bodies[c.next(bodies.length)]);
    }

    /** Boilerplate.isBoilerplate + contentStart (and the substring) on every paragraph. */
    @Benchmark
    public void boilerplate(Cursor c, Blackhole bh) {
        int d = c.next(bodies.length);
        String[] texts = paragraphTexts[d];
        for (int i = 0; i < texts.length; i++) {
            bh.consume(Boilerplate.isBoilerplate(texts[i], paragraphIndexes[d][i]));
            bh.consume(texts[i].substring(Boilerplate.contentStart(texts[i])));
        }
    }

    /** Tokenizer.hashTokens on every paragraph. */
    @Benchmark
    public int tokenize(Cursor c) {
        String[] texts = paragraphTexts[c.next(bodies.length)];
        int n = 0;
        for (String t : texts) {
            c.tokens.clear();
            n += Tokenizer.hashTokens(t, c.tokens);
        }
        return n;
    }

    /** Shingler.shingle on every paragraph's tokens. */
    @Benchmark
    public int shingle(Cursor c) {
        c.out.clear();
        for (LongList tokens : paragraphTokens[c.next(bodies.length)]) {
            shingler.shingle(tokens, 0, c.out);
        }
        return c.out.size();
    }

    /** The paragraph terms: Fingerprinter.wordPairs run on every paragraph. */
    @Benchmark
    public void bigrams(Cursor c, Blackhole bh) {
        for (LongList tokens : paragraphTokens[c.next(bodies.length)]) {
            bh.consume(Fingerprinter.wordPairs(tokens, c.pairs));
        }
    }

    /** MinHasher.minHashes on the document's shingles, wrapped in a Signature (which clones the array). */
    @Benchmark
    public Signature minhash(Cursor c) {
        long[] all = shingleArrays[c.next(bodies.length)];
        return new Signature(minHasher.minHashes(all, all.length), version);
    }

    /** The sorted distinct shingle set: copy + Hashes.sortedDistinct. */
    @Benchmark
    public long[] sortShingles(Cursor c) {
        return Hashes.sortedDistinct(shingleArrays[c.next(bodies.length)].clone());
    }

    /** The same with {@code Arrays.sort}, as {@code Hashes.sortedDistinct} sorted before its radix sort. */
    @Benchmark
    public long[] sortShinglesBefore(Cursor c) {
        long[] values = shingleArrays[c.next(bodies.length)].clone();
        Arrays.sort(values);
        return Hashes.distinct(values);
    }
}
