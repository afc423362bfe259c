package io.redline.minhash;

import io.redline.text.Boilerplate;
import io.redline.text.Hashes;
import io.redline.text.LongList;
import io.redline.text.Paragraph;
import io.redline.text.Paragraphs;
import io.redline.text.Shingler;
import io.redline.text.TextNormalizer;
import io.redline.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The text → fingerprint pipeline: paragraphs → boilerplate and dateline set aside → tokens → k-shingles
 * within each paragraph → sorted shingle set and MinHash signature.
 *
 * <p>Shingles never cross a paragraph boundary, so moving a paragraph does not change the set. A text that
 * is nothing but boilerplate is fingerprinted whole rather than left empty. Immutable and thread-safe.
 */
public final class Fingerprinter {
    private final Shingler shingler;
    private final MinHasher minHasher;
    private final SignatureVersion version;

    public Fingerprinter(int shingleSize, int signatureLength, long seed) {
        this.shingler = new Shingler(shingleSize);
        this.minHasher = new MinHasher(signatureLength, seed);
        this.version = new SignatureVersion(shingleSize, signatureLength, seed, TextNormalizer.VERSION);
    }

    public SignatureVersion version() {
        return version;
    }

    public Fingerprint fingerprint(String body) {
        List<Paragraph> paragraphs = Paragraphs.split(body);
        List<Fingerprint.ParagraphTerms> terms = new ArrayList<>(paragraphs.size());
        LongList tokens = new LongList(256);
        LongList shingles = new LongList(1024);
        LongList boilerplateShingles = new LongList(64);
        LongList pairs = new LongList(128);
        for (Paragraph p : paragraphs) {
            boolean boilerplate = Boilerplate.isBoilerplate(p.text(), p.index());
            tokens.clear();
            String text = p.text();
            Tokenizer.hashTokens(text.substring(Boilerplate.contentStart(text)), tokens);
            shingler.shingle(tokens, 0, boilerplate ? boilerplateShingles : shingles);
            terms.add(new Fingerprint.ParagraphTerms(p, boilerplate, bigrams(tokens, pairs), tokens.size()));
        }
        LongList used = shingles.size() > 0 ? shingles : boilerplateShingles;
        long[] all = used.toArray();
        long[] signature = minHasher.minHashes(all, all.length);
        return new Fingerprint(List.copyOf(terms), Hashes.sortedDistinct(all), new Signature(signature, version));
    }

    /** Signature alone, for callers that do not need paragraphs or the exact set. */
    public Signature sign(String body) {
        return fingerprint(body).signature();
    }

    private static long[] bigrams(LongList tokens, LongList scratch) {
        scratch.clear();
        if (tokens.size() == 1) {
            scratch.add(tokens.get(0));
        }
        long[] pair = new long[2];
        for (int i = 0; i + 1 < tokens.size(); i++) {
            pair[0] = tokens.get(i);
            pair[1] = tokens.get(i + 1);
            scratch.add(Hashes.combine(pair, 0, 2));
        }
        return scratch.toSortedSet();
    }
}
