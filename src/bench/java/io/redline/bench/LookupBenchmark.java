package io.redline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.index.LshIndex;
import io.redline.match.Classification;
import io.redline.match.Classifier;
import io.redline.match.Comparer;
import io.redline.match.Comparison;
import io.redline.minhash.Fingerprint;
import io.redline.minhash.Fingerprinter;
import io.redline.minhash.LshBands;
import io.redline.minhash.LshParameters;
import io.redline.minhash.MinHasher;
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

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * LSH look-up, and look-up plus exact verification, against an in-memory {@link LshIndex} of the first
 * {@code articles} documents of a generated corpus (at most all but the last {@value #QUERIES}); the queries are
 * the {@value #QUERIES} documents that follow them (about 30 % revisions of stored ones, the rest new), cycled. One operation is one query.
 *
 * <p>Verification compares the query with each candidate's fingerprint as the service does after reading it from
 * the database; the database read itself is not included (the HTTP {@code /check} figures include it). Only the
 * candidates' fingerprints are kept, so a million-article index fits in the fork's heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class LookupBenchmark {
    static final int QUERIES = 2_000;
    private static final int BUCKET_CAP = 1000;
    private static final int WEAK_BUCKET = 1;
    private static final int CHUNK = 20_000;

    /** JSONL corpus of at least {@code articles} + {@value #QUERIES} documents (gen_corpus.py output). */
    @Param("")
    public String corpus;
    @Param({"10000", "100000", "1000000"})
    public int articles;

    private final Fingerprinter fingerprinter = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);
    private final LshBands bands = new LshBands(LshParameters.forThreshold(0.3, 128,
            LshParameters.DEFAULT_TARGET_PROBABILITY));
    private final Comparer comparer = new Comparer(Comparer.DEFAULT_PARAGRAPH_THRESHOLD);
    private final Classifier classifier = Classifier.defaults();
    private final LshIndex index = new LshIndex();
    private final Map<Integer, Fingerprint> candidates = new HashMap<>();
    private Fingerprint[] queries;
    private long[][] queryKeys;
    private int next;

    @Setup(Level.Trial)
    public void build() throws IOException {
        if (corpus.isBlank()) {
            throw new IllegalArgumentException("LookupBenchmark needs -Dcorpus=<gen_corpus.py corpus.jsonl>");
        }
        // a corpus of exactly a million documents indexes all but the last 2,000, which are the queries
        try (Stream<String> lines = Files.lines(Path.of(corpus.trim()))) {
            long documents = lines.filter(l -> !l.isBlank()).count();
            articles = (int) Math.min(articles, documents - QUERIES);
        }
        List<String> queryBodies = new ArrayList<>();
        long started = System.nanoTime();
        readBodies((entry, body) -> {
            if (entry > articles) {
                queryBodies.add(body);
            }
        }, this::indexChunk);
        queries = queryBodies.parallelStream().map(fingerprinter::fingerprint).toArray(Fingerprint[]::new);
        queryKeys = new long[queries.length][];
        Set<Integer> needed = new HashSet<>();
        for (int q = 0; q < queries.length; q++) {
            queryKeys[q] = bands.allKeys(queries[q]);
            for (int entry : index.find(queryKeys[q], BUCKET_CAP, WEAK_BUCKET).entries()) {
                needed.add(entry);
            }
        }
        readBodies((entry, body) -> {
            if (needed.contains(entry)) {
                candidates.put(entry, fingerprinter.fingerprint(body));
            }
        }, chunk -> { });
        System.out.printf("%n%,d articles indexed: %,d keys, %,d MB, %.0f bytes per article; %,d queries with %,d "
                        + "candidates in all; built in %.0f s%n", articles, index.size(), index.bytes() >> 20,
                (double) index.bytes() / articles, queries.length, needed.size(), (System.nanoTime() - started) / 1e9);
    }

    /** Feeds entries 1.. of the corpus (stored articles, then queries) and the stored ones in chunks too. */
    private void readBodies(BiConsumer<Integer, String> each, java.util.function.Consumer<List<String>> chunks)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> chunk = new ArrayList<>(CHUNK);
        int entry = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(corpus.trim()), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && entry < articles + QUERIES; line = in.readLine()) {
                String body = json.readTree(line).get("body").asText();
                each.accept(++entry, body);
                if (entry <= articles) {
                    chunk.add(body);
                    if (chunk.size() == CHUNK || entry == articles) {
                        chunks.accept(chunk);
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
            }
        }
        if (entry < articles + QUERIES) {
            throw new IllegalArgumentException(corpus + " has " + entry + " documents; " + (articles + QUERIES) + " needed");
        }
    }

    private void indexChunk(List<String> bodies) {
        long[][] keys = bodies.parallelStream().map(b -> bands.allKeys(fingerprinter.fingerprint(b))).toArray(long[][]::new);
        for (long[] k : keys) {
            index.apply(index.lastEntry() + 1, 0, k);
        }
    }

    /** Candidates of the next query: the in-memory part of a look-up. */
    @Benchmark
    public LshIndex.Hits lookup() {
        return index.find(queryKeys[next++ % QUERIES], BUCKET_CAP, WEAK_BUCKET);
    }

    /** Candidates of the next query, each compared exactly and classified: the verdict of a look-up. */
    @Benchmark
    public Classification lookupAndVerify() {
        int q = next++ % QUERIES;
        Classification best = Classification.NEW;
        for (int entry : index.find(queryKeys[q], BUCKET_CAP, WEAK_BUCKET).entries()) {
            Comparison c = comparer.compare(queries[q], candidates.get(entry));
            Classification verdict = classifier.classify(c);
            if (verdict.compareTo(best) < 0) {
                best = verdict;
            }
        }
        return best;
    }
}
