package io.redline.detect;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.redline.budget.Deadline;
import io.redline.index.LshIndex;
import io.redline.index.PendingEntries;
import io.redline.match.Classification;
import io.redline.match.Classifier;
import io.redline.match.Comparer;
import io.redline.match.Comparison;
import io.redline.match.IndexedParagraphs;
import io.redline.minhash.Fingerprint;
import io.redline.minhash.Fingerprinter;
import io.redline.minhash.LshBands;
import io.redline.minhash.ParagraphKeys;
import io.redline.minhash.Signature;
import io.redline.store.ArticleRow;
import io.redline.store.ArticleStore;
import io.redline.store.CandidateRow;
import io.redline.store.LongArrays;
import io.redline.store.LookupReads;
import io.redline.store.VersionRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what a text resembles: LSH candidates from the in-memory band index, a bounded number of them per story
 * ({@link Representatives}) verified by exact comparison of shingle sets and paragraphs, then classified.
 * Read-only and thread-safe.
 */
public final class Detector {
    /** Matches weaker than this and sharing no paragraph are not worth showing. */
    static final double MIN_REPORTED_JACCARD = 0.02;

    private final Fingerprinter fingerprinter;
    private final LshBands bands;
    private final Comparer comparer;
    private final Classifier classifier;
    private final ArticleStore store;
    private final CandidateIndex index;
    private final int bucketCap;
    private final int weakBucket;
    private final int maxMatches;
    private final Timer lookupTimer;
    private final Counter oversizedBuckets;
    private final double lshThreshold;
    private final HeldVersions heldVersions;
    private final Representatives representatives;

    public Detector(Fingerprinter fingerprinter, LshBands bands, Comparer comparer, Classifier classifier,
                    ArticleStore store, double lshThreshold, int bucketCap, int weakBucket, int maxMatches,
                    MetricRegistry metrics) {
        this(fingerprinter, bands, comparer, classifier, store, lshThreshold, bucketCap, weakBucket, maxMatches,
                metrics, new HeldVersions(HeldVersions.DEFAULT_MAX_UNITS), Representatives.defaults());
    }

    /**
     * @param heldVersions    stored versions held in memory between look-ups
     * @param representatives which LSH candidates are verified
     */
    public Detector(Fingerprinter fingerprinter, LshBands bands, Comparer comparer, Classifier classifier,
                    ArticleStore store, double lshThreshold, int bucketCap, int weakBucket, int maxMatches,
                    MetricRegistry metrics, HeldVersions heldVersions, Representatives representatives) {
        this.fingerprinter = fingerprinter;
        this.bands = bands;
        this.comparer = comparer;
        this.classifier = classifier;
        this.store = store;
        this.index = new CandidateIndex(store, representatives.considered());
        this.bucketCap = bucketCap;
        this.weakBucket = weakBucket;
        this.maxMatches = maxMatches;
        this.lookupTimer = metrics.timer("redline.lsh-lookup");
        this.oversizedBuckets = metrics.counter("redline.lsh-oversized-buckets");
        this.lshThreshold = lshThreshold;
        this.heldVersions = heldVersions;
        this.representatives = representatives;
        metrics.gauge("redline.held-versions.hits", () -> heldVersions::hits);
        metrics.gauge("redline.held-versions.misses", () -> heldVersions::misses);
        metrics.gauge("redline.held-versions.admitted", () -> heldVersions::admitted);
        metrics.gauge("redline.held-versions.held", () -> heldVersions::size);
    }

    /**
     * The text's fingerprint, its paragraph terms held as {@link IndexedParagraphs}: the word-pair index a look-up
     * builds for the text is then built once per text, not again by each thread that compares it (the prepared
     * look-up, the commit's, and every later look-up that finds the stored version while {@link HeldVersions} holds it).
     */
    public Fingerprint fingerprint(String body) {
        Fingerprint f = fingerprinter.fingerprint(body);
        return new Fingerprint(IndexedParagraphs.of(f.paragraphs()), f.shingles(), f.signature(), f.paragraphKeys());
    }

    /** The text's LSH keys: one per whole-text band, then those of its paragraphs. */
    public long[] bucketKeys(Fingerprint fingerprint) {
        return bands.allKeys(fingerprint);
    }

    /**
     * The version tag stored with every fingerprint: the signature settings plus the banding, since either
     * change makes stored rows unusable until re-indexed.
     */
    public String indexVersion() {
        return fingerprinter.version().id() + "-b" + bands.parameters().bands() + "x" + bands.parameters().rows()
                + "-" + ParagraphKeys.VERSION;
    }

    public LshBands bands() {
        return bands;
    }

    public Classifier classifier() {
        return classifier;
    }

    public Fingerprinter fingerprinter() {
        return fingerprinter;
    }

    /** The similarity at which the banding was chosen to find pairs with probability 0.99. */
    public double lshThreshold() {
        return lshThreshold;
    }

    /** How many oversized buckets look-ups have skipped since start-up. */
    public long oversizedBucketsSkipped() {
        return oversizedBuckets.getCount();
    }

    public int bucketCap() {
        return bucketCap;
    }

