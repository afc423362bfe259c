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
        return new Fingerprint(List.copyOf(a.terms), Hashes.sortedDistinct(a.shingles.toArray()), a.signature,
                a.paragraphKeys.toSortedSet());
    }

    /** The signature alone: no paragraph terms, no shingle set. */
    public Signature sign(String body) {
        return analyse(body, false).signature;
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
                    wordPairs(tokens, scratch), tokens.size(), TextNormalizer.normalHash(p.text())));
        }
        return List.copyOf(terms);
    }

    /**
     * One pass over the paragraphs. Story shingles go into the MinHash bins paragraph by paragraph as they are made;
     * boilerplate shingles are kept aside, for a text that has nothing else. Without terms ({@link #sign}) only the
     * current paragraph's shingles are held.
     */
    private Analysis analyse(String body, boolean withTerms) {
        Analysis a = new Analysis(withTerms);
        long[] bins = minHasher.emptyBins();
        LongList tokens = new LongList(256);
        LongList shingles = new LongList(withTerms ? 1024 : 256);
        LongList boilerplateShingles = null;
        LongList scratch = withTerms ? new LongList(128) : null;
        int storyShingles = 0;
        for (Paragraph p : Paragraphs.split(body)) {
            Deadline.check();
            boolean boilerplate = Boilerplate.isBoilerplate(p.text(), p.index());
            tokens.clear();
            Tokenizer.hashTokens(content(p), tokens);
            if (boilerplate) {
                if (boilerplateShingles == null) {
                    boilerplateShingles = new LongList(64);
                }
                shingler.shingle(tokens, 0, boilerplateShingles);
            } else {
                if (!withTerms) {
                    shingles.clear();
                }
                int from = shingles.size();
                shingler.shingle(tokens, 0, shingles);
                minHasher.add(bins, shingles, from);
                storyShingles += shingles.size() - from;
                if (withTerms) {
                    paragraphKeys.addKeys(shingles.copyOfRange(from, shingles.size()), a.paragraphKeys);
                }
            }
            if (withTerms) {
                a.terms.add(new Fingerprint.ParagraphTerms(p, boilerplate, wordPairs(tokens, scratch), tokens.size(),
                        TextNormalizer.normalHash(p.text())));
            }
        }
        if (storyShingles == 0 && boilerplateShingles != null) {
            minHasher.add(bins, boilerplateShingles, 0);
            shingles = boilerplateShingles;
        }
        a.shingles = shingles;
        a.signature = Signature.adopt(minHasher.densified(bins), version);
        return a;
    }

    /** The paragraph's text after its dateline, if it opens with one. */
    private static String content(Paragraph p) {
        int start = Boilerplate.contentStart(p.text());
        return start == 0 ? p.text() : p.text().substring(start);
    }

    /** Results of one pass over a text. */
    private static final class Analysis {
        final List<Fingerprint.ParagraphTerms> terms;
        final LongList paragraphKeys;
        /** All story shingles (or boilerplate ones, when there are none) with terms; without, the last paragraph's. */
        LongList shingles;
        Signature signature;

        Analysis(boolean withTerms) {
            this.terms = withTerms ? new ArrayList<>() : null;
            this.paragraphKeys = withTerms ? new LongList(128) : null;
        }
    }

    /** A paragraph's word pairs (2-shingles; its one word for a one-word paragraph), sorted and distinct. */
    public static long[] wordPairs(LongList tokens, LongList scratch) {
        scratch.clear();
        WORD_PAIRS.shingle(tokens, 0, scratch);
        return scratch.toSortedSet();
    }
}
