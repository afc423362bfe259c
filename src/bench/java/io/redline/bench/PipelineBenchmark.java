package io.redline.bench;

import io.redline.minhash.Fingerprint;
import io.redline.minhash.Fingerprinter;
import io.redline.minhash.MinHasher;
import io.redline.minhash.Signature;
import io.redline.minhash.SignatureVersion;
import io.redline.text.Boilerplate;
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

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Single-threaded throughput of the text → fingerprint pipeline. One operation is ONE DOCUMENT (the next body of
 * the corpus, cycling), so JMH's ops/s are docs/s; {@link BenchMain} also prints the medians, MB/s and ratios.
 *
 * <ul>
 *   <li>{@code floor}: Paragraphs.split + Tokenizer.hashTokens + Shingler.shingle per paragraph, i.e. tokenise and
 *       one 64-bit hash per shingle on Redline's own code path, without boilerplate detection, MinHash or sorting.
 *   <li>{@code signature}: {@link Fingerprinter#sign}, the public text → Signature call.
 *   <li>{@code signatureBefore}, {@code fingerprintBefore}: the same two calls as they were at commit 02ebe6f
 *       ({@link BaselineFingerprinter}), so that a change is measured against them in one run; same output, checked
 *       at setup.
 *   <li>{@code signatureLean}: the leanest path to the same Signature from public parts: floor + Boilerplate
 *       (so the output equals {@code sign}'s; checked at setup) + {@link MinHasher#minHashes}. What {@code sign}
 *       could cost if it skipped the paragraph terms and the sorted set.
 *   <li>{@code fingerprint}: {@link Fingerprinter#fingerprint}: paragraph terms, sorted shingle set, signature.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineBenchmark {
    /** JSONL file of bodies ({@code gen_corpus.py} output); empty: the built-in generator. */
    @Param("")
    public String corpus;
    /** Documents: generated count (0 = 2,000), or the first N of the file (0 = all). */
    @Param("0")
    public int docs;
    @Param("3")
    public int shingleSize;
    @Param("128")
    public int signatureLength;

    String[] bodies;
    Fingerprinter fingerprinter;
    BaselineFingerprinter before;
    Shingler shingler;
    MinHasher minHasher;
    SignatureVersion version;

    @Setup(Level.Trial)
    public void setup() {
        bodies = Corpus.load(corpus, docs);
        fingerprinter = new Fingerprinter(shingleSize, signatureLength, MinHasher.DEFAULT_SEED);
        before = new BaselineFingerprinter(shingleSize, signatureLength, MinHasher.DEFAULT_SEED);
        shingler = new Shingler(shingleSize);
        minHasher = new MinHasher(signatureLength, MinHasher.DEFAULT_SEED);
        version = new SignatureVersion(shingleSize, signatureLength, MinHasher.DEFAULT_SEED, TextNormalizer.VERSION);
        if (!version.equals(fingerprinter.version())) {
            throw new IllegalStateException("lean path's version " + version + " != " + fingerprinter.version());
        }
        Cursor check = new Cursor();
        for (int i = 0; i < Math.min(200, bodies.length); i++) {
            if (!fingerprinter.sign(bodies[i]).equals(lean(bodies[i], check))) {
                throw new IllegalStateException("signatureLean differs from Fingerprinter.sign on document " + i);
            }
            if (!fingerprinter.sign(bodies[i]).equals(before.sign(bodies[i]))
                    || !sameFingerprint(fingerprinter.fingerprint(bodies[i]), before.fingerprint(bodies[i]))) {
                throw new IllegalStateException("the 02ebe6f baseline differs from Fingerprinter on document " + i);
            }
        }
        Corpus.Stats stats = Corpus.Stats.of(bodies);
        System.out.printf("%ncorpus: %s, %d docs, mean %.0f words, %.0f chars, %.1f paragraphs%n",
                Corpus.describe(corpus), stats.docs(), stats.meanWords(), stats.meanChars(), stats.meanParagraphs());
    }

    /** Per-thread position in the corpus and reusable buffers. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
        final LongList tokens = new LongList(1024);
        final LongList shingles = new LongList(2048);
        final LongList boilerplate = new LongList(256);

        String next(String[] bodies) {
            String body = bodies[next];
            if (++next == bodies.length) {
                next = 0;
            }
            return body;
        }
    }

    @Benchmark
    public long floor(Cursor c) {
        String body = c.next(bodies);
        LongList tokens = c.tokens;
        LongList shingles = c.shingles;
        shingles.clear();
        for (Paragraph p : Paragraphs.split(body)) {
            tokens.clear();
            Tokenizer.hashTokens(p.text(), tokens);
            shingler.shingle(tokens, 0, shingles);
        }
        int n = shingles.size();
        return n == 0 ? 0 : n + shingles.get(n - 1);
    }

    @Benchmark
    public Signature signature(Cursor c) {
        return fingerprinter.sign(c.next(bodies));
    }

    @Benchmark
    public Signature signatureBefore(Cursor c) {
        return before.sign(c.next(bodies));
    }

    @Benchmark
    public Signature signatureLean(Cursor c) {
        return lean(c.next(bodies), c);
    }

    @Benchmark
    public Fingerprint fingerprint(Cursor c) {
        return fingerprinter.fingerprint(c.next(bodies));
    }

    @Benchmark
    public Fingerprint fingerprintBefore(Cursor c) {
        return before.fingerprint(c.next(bodies));
    }

    private static boolean sameFingerprint(Fingerprint a, Fingerprint b) {
        if (a.paragraphs().size() != b.paragraphs().size()) {
            return false;
        }
        for (int i = 0; i < a.paragraphs().size(); i++) {
            Fingerprint.ParagraphTerms x = a.paragraphs().get(i);
            Fingerprint.ParagraphTerms y = b.paragraphs().get(i);
            if (!x.paragraph().equals(y.paragraph()) || x.boilerplate() != y.boilerplate() || x.words() != y.words()
                    || !Arrays.equals(x.terms(), y.terms())) {
                return false;
            }
        }
        return Arrays.equals(a.shingles(), b.shingles()) && a.signature().equals(b.signature())
                && Arrays.equals(a.paragraphKeys(), b.paragraphKeys());
    }

    private Signature lean(String body, Cursor c) {
        LongList tokens = c.tokens;
        LongList shingles = c.shingles;
        LongList boilerplate = c.boilerplate;
        shingles.clear();
        boilerplate.clear();
        for (Paragraph p : Paragraphs.split(body)) {
            String text = p.text();
            boolean isBoilerplate = Boilerplate.isBoilerplate(text, p.index());
            tokens.clear();
            Tokenizer.hashTokens(text.substring(Boilerplate.contentStart(text)), tokens);
            shingler.shingle(tokens, 0, isBoilerplate ? boilerplate : shingles);
        }
        long[] all = (shingles.size() > 0 ? shingles : boilerplate).toArray();
        return new Signature(minHasher.minHashes(all, all.length), version);
    }
}
