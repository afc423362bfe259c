package io.redline.detect;

import io.redline.budget.FrequencySketch;
import io.redline.budget.WeightBoundedMap;
import io.redline.match.IndexedParagraphs;
import io.redline.minhash.Fingerprint;
import io.redline.store.VersionRow;

import java.util.List;
import java.util.function.Function;

/**
 * Stored versions held in memory for verification: each one's body, shingle set, signature and paragraph terms. A
 * look-up that finds a held version reads only its small columns ({@link #held}): no body, shingle or signature
 * LOB, and no fingerprinting of the body again.
 * Keyed by (article id, version); bounded in 8-byte units, the least recently used going first.
 *
 * <p>A held version answers only for the row it was made from: the same ingest time (milliseconds) and content
 * hash (SHA-256 of the normalised title and body), and the same body when the row carries one. An article deleted
 * and created again reuses its version numbers; it would have to be stored in the same millisecond with the same
 * text to be mistaken for the old one. So look-ups come out the same with or without it. Thread-safe; fingerprints
 * are made outside the lock.
 *
 * <p>Example: {@code fingerprint(row, make)} applies {@code make} to a row read whole, holds the result the second
 * time the same version is read (once the bound is reached, only if it was read more often lately than the version
 * that would go first), and returns the held fingerprint afterwards; {@link #keep} holds the fingerprint
 * the ingest path already made.
 */
public final class HeldVersions {
    /**
     * In 8-byte units; measured at 8.6 to 8.8 bytes of heap each, so about 140 MB: ~7,200 texts of 650 words (2,200
     * units each) or ~890 of 5,000 words (17,900 units each).
     */
    public static final long DEFAULT_MAX_UNITS = 16_000_000;
    /** Counters per row of {@link #readLately}: several times the versions a default bound holds. */
    static final int SKETCH_WIDTH = 65_536;

    /** Weighed in 8-byte units. */
    private final WeightBoundedMap<Key, Entry> entries;
    /** How often each version was read lately, held or not. */
    private final FrequencySketch readLately = new FrequencySketch(SKETCH_WIDTH);
    /** False for a bound of 0: nothing is held, so no read is remembered either. */
    private final boolean holdsAny;
    private long hits;
    private long misses;
    private long admitted;

    /** @param maxUnits 8-byte units held at most, over all versions; 0 holds nothing */
    public HeldVersions(long maxUnits) {
        if (maxUnits < 0) {
            throw new IllegalArgumentException("maxUnits must be >= 0, got " + maxUnits);
        }
        this.entries = new WeightBoundedMap<>(maxUnits);
        this.holdsAny = maxUnits > 0;
    }

    /**
     * The version {@code head} (its row read without body, signature and shingles) with the body and fingerprint
     * held for it, or null when it is not held.
     */
    public Held held(VersionRow head) {
        Entry e = lookUp(Key.of(head), head);
        return e == null ? null : new Held(withBody(head, e.body()), e.fingerprint());
    }

    /**
     * The fingerprint of {@code row}, read whole from the store: the held one, or {@code make} applied to the row
     * (and held when the row was read before).
     */
    public Fingerprint fingerprint(VersionRow row, Function<VersionRow, Fingerprint> make) {
        Key key = Key.of(row);
        Entry e = lookUp(key, row);
        if (e == null) {
            e = Entry.of(row, make.apply(row));
            admit(key, e);
        }
        return e.fingerprint();
    }

    /**
     * Counts a miss, and holds the version just read whole if it was read before and, when holding it would push
     * out another, was read more often lately than the version that would go first. At a million articles nearly
     * every candidate of a {@code /check} is read once and never again, and a stream of checks reads more
     * versions than the bound holds: holding each version read pushed out what ingest keeps, replaced the whole
     * cache before any of it was read again, and every young collection copied it (BENCHMARKS §5(a), §5(b)).
     */
    private synchronized void admit(Key key, Entry e) {
        misses++;
        if (!holdsAny) {
            return;
        }
        int reads = readLately.add(key.hash());
        if (reads < 2) {
            return;
        }
        Key first = entries.eldestKey();
        if (first == null || entries.fits(e.weight()) || reads > readLately.frequency(first.hash())) {
            entries.put(key, e, e.weight());
            admitted++;
        }
    }

    /** Holds {@code row} as stored, with {@code fingerprint}, that of its body (the ingest path's, or the stored one). */
    public void keep(VersionRow row, Fingerprint fingerprint) {
        keep(row, Entry.of(row, fingerprint));
    }

    private synchronized Entry lookUp(Key key, VersionRow row) {
        Entry e = entries.get(key);
        if (e != null && e.ingestedAt() == row.ingestedAt() && e.contentHash().equals(row.contentHash())
                && (row.body() == null || row.body().equals(e.body()))) {
            hits++;
            readLately.add(key.hash());
            return e;
        }
        return null;
    }

    private synchronized void keep(VersionRow row, Entry entry) {
        entries.put(Key.of(row), entry, entry.weight());
    }

    /** 8-byte units held now. */
    public synchronized long units() {
        return entries.weight();
    }

    /** Versions held now. */
    public synchronized int size() {
        return entries.size();
    }

    /** Look-ups answered from memory since start-up. */
    public synchronized long hits() {
        return hits;
    }

    /** Fingerprints made from rows read whole since start-up: versions not held when a look-up needed them. */
    public synchronized long misses() {
        return misses;
    }

    /**
     * Versions read whole and then held since start-up. Each is new to the heap and lives on, so the young
     * collections copy it: a count that keeps pace with {@link #misses} means the held versions are churning.
     */
    public synchronized long admitted() {
        return admitted;
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
        static Key of(VersionRow row) {
            return new Key(row.articleId(), row.version());
        }

        /** The same on every machine and run (String's hash is specified). */
        long hash() {
            return ((long) articleId.hashCode() << 32) ^ version;
        }
    }

    /**
     * @param weight word pairs, plus two per paragraph for the objects around them and its normal hash, plus the
     *               body (two bytes a character), shingles and signature. No word-pair index: a held version is
     *               compared as B, which needs none ({@link io.redline.match.Comparer}), and an index weighs more
     *               than the rest together
     */
    private record Entry(long ingestedAt, String contentHash, String body, Fingerprint fingerprint, long weight) {
        static Entry of(VersionRow row, Fingerprint f) {
            List<Fingerprint.ParagraphTerms> terms = f.paragraphs() instanceof IndexedParagraphs indexed
                    ? indexed.terms() : List.copyOf(f.paragraphs());
            long w = 2L * terms.size() + row.body().length() / 4 + 1 + f.shingles().length
                    + f.signature().values().length;
            for (Fingerprint.ParagraphTerms p : terms) {
                w += p.terms().length;
            }
            return new Entry(row.ingestedAt(), row.contentHash(), row.body(),
                    new Fingerprint(terms, f.shingles(), f.signature(), NO_KEYS), w);
        }
    }
}
