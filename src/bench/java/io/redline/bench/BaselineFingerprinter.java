package io.redline.bench;

import io.redline.budget.Deadline;
import io.redline.minhash.Fingerprint;
import io.redline.minhash.Fingerprinter;
import io.redline.minhash.ParagraphKeys;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Fingerprinter.sign} and {@code fingerprint} as they were at commit 02ebe6f (before the signing path was
 * made faster), with that commit's MinHash loop, so that {@link PipelineBenchmark} measures before and after in the
 * same run. Its setup checks that both give the same values as {@link Fingerprinter}.
 */
final class BaselineFingerprinter {
    private static final long EMPTY = Long.MAX_VALUE;

    private final Shingler shingler;
    private final int length;
    private final long seed;
    private final ParagraphKeys paragraphKeys;
    private final SignatureVersion version;

    BaselineFingerprinter(int shingleSize, int signatureLength, long seed) {
        this.shingler = new Shingler(shingleSize);
        this.length = signatureLength;
        this.seed = seed;
        this.paragraphKeys = new ParagraphKeys(seed);
        this.version = new SignatureVersion(shingleSize, signatureLength, seed, TextNormalizer.VERSION);
    }

    Fingerprint fingerprint(String body) {
        Analysis a = analyse(body, true);
        return new Fingerprint(List.copyOf(a.terms), Hashes.sortedDistinct(a.shingles.toArray()), a.signature(),
                a.paragraphKeys.toSortedSet());
    }

    Signature sign(String body) {
        return analyse(body, false).signature();
    }

    private Analysis analyse(String body, boolean withTerms) {
        List<Paragraph> paragraphs = Paragraphs.split(body);
        Analysis a = new Analysis(withTerms);
        LongList tokens = new LongList(256);
        LongList boilerplateShingles = new LongList(64);
        LongList scratch = withTerms ? new LongList(128) : null;
        for (Paragraph p : paragraphs) {
            Deadline.check();
            boolean boilerplate = Boilerplate.isBoilerplate(p.text(), p.index());
            tokens.clear();
            Tokenizer.hashTokens(content(p), tokens);
            int from = a.shingles.size();
            shingler.shingle(tokens, 0, boilerplate ? boilerplateShingles : a.shingles);
            if (withTerms) {
                paragraphKeys.addKeys(a.shingles.copyOfRange(from, a.shingles.size()), a.paragraphKeys);
                a.terms.add(new Fingerprint.ParagraphTerms(p, boilerplate, Fingerprinter.wordPairs(tokens, scratch),
                        tokens.size(), TextNormalizer.normalHash(p.text())));
            }
        }
        if (a.shingles.size() == 0) {
            a.shingles = boilerplateShingles;
        }
        return a;
    }

    private static String content(Paragraph p) {
        int start = Boilerplate.contentStart(p.text());
        return start == 0 ? p.text() : p.text().substring(start);
    }

    private final class Analysis {
        final List<Fingerprint.ParagraphTerms> terms;
        final LongList paragraphKeys;
        LongList shingles = new LongList(1024);

        Analysis(boolean full) {
            this.terms = full ? new ArrayList<>() : null;
            this.paragraphKeys = full ? new LongList(128) : null;
        }

        Signature signature() {
            long[] values = shingles.size() == 0 ? new long[0] : shingles.toArray();
            return new Signature(minHashes(values, values.length), version);
        }
    }

    private long[] minHashes(long[] shingles, int count) {
        long[] mins = new long[length];
        Arrays.fill(mins, EMPTY);
        for (int i = 0; i < count; i++) {
            long x = Hashes.mix(shingles[i] ^ seed);
            int bin = bin(x);
            long value = x >>> 32;
            if (value < mins[bin]) {
                mins[bin] = value;
            }
        }
        densify(mins);
        return mins;
    }

    private int bin(long x) {
        return (int) (((x & 0xFFFFFFFFL) * length) >>> 32);
    }

    private void densify(long[] mins) {
        int filled = 0;
        for (long m : mins) {
            if (m != EMPTY) {
                filled++;
            }
        }
        if (filled == 0 || filled == length) {
            return;
        }
        long[] original = mins.clone();
        for (int i = 0; i < length; i++) {
            if (original[i] != EMPTY) {
                continue;
            }
            long probe = Hashes.mix(seed + 0x9E3779B97F4A7C15L * (i + 1));
            for (int attempt = 1; ; attempt++) {
                int j = bin(Hashes.mix(probe + attempt));
                if (original[j] != EMPTY) {
                    mins[i] = original[j];
                    break;
                }
            }
        }
    }
}
