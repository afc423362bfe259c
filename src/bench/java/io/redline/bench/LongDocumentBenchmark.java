package io.redline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.diff.ParagraphDiffer;
import io.redline.diff.TextDiff;
import io.redline.index.LshIndex;
import io.redline.match.Classification;
import io.redline.match.Classifier;
import io.redline.match.Comparer;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one long document, single-threaded, from a gen_corpus.py corpus of long texts ({@code longCorpus}, e.g.
 * {@code --min-words 15000 --max-words 25000 --rev-frac 0.7}). One operation is one document.
 *
 * <ul>
 *   <li>{@code byLength}: fingerprint a text of {@code words} words, look it up in a band index holding a revision
 *       of it (every tenth paragraph loses a word, one paragraph is moved) and 2,000 documents of {@code corpus}, and verify
 *       and classify the candidates against their fingerprints (kept, as {@code HeldVersions} holds them). The text is
 *       the paragraphs of the corpus's documents, in order, up to {@code words} words.
 *   <li>{@code diff20k}: the paragraph diff of the first document of at least 18,000 words that is a revision and
 *       its parent.
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LongDocumentBenchmark {
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);
    private static final LshBands BANDS = new LshBands(LshParameters.forThreshold(0.3, 128,
            LshParameters.DEFAULT_TARGET_PROBABILITY));

    /** A text of a given length and its stored revision among other documents. */
    @State(Scope.Benchmark)
    public static class ByLength {
        @Param("")
        public String longCorpus;
        /** Other documents for the index: the first 2,000 of this corpus (gen_corpus.py, unrelated texts). */
        @Param("")
        public String corpus;
        @Param({"500", "1000", "2000", "5000", "10000", "20000", "50000"})
        public int words;

        final Comparer comparer = new Comparer(Comparer.DEFAULT_PARAGRAPH_THRESHOLD);
        final Classifier classifier = Classifier.defaults();
        final LshIndex index = new LshIndex();
        final Map<Integer, Fingerprint> stored = new HashMap<>();
        String text;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            List<JsonNode> docs = read(longCorpus);
            List<String> paragraphs = new ArrayList<>();
            int count = 0;
            for (JsonNode d : docs) {
                for (String p : d.get("body").asText().split("\n\n")) {
                    if (count >= words) {
                        break;
                    }
                    paragraphs.add(p);
                    count += p.split("\\s+").length;
                }
            }
            text = String.join("\n\n", paragraphs);
            List<String> revised = new ArrayList<>(paragraphs);
            for (int i = 0; i < revised.size(); i += 10) {
                revised.set(i, revised.get(i).substring(revised.get(i).indexOf(' ') + 1));
            }
            if (revised.size() > 2) {
                revised.add(revised.remove(1));
            }
            add(String.join("\n\n", revised));
            List<JsonNode> others = read(corpus);
            for (int i = 0; i < Math.min(2_000, others.size()); i++) {
                add(others.get(i).get("body").asText());
            }
            int candidates = index.find(BANDS.allKeys(FINGERPRINTER.fingerprint(text)), 1000, 1).entries().length;
            System.out.printf("%nbyLength %d: %d words in %d paragraphs; index of %d documents; %d candidates%n", words,
                    text.split("\\s+").length, paragraphs.size(), index.lastEntry(), candidates);
        }

        private void add(String body) {
            Fingerprint f = FINGERPRINTER.fingerprint(body);
            int entry = (int) index.lastEntry() + 1;
            index.apply(entry, 0, BANDS.allKeys(f));
            stored.put(entry, new Fingerprint(FINGERPRINTER.paragraphTerms(body), f.shingles(), f.signature(), new long[0]));
        }
    }

    /** A 20,000-word revision and its parent. */
    @State(Scope.Benchmark)
    public static class Pair20k {
        @Param("")
        public String longCorpus;

        String from;
        String to;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            Map<String, String> bodies = new HashMap<>();
            for (JsonNode d : read(longCorpus)) {
                bodies.put(d.get("id").asText(), d.get("body").asText());
            }
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(Path.of(longCorpus.trim()).resolveSibling("truth.jsonl"))) {
                JsonNode t = json.readTree(line);
                String body = bodies.get(t.get("id").asText());
                if (!t.get("parent").isNull() && body.split("\\s+").length >= 18_000) {
                    from = bodies.get(t.get("parent").asText());
                    to = body;
                    break;
                }
            }
            System.out.printf("%ndiff20k: %d → %d words, %d → %d paragraphs%n", from.split("\\s+").length,
                    to.split("\\s+").length, from.split("\n\n").length, to.split("\n\n").length);
        }
    }

    @Benchmark
    public Classification byLength(ByLength s) {
        Fingerprint f = FINGERPRINTER.fingerprint(s.text);
        Classification best = Classification.NEW;
        for (int entry : s.index.find(BANDS.allKeys(f), 1000, 1).entries()) {
            Classification verdict = s.classifier.classify(s.comparer.compare(f, s.stored.get(entry)));
            if (verdict.compareTo(best) < 0) {
                best = verdict;
            }
        }
        return best;
    }

    @Benchmark
    public TextDiff diff20k(Pair20k p) {
        return ParagraphDiffer.diff("", p.from, "", p.to);
    }

    private static List<JsonNode> read(String path) throws IOException {
        if (path.isBlank()) {
            throw new IllegalArgumentException("LongDocumentBenchmark needs -p longCorpus=<gen_corpus.py corpus.jsonl>");
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> docs = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(Path.of(path.trim()), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                docs.add(json.readTree(line));
            }
        }
        return docs;
    }
}