    /** The in-memory band index behind look-ups. */
    public CandidateIndex index() {
        return index;
    }

    /**
     * The index entries a text finds, timed as {@code redline.lsh-lookup}; {@code earlier} (may be null): those an
     * earlier look-up of the text found, reused if they still hold.
     */
    private LshIndex.Hits hits(Fingerprint fingerprint, LookupReads dao, PendingEntries pending,
                               LshIndex.Hits earlier) {
        LshIndex.Hits hits;
        try (Timer.Context ignored = lookupTimer.time()) {
            long[] keys = bucketKeys(fingerprint);
            hits = earlier == null ? index.hits(keys, bucketCap, weakBucket, dao, pending)
                    : index.hitsAgain(earlier, keys, bucketCap, weakBucket, dao, pending);
        }
        oversizedBuckets.inc(hits.oversized());
        return hits;
    }

    /**
     * Stored articles resembling {@code fingerprint}, best first; {@code excludeId} (may be null) is skipped.
     * {@code publishedAt} (epoch milliseconds, may be null) is the text's publication time.
     */
    public Lookup lookup(Fingerprint fingerprint, Long publishedAt, String excludeId) {
        // merges are read first: one committed during the look-up then shows as a change to a later one
        return store.lookups(dao -> lookup(fingerprint, publishedAt, excludeId, dao, null, new PendingEntries(),
                dao.merges()));
    }

    /**
     * The same, reading the store through {@code dao} (which may be in the caller's transaction), after
     * {@code merges} story merges, and reusing {@code earlier}, a look-up of the same text (may be null): if it
     * {@link Lookup#stillHolds still holds}, it is the answer, and nothing more is read or compared. Otherwise a
     * candidate whose indexed version it compared (by index entry, which always names the same version) and is
     * still its article's latest is not read or compared again; with no story merged since, not even its story is
     * read again, nor the article an entry it found names. The result is what a look-up without {@code earlier}
     * would give. {@code pending} holds the index entries the caller's transaction wrote so far.
     */
    public Lookup lookup(Fingerprint fingerprint, Long publishedAt, String excludeId, LookupReads dao,
                         Lookup earlier, PendingEntries pending, long merges) {
        LshIndex.Hits found = hits(fingerprint, dao, pending, earlier == null ? null : earlier.hits());
        if (earlier != null && earlier.stillHolds(found, merges)) {
            return earlier;
        }
        // a live entry names its article's latest version; only a merge moves an article to another story
        boolean storiesKept = earlier != null && earlier.merges() == merges;
        Map<Integer, Match> known = earlier == null ? Map.of() : earlier.compared();
        CandidateIndex.Candidates candidates = index.resolve(found, dao, earlier == null ? Map.of() : earlier.articles());
        Map<String, Integer> hits = candidates.bandHits();
        Map<String, Integer> others = new HashMap<>(hits);
        others.remove(excludeId);
        Set<String> ids = others.keySet();
        Map<String, CandidateRow> rowsRead = new HashMap<>();
        Set<String> chosen = representatives.choose(hits, ids, want -> candidateRows(want, candidates, dao,
                storiesKept ? earlier : null, rowsRead));
        Map<Integer, Match> compared = new HashMap<>();
        Set<String> toRead = new HashSet<>(chosen);
        Map<String, Match> reusable = new HashMap<>();
        for (String id : chosen) {
            Match m = known.get(candidates.entries().get(id));
            if (m != null) {
                reusable.put(id, m);
            }
        }
        if (storiesKept) {
            reusable.forEach((id, m) -> compared.put(candidates.entries().get(id),
                    m.withStory(m.article().storyId(), hits.get(id))));
            toRead.removeAll(reusable.keySet());
        } else if (!reusable.isEmpty()) {
            for (ArticleRow a : dao.articles(reusable.keySet())) {
                Match m = reusable.get(a.id());
                if (a.latestVersion() == m.article().version()) {
                    compared.put(candidates.entries().get(a.id()), m.withStory(a.storyId(), hits.get(a.id())));
                    toRead.remove(a.id());
                }
            }
        }
        if (!toRead.isEmpty()) {
            String version = indexVersion();
            // versions kept in full are compared from memory; only the others' bodies and shingles are read
            List<String> notHeld = new ArrayList<>();
            for (VersionRow head : dao.latestHeads(toRead)) {
                Deadline.check();
                HeldVersions.Held held = head.signatureVersion().equals(version) ? heldVersions.held(head) : null;
                if (held != null) {
                    compared.put(candidates.entries().get(head.articleId()), compare(fingerprint, publishedAt,
                            held.fingerprint(), held.row(), hits.getOrDefault(head.articleId(), 0)));
                } else {
                    notHeld.add(head.articleId());
                }
            }
            for (VersionRow row : dao.latestVersions(notHeld)) {
                Deadline.check();
                if (row.signatureVersion().equals(version)) {
                    compared.put(candidates.entries().get(row.articleId()),
                            compare(fingerprint, publishedAt, row, hits.getOrDefault(row.articleId(), 0)));
                }
            }
        }
        List<Match> matches = new ArrayList<>();
        for (Match m : compared.values()) {
            if (m.classification() != Classification.NEW || m.comparison().jaccard() >= MIN_REPORTED_JACCARD || !m.comparison().shared().isEmpty()) {
                matches.add(m);
            }
        }
        matches = withoutStoriesOfEditions(matches);
        matches.sort(BEST_FIRST);
        List<Match> best = List.copyOf(matches.subList(0, Math.min(maxMatches, matches.size())));
        Classification verdict = best.isEmpty() ? Classification.NEW : best.get(0).classification();
        Map<Integer, String> articles = new HashMap<>();
        candidates.entries().forEach((article, entry) -> articles.put(entry, article));
        return new Lookup(verdict, best, Map.copyOf(others), candidates.oversizedBuckets(), compared, found, merges,
                articles, rowsRead);
    }

