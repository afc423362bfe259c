package io.redline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.detect.Representatives;
import io.redline.detect.HeldVersions;
import io.redline.index.LshIndex;
import io.redline.match.Classification;
import io.redline.match.Classifier;
import io.redline.match.Comparer;
import io.redline.minhash.Fingerprint;
import io.redline.minhash.Fingerprinter;
import io.redline.minhash.LshBands;
import io.redline.minhash.LshParameters;
import io.redline.minhash.MinHasher;
import io.redline.store.CandidateRow;
import io.redline.store.VersionRow;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Look-up and verification of long texts against a store of {@code articles} short ones plus the stored versions
 * of the long ones: the band index holds the first {@code articles} documents of {@code corpus} (gen_corpus.py,
 * ~600 words) and every document of {@code longCorpus} (gen_corpus.py {@code --min-words 4000 --max-words 6000
 * --rev-frac 0.7}) but its last {@value #QUERIES}, which are the queries (about 70 % revisions, often of stories
 * with dozens of stored versions), cycled. One operation is one query.
 *
 * <ul>
 *   <li>{@code lookupAndVerify}: what the service does now — candidates, at most the {@link Representatives} of
 *       each story verified (stories and publication order from the corpora's truth files and line numbers);
 *   <li>{@code lookupAndVerifyAll}: every candidate verified, as before.
 * </ul>
 * Candidates' fingerprints are made in set-up and held in a {@link HeldVersions}, as the service holds
 * them (with their word-pair index, built by the first comparison); the database read is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class LongLookupBenchmark {
    static final int QUERIES = 100;
    private static final int BUCKET_CAP = 1000;
    private static final int WEAK_BUCKET = 1;

    @Param("")
    public String corpus;
    @Param("")
    public String longCorpus;
    @Param("100000")
    public int articles;

    private final Fingerprinter fingerprinter = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);
    private final LshBands bands = new LshBands(LshParameters.forThreshold(0.3, 128,
            LshParameters.DEFAULT_TARGET_PROBABILITY));
    private final Comparer comparer = new Comparer(Comparer.DEFAULT_PARAGRAPH_THRESHOLD);
    private final Classifier classifier = Classifier.defaults();
    private final Representatives representatives = Representatives.defaults();
    private final LshIndex index = new LshIndex();
    /** Unbounded here: every candidate's terms (and word-pair index) held, as for recent versions in the service. */
    private final HeldVersions heldVersions = new HeldVersions(Long.MAX_VALUE);
    /** Index entry → stored document: its fingerprint (only for entries some query finds), story and order. */
    private final Map<Integer, Fingerprint> fingerprints = new HashMap<>();
    private final List<CandidateRow> rows = new ArrayList<>();
    private Fingerprint[] queries;
    private long[][] queryKeys;
    private int next;

    @Setup(Level.Trial)
    public void build() throws IOException {
        List<Doc> background = read(corpus, articles);
        List<Doc> longDocs = read(longCorpus, Integer.MAX_VALUE);
        List<Doc> stored = new ArrayList<>(background);
        stored.addAll(longDocs.subList(0, longDocs.size() - QUERIES));
        List<Doc> asked = longDocs.subList(longDocs.size() - QUERIES, longDocs.size());
        for (int from = 0; from < stored.size(); from += 20_000) {
            List<Doc> chunk = stored.subList(from, Math.min(stored.size(), from + 20_000));
            long[][] keys = chunk.parallelStream().map(d -> bands.allKeys(fingerprinter.fingerprint(d.body)))
                    .toArray(long[][]::new);
            for (int i = 0; i < keys.length; i++) {
                int entry = (int) index.lastEntry() + 1;
                index.apply(entry, 0, keys[i]);
                Doc d = chunk.get(i);
                rows.add(new CandidateRow(d.id, d.story, from + i));
            }
        }
        queries = asked.parallelStream().map(d -> fingerprinter.fingerprint(d.body)).toArray(Fingerprint[]::new);
        queryKeys = new long[QUERIES][];
        long candidates = 0;
        for (int q = 0; q < QUERIES; q++) {
            queryKeys[q] = bands.allKeys(queries[q]);
            for (int entry : index.find(queryKeys[q], BUCKET_CAP, WEAK_BUCKET).entries()) {
                fingerprints.computeIfAbsent(entry, e -> kept(stored.get(e - 1)));
                candidates++;
            }
        }
        System.out.printf("%n%,d short and %,d long articles indexed: %,d keys; %d long queries, %.1f candidates each;"
                        + " %,d candidates held, %,d units%n", background.size(), longDocs.size() - QUERIES,
                index.size(), QUERIES, (double) candidates / QUERIES, heldVersions.size(), heldVersions.units());
    }

    /** A stored document's fingerprint as the service verifies against it: paragraph terms from {@link HeldVersions}. */
    private Fingerprint kept(Doc d) {
        Fingerprint f = fingerprinter.fingerprint(d.body);
        VersionRow row = new VersionRow(d.id, 1, d.story, "", d.body, null, null, null, 0, "", "", new byte[0],
                new byte[0], null);
        heldVersions.keep(row, f);
        return heldVersions.fingerprint(row, r -> {
            throw new IllegalStateException("just kept");
        });
    }

    private record Doc(String id, long story, String body) {
    }

    /** Up to {@code limit} documents of a corpus, each in the story of its truth cluster (numbered apart per file). */
    private static List<Doc> read(String path, int limit) throws IOException {
        Path file = Path.of(path.trim());
        ObjectMapper json = new ObjectMapper();
        long prefix = (file.toAbsolutePath().toString().hashCode() & 0xFFFFL) << 40;
        Map<String, Long> storyOf = new HashMap<>();
        Map<String, Long> stories = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file.resolveSibling("truth.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode t = json.readTree(line);
                long story = stories.computeIfAbsent(t.get("cluster").asText(), c -> prefix | (stories.size() + 1L));
                storyOf.put(t.get("id").asText(), story);
            }
        }
        List<Doc> docs = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && docs.size() < limit; line = in.readLine()) {
                JsonNode d = json.readTree(line);
                String id = d.get("id").asText();
                docs.add(new Doc(prefix + "-" + id, storyOf.get(id), d.get("body").asText()));
            }
        }
        return docs;
    }

    /** Candidates of the next query, the representatives of their stories verified and classified. */
    @Benchmark
    public Classification lookupAndVerify() {
        int q = next++ % QUERIES;
        LshIndex.Hits hits = index.find(queryKeys[q], BUCKET_CAP, WEAK_BUCKET).strongest(representatives.considered());
        Map<String, Integer> keys = new HashMap<>();
        Map<String, Integer> entryOf = new HashMap<>();
        List<CandidateRow> found = new ArrayList<>();
        for (int i = 0; i < hits.entries().length; i++) {
            CandidateRow row = rows.get(hits.entries()[i] - 1);
            keys.put(row.articleId(), hits.sharedKeys()[i]);
            entryOf.put(row.articleId(), hits.entries()[i]);
            found.add(row);
        }
        Classification best = Classification.NEW;
        for (String id : representatives.choose(keys, found)) {
            Classification verdict = classifier.classify(comparer.compare(queries[q], fingerprints.get(entryOf.get(id))));
            if (verdict.compareTo(best) < 0) {
                best = verdict;
            }
        }
        return best;
    }

    /** Candidates of the next query, every one verified and classified. */
    @Benchmark
    public Classification lookupAndVerifyAll() {
        int q = next++ % QUERIES;
        Classification best = Classification.NEW;
        for (int entry : index.find(queryKeys[q], BUCKET_CAP, WEAK_BUCKET).entries()) {
            Classification verdict = classifier.classify(comparer.compare(queries[q], fingerprints.get(entry)));
            if (verdict.compareTo(best) < 0) {
                best = verdict;
            }
        }
        return best;
    }
}
