package io.redline.detect;

import io.redline.match.IndexedParagraphs;
import io.redline.minhash.Fingerprint;
import io.redline.minhash.Signature;
import io.redline.store.VersionRow;
import io.redline.text.Hashes;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * The paragraph terms of stored versions, kept so that verifying a text against a stored version does not
 * re-fingerprint the stored body at every look-up. Keyed by (article id, version); bounded by the word pairs held
 * ({@code maxTerms}), the least recently used entries going first.
 *
 * <p>Example: {@code get(row, fingerprinter::paragraphTerms)} computes the terms of {@code row.body()} the first
 * time and returns the same list afterwards; {@link #put} fills it from the fingerprint the ingest path already made.
 *
 * <p>The answer is always what {@code compute} would give for the row's body, so look-ups come out the same with
 * or without the cache: an entry is used only if the row's ingest time, content hash, body length and a 64-bit
 * hash of the raw body all agree with those it was made from (an article deleted and created again reuses its
 * version numbers). Thread-safe; {@code compute} runs outside the lock.
 *
 * <p>A version kept {@link #keep in full} at commit also holds its body, shingle set and signature, so a look-up
 * that finds it needs only the row's small columns ({@link #held}): no body, shingle or signature LOB is read.
 * Such an entry is matched on the version's ingest time (milliseconds) and content hash (SHA-256 of the normalised
 * title and body): a different row under the same id and version would have to be stored in the same millisecond
 * with the same text.
 */
public final class StoredTerms {
    /**
     * In 8-byte units; measured at 8.3 bytes of heap each with the indexes built, so about 130 MB: ~2,900 texts of
     * 600 words (5,500 units each) or ~340 of 5,000 words (47,000 units each).
     */
    public static final long DEFAULT_MAX_TERMS = 16_000_000;

    private final long maxTerms;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long held;
    private long hits;
    private long misses;

    /** @param maxTerms word pairs held at most, over all entries; 0 turns the cache off */
    public StoredTerms(long maxTerms) {
        if (maxTerms < 0) {
            throw new IllegalArgumentException("maxTerms must be >= 0, got " + maxTerms);
        }
        this.maxTerms = maxTerms;
    }

    /** The paragraph terms of {@code row}'s body: cached, or {@code compute} applied to the body and kept. */
    public List<Fingerprint.ParagraphTerms> get(VersionRow row, Function<String, List<Fingerprint.ParagraphTerms>> compute) {
        Key key = new Key(row.articleId(), row.version());
        long bodyHash = Hashes.ofChars(row.body());
        synchronized (this) {
            Entry e = entries.get(key);
            if (e != null && e.matches(row, bodyHash)) {
                hits++;
                return e.terms();
            }
            misses++;
        }
        Entry computed = Entry.of(row, bodyHash, compute.apply(row.body()), null);
        keep(key, computed);
        return computed.terms();  // the kept list: the index the caller's comparison builds stays with it
    }

    /**
     * The version {@code head} (its row read without body, signature and shingles) with the body and fingerprint
     * kept for it, or null when not kept in full.
     */
    public Held held(VersionRow head) {
        Key key = new Key(head.articleId(), head.version());
        synchronized (this) {
            Entry e = entries.get(key);
            if (e != null && e.whole() != null && e.ingestedAt() == head.ingestedAt()
                    && e.contentHash().equals(head.contentHash())) {
                hits++;
                Whole w = e.whole();
                return new Held(withBody(head, w.body()), new Fingerprint(e.terms(), w.shingles(), w.signature(), NO_KEYS));
            }
        }
        return null;
    }

    /**
     * Keeps a version in full: {@code row} as stored, {@code fingerprint} that of its body (the ingest path's, or
     * the stored one), so that later look-ups read no more than its small columns while it stays in the cache.
     */
    public void keep(VersionRow row, Fingerprint fingerprint) {
        Whole whole = new Whole(row.body(), fingerprint.shingles(), fingerprint.signature());
        keep(new Key(row.articleId(), row.version()), Entry.of(row, Hashes.ofChars(row.body()), fingerprint.paragraphs(), whole));
    }

    /**
     * Keeps the terms of a version just committed: {@code row} as stored, {@code terms} those of its body (the
     * ingest path's fingerprint), so it is never fingerprinted again while it stays in the cache.
     */
    public void put(VersionRow row, List<Fingerprint.ParagraphTerms> terms) {
        keep(new Key(row.articleId(), row.version()), Entry.of(row, Hashes.ofChars(row.body()), terms, null));
    }

    private synchronized void keep(Key key, Entry entry) {
        long weight = entry.weight();
        if (weight > maxTerms) {
            return;
        }
        Entry old = entries.put(key, entry);
        held += weight - (old == null ? 0 : old.weight());
        Iterator<Entry> eldest = entries.values().iterator();
        while (held > maxTerms && eldest.hasNext()) {
            held -= eldest.next().weight();
            eldest.remove();
        }
    }

    /** Word pairs held now. */
    public synchronized long terms() {
        return held;
    }

    /** Versions held now. */
    public synchronized int size() {
        return entries.size();
    }

    /** Look-ups answered from the cache since start-up. */
    public synchronized long hits() {
        return hits;
    }

    /** Look-ups that had to compute the terms since start-up. */
    public synchronized long misses() {
        return misses;
    }

    /** A stored version as a look-up compares with it: its row (with its body) and its fingerprint. */
    public record Held(VersionRow row, Fingerprint fingerprint) {
    }

    private static final long[] NO_KEYS = new long[0];

    private static VersionRow withBody(VersionRow head, String body) {
        return new VersionRow(head.articleId(), head.version(), head.storyId(), head.title(), body, head.publishedAt(),
                head.url(), head.source(), head.ingestedAt(), head.contentHash(), head.signatureVersion(),
                head.signature(), head.shingles(), head.lineage());
    }

    private record Key(String articleId, int version) {
    }

    /** What a version kept in full holds besides its terms. */
    private record Whole(String body, long[] shingles, Signature signature) {
        /** In 8-byte units, counting two bytes a character. */
        long weight() {
            return body.length() / 4 + 1 + shingles.length + signature.values().length;
        }
    }

    /**
     * @param terms  the paragraph terms with room for their word-pair index, which comparisons build once and share
     * @param weight word pairs, plus one per paragraph for the objects around them, plus the index's bytes in
     *               8-byte units (counted before it is built, so that the bound holds whenever it is), plus
     *               what {@code whole} holds
     * @param whole  the body, shingles and signature of a version kept in full; null when only the terms are kept
     */
    private record Entry(long ingestedAt, String contentHash, int bodyLength, long bodyHash,
                         IndexedParagraphs terms, long weight, Whole whole) {
        static Entry of(VersionRow row, long bodyHash, List<Fingerprint.ParagraphTerms> terms, Whole whole) {
            IndexedParagraphs indexed = IndexedParagraphs.of(terms);
            long w = indexed.size() + (indexed.indexBytes() + 7) / 8 + (whole == null ? 0 : whole.weight());
            for (Fingerprint.ParagraphTerms p : indexed) {
                w += p.terms().length;
            }
            return new Entry(row.ingestedAt(), row.contentHash(), row.body().length(), bodyHash, indexed, w, whole);
        }

        boolean matches(VersionRow row, long hash) {
            return ingestedAt == row.ingestedAt() && bodyLength == row.body().length() && bodyHash == hash
                    && contentHash.equals(row.contentHash());
        }
    }
}