    /**
     * The story and publication time of each of {@code ids}: those {@code earlier} (null: none) read for the same
     * index entry, else read now; all kept in {@code rowsRead} for a later look-up.
     */
    private static List<CandidateRow> candidateRows(Set<String> ids, CandidateIndex.Candidates candidates,
                                                    LookupReads dao, Lookup earlier, Map<String, CandidateRow> rowsRead) {
        List<CandidateRow> rows = new ArrayList<>(ids.size());
        Set<String> unknown = new HashSet<>();
        for (String id : ids) {
            CandidateRow row = earlier == null ? null : earlier.candidateRows().get(id);
            if (row != null && id.equals(earlier.articles().get(candidates.entries().get(id)))) {
                rows.add(row);
            } else {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            rows.addAll(dao.candidates(unknown));
        }
        rows.forEach(r -> rowsRead.put(r.articleId(), r));
        return rows;
    }

    /**
     * A text that is a next edition of one version of a story is not of that story, though it may resemble its
     * other versions more (rewrites of last year's text that its facts do not tell apart): those matches become
     * {@code TEMPLATE} too.
     */
    private static List<Match> withoutStoriesOfEditions(List<Match> matches) {
        Map<Long, String> editions = new HashMap<>();
        for (Match m : matches) {
            if (m.verdict().edition()) {
                editions.merge(m.article().storyId(), m.article().articleId(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        if (editions.isEmpty()) {
            return matches;
        }
        List<Match> out = new ArrayList<>(matches.size());
        for (Match m : matches) {
            String edition = editions.get(m.article().storyId());
            out.add(edition != null && m.sameStory() ? m.inStoryOfEdition(edition) : m);
        }
        return out;
    }

    /**
     * Exact comparison of a text published at {@code publishedAt} (may be null) with one stored version, using
     * the stored shingle set and signature.
     */
    public Match compare(Fingerprint fingerprint, Long publishedAt, VersionRow stored, int bandsCollided) {
        return compare(fingerprint, publishedAt, storedFingerprint(stored), stored, bandsCollided);
    }

    /** Exact comparison of a text with the fingerprint {@code other} of the stored version {@code stored}. */
    public Match compare(Fingerprint fingerprint, Long publishedAt, Fingerprint other, VersionRow stored,
                         int bandsCollided) {
        Comparison c = comparer.compare(fingerprint, other);
        double estimate = fingerprint.signature().estimateJaccard(other.signature());
        return new Match(stored, c, classifier.verdict(c, publishedAt, stored.publishedAt()), bandsCollided, estimate);
    }

    /** Keeps {@code row}, just stored with {@code fingerprint}, in memory for later comparisons. */
    public void stored(VersionRow row, Fingerprint fingerprint) {
        heldVersions.keep(row, fingerprint);
    }

    /** Stored versions held in memory between look-ups. */
    public HeldVersions heldVersions() {
        return heldVersions;
    }

    /** Number of bands in which two fingerprints agree. */
    public int bandsCollided(Fingerprint a, Fingerprint b) {
        long[] ka = bands.bucketKeys(a.signature());
        long[] kb = bands.bucketKeys(b.signature());
        int n = 0;
        for (int i = 0; i < Math.min(ka.length, kb.length); i++) {
            if (ka[i] == kb[i]) {
                n++;
            }
        }
        return n;
    }

    /**
     * A stored version's fingerprint, from its row read whole: held, or made from its body (with the shingles and
     * signature stored with versions from before migration 11, when it has them), then held.
     */
    public Fingerprint storedFingerprint(VersionRow stored) {
        return heldVersions.fingerprint(stored, row -> row.shingles() == null || row.signature() == null
                ? fingerprinter.fingerprint(row.body())
                : new Fingerprint(fingerprinter.paragraphTerms(row.body()), LongArrays.fromBytes(row.shingles()),
                        Signature.fromBytes(row.signature(), fingerprinter.version()), NO_KEYS));
    }

    private static final long[] NO_KEYS = new long[0];

    private static final Comparator<Match> BEST_FIRST = Comparator
            .comparing(Match::classification)
            .thenComparing(m -> -m.comparison().jaccard())
            .thenComparing(m -> -m.comparison().paragraphCoverage())
            .thenComparing(m -> m.article().articleId());
}
