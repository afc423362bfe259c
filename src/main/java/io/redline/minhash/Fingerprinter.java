package io.redline.minhash;

import io.redline.budget.Deadline;
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
    private static final Shingler WORD_PAIRS = new Shingler(2);

    private final Shingler shingler;
    private final MinHasher minHasher;
    private final ParagraphKeys paragraphKeys;
    private final SignatureVersion version;

    public Fingerprinter(int shingleSize, int signatureLength, long seed) {
        this.shingler = new Shingler(shingleSize);
        this.minHasher = new MinHasher(signatureLength, seed);
        this.paragraphKeys = new ParagraphKeys(seed);
        this.version = new SignatureVersion(shingleSize, signatureLength, seed, TextNormalizer.VERSION);
    }

    public SignatureVersion version() {
        return version;
    }

    public Fingerprint fingerprint(String body) {
        Analysis a = analyse(body, true);
        return new Fingerprint(List.copyOf(a.terms), Hashes.sortedDistinct(a.shingles.toArray()), a.signature(),
                a.paragraphKeys.toSortedSet());
    }

    /** The signature alone: no paragraph terms, no sorted shingle set. */
    public Signature sign(String body) {
        return analyse(body, false).signature();
    }

    /** Paragraph terms alone, for comparing with a stored text whose shingles and signature are stored. */
    public List<Fingerprint.ParagraphTerms> paragraphTerms(String body) {
        List<Fingerprint.ParagraphTerms> terms = new ArrayList<>();
        LongList tokens = new LongList(256);
        LongList scratch = new LongList(128);
        for (Paragraph p : Paragraphs.split(body)) {
            Deadline.check();
            tokens.clear();
            Tokenizer.hashTokens(content(p), tokens);
            terms.add(new Fingerprint.ParagraphTerms(p, Boilerplate.isBoilerplate(p.text(), p.index()),
                    wordPairs(tokens, scratch), tokens.size()));
        }
        return List.copyOf(terms);
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
                a.terms.add(new Fingerprint.ParagraphTerms(p, boilerplate, wordPairs(tokens, scratch), tokens.size()));
            }
        }
        if (a.shingles.size() == 0) {
            a.shingles = boilerplateShingles;
        }
        return a;
    }

    /** The paragraph's text after its dateline, if it opens with one. */
    private static String content(Paragraph p) {
        int start = Boilerplate.contentStart(p.text());
        return start == 0 ? p.text() : p.text().substring(start);
    }

    /** Intermediate results of one pass over a text. */
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
            return new Signature(minHasher.minHashes(values, values.length), version);
        }
    }

    /** A paragraph's word pairs (2-shingles; its one word for a one-word paragraph), sorted and distinct. */
    public static long[] wordPairs(LongList tokens, LongList scratch) {
        scratch.clear();
        WORD_PAIRS.shingle(tokens, 0, scratch);
        return scratch.toSortedSet();
    }
}
