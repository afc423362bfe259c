package io.redline.detect;

import com.codahale.metrics.MetricRegistry;
import io.redline.Components;
import io.redline.api.ArticleRequest;
import io.redline.api.IngestResponse;
import io.redline.ingest.Ingestor;
import io.redline.ingest.InputLimits;
import io.redline.match.Classifier;
import io.redline.match.Comparer;
import io.redline.minhash.Fingerprint;
import io.redline.minhash.Fingerprinter;
import io.redline.minhash.LshBands;
import io.redline.minhash.LshParameters;
import io.redline.minhash.MinHasher;
import io.redline.store.ArticleStore;
import io.redline.store.Lineage;
import io.redline.store.VersionRow;
import io.redline.testing.NewsCorpusGenerator;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeldVersionsTest {
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);

    /** A version read once (a one-off look-up of an old story) is not held; read twice, it is. */
    @Test
    void aStoredVersionReadTwiceIsHeldAndNotFingerprintedAgain() {
        HeldVersions cache = new HeldVersions(HeldVersions.DEFAULT_MAX_UNITS);
        AtomicInteger made = new AtomicInteger();
        VersionRow row = row("a", 1, "First paragraph of words here.\n\nSecond one, with more words in it.", 1000);
        Function<VersionRow, Fingerprint> make = r -> {
            made.incrementAndGet();
            return FINGERPRINTER.fingerprint(r.body());
        };

        cache.fingerprint(row, make);
        assertThat(cache.size()).isZero();
        Fingerprint second = cache.fingerprint(row, make);
        Fingerprint third = cache.fingerprint(row, make);

        assertThat(made).hasValue(2);
        assertThat(third.paragraphs()).isSameAs(second.paragraphs());
        assertThat(third.shingles()).isSameAs(second.shingles());
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(2);
    }

    /**
     * Look-ups that keep reading more versions than the bound holds, in the same order each round (the worst case
     * for a least-recently-used cache: each version is pushed out just before it is read again), keep a stable
     * part held and answered from memory instead of replacing the whole cache every round and answering nothing.
     */
    @Test
    void aScanOverMoreVersionsThanTheBoundKeepsPartOfThemHeld() {
        List<VersionRow> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(row("scan-" + i, 1, "Paragraph number " + i + " of words.\n\nAnother paragraph " + i + " here.", 1000));
        }
        Function<VersionRow, Fingerprint> make = r -> FINGERPRINTER.fingerprint(r.body());
        long oneEntry = probeWeight(rows.get(0), make);
        HeldVersions cache = new HeldVersions(oneEntry * 4 + oneEntry / 2); // room for four of the twelve

        for (int round = 0; round < 3; round++) {
            rows.forEach(r -> cache.fingerprint(r, make));
        }
        long hitsBefore = cache.hits();
        long admittedBefore = cache.admitted();
        for (int round = 0; round < 5; round++) {
            rows.forEach(r -> cache.fingerprint(r, make));
        }

        assertThat(cache.size()).isEqualTo(4);
        assertThat(cache.hits() - hitsBefore).isEqualTo(5 * 4);
        // the same four stay: the other eight, read as often, push none of them out
        assertThat(cache.admitted() - admittedBefore).isZero();
        assertThat(cache.misses()).isPositive();
    }

    /** What one version of {@code row} weighs when held, in the bound's units. */
    private static long probeWeight(VersionRow row, Function<VersionRow, Fingerprint> make) {
        HeldVersions probe = new HeldVersions(HeldVersions.DEFAULT_MAX_UNITS);
        probe.fingerprint(row, make);
        probe.fingerprint(row, make);
        return probe.units();
    }

    @Test
    void anArticleCreatedAgainWithTheSameVersionNumberIsNotAnsweredFromMemory() {
        HeldVersions cache = new HeldVersions(HeldVersions.DEFAULT_MAX_UNITS);
        String old = "Old text.\n\nOld second.";
        cache.keep(row("a", 1, old, 1000), FINGERPRINTER.fingerprint(old));
        // deleted, then stored again as version 1 in the same millisecond with the same normalised text (so the
        // same content hash), but other paragraphs: whitespace alone changes the split
        String body = "Old text.\nOld second.";
        assertThat(row("a", 1, body, 1000).contentHash()).isEqualTo(row("a", 1, old, 1000).contentHash());

        Fingerprint f = cache.fingerprint(row("a", 1, body, 1000), r -> FINGERPRINTER.fingerprint(r.body()));

        assertSameTerms(f.paragraphs(), FINGERPRINTER.paragraphTerms(body));
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void theIngestPathsFingerprintGivesTheTermsOfTheStoredBody() {
        for (NewsCorpusGenerator.Doc d : NewsCorpusGenerator.builder().count(50).boilerplate(true).build().generate()) {
            assertSameTerms(FINGERPRINTER.fingerprint(d.body()).paragraphs(), FINGERPRINTER.paragraphTerms(d.body()));
        }
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheUnitsHeldPassTheBound() {
        String body = "one two three four five six";
        Fingerprint f = FINGERPRINTER.fingerprint(body);
        // one paragraph: 5 word pairs + 2, the body, shingles and signature, in 8-byte units
        long weight = 7 + body.length() / 4 + 1 + f.shingles().length + f.signature().values().length;
        HeldVersions cache = new HeldVersions(2 * weight);
        cache.keep(row("a", 1, body, 1), f);
        cache.keep(row("b", 1, body, 1), f);
        cache.fingerprint(row("a", 1, body, 1), r -> { throw new AssertionError("a is held"); });
        cache.keep(row("c", 1, body, 1), f);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.units()).isEqualTo(2 * weight);
        AtomicInteger made = new AtomicInteger();
        cache.fingerprint(row("b", 1, body, 1), r -> {
            made.incrementAndGet();
            return FINGERPRINTER.fingerprint(r.body());
        });
        assertThat(made).hasValue(1);
    }

    @Test
    void aBoundOfZeroHoldsNothing() {
        HeldVersions cache = new HeldVersions(0);
        cache.keep(row("a", 1, "some words here", 1), FINGERPRINTER.fingerprint("some words here"));

        assertThat(cache.size()).isZero();
        assertThatThrownBy(() -> new HeldVersions(-1)).hasMessage("maxUnits must be >= 0, got -1");
    }

    /**
     * When the body under the same id and version changes, a comparison must use the new body's terms, and the
     * word-pair index built for them, never the old ones.
     */
    @Test
    void aComparisonWithARowWhoseBodyChangedUnderTheSameVersionUsesTheNewBodysIndex() {
        List<NewsCorpusGenerator.Doc> docs = NewsCorpusGenerator.builder().count(40).revisionFraction(0.8)
                .words(200, 400).build().generate();
        Comparer comparer = new Comparer(Comparer.DEFAULT_PARAGRAPH_THRESHOLD);
        HeldVersions cache = new HeldVersions(HeldVersions.DEFAULT_MAX_UNITS);
        Fingerprint query = FINGERPRINTER.fingerprint(docs.get(39).body());
        String oldBody = docs.get(38).body();
        // the query's own paragraphs, shuffled: the old index would give other positions and exact flags
        String newBody = String.join("\n\n", shuffledParagraphs(docs.get(39).body()));

        Fingerprint old = kept(cache, row("a", 1, oldBody, 1000), oldBody);
        comparer.compare(old, query);  // builds the old body's index
        Fingerprint changed = kept(cache, row("a", 1, newBody, 1000), newBody);

        assertThat(changed.paragraphs()).isNotSameAs(old.paragraphs());
        assertThat(comparer.compare(query, changed)).isEqualTo(comparer.compare(query, FINGERPRINTER.fingerprint(newBody)));
        assertThat(comparer.compare(changed, query)).isEqualTo(comparer.compare(FINGERPRINTER.fingerprint(newBody), query));
    }

    /** The fingerprint a look-up verifies against: held, or made from the row (here: its body) on a miss. */
    private static Fingerprint kept(HeldVersions cache, VersionRow row, String body) {
        return cache.fingerprint(row, r -> FINGERPRINTER.fingerprint(body));
    }

    private static List<String> shuffledParagraphs(String body) {
        List<String> paragraphs = new ArrayList<>(List.of(body.split("\n\n")));
        java.util.Collections.rotate(paragraphs, 3);
        java.util.Collections.swap(paragraphs, 0, paragraphs.size() - 1);
        return paragraphs;
    }

    @Test
    void aHeldVersionIsAnsweredFromItsSmallColumnsAlone() {
        HeldVersions cache = new HeldVersions(HeldVersions.DEFAULT_MAX_UNITS);
        String body = "First paragraph of words here.\n\nSecond one, with more words in it.";
        VersionRow row = row("a", 1, body, 1000);
        Fingerprint f = FINGERPRINTER.fingerprint(body);
        cache.keep(row, f);

        HeldVersions.Held held = cache.held(head(row, 1000, row.contentHash()));

        assertThat(held.row().body()).isEqualTo(body);
        assertThat(held.fingerprint().shingles()).isSameAs(f.shingles());
        assertThat(held.fingerprint().signature()).isSameAs(f.signature());
        assertSameTerms(held.fingerprint().paragraphs(), f.paragraphs());
        // stored again (deleted and created anew, or another text): not the kept one
        assertThat(cache.held(head(row, 1001, row.contentHash()))).isNull();
        assertThat(cache.held(head(row, 1000, Ingestor.contentHash("", "Other words.")))).isNull();
    }

    /**
     * With every candidate kept in full, a look-up reads no body, signature or shingle set from the store (on H2
     * each is a LOB read), and answers as a look-up that reads them all.
     */
    @Test
    void aLookUpOfHeldVersionsReadsNoLargeValues() {
        List<NewsCorpusGenerator.Doc> docs = NewsCorpusGenerator.builder().count(120)
                .rewording(NewsCorpusGenerator.Rewording.HEAVY).revisionFraction(0.6).build().generate();
        Components cached = components(HeldVersions.DEFAULT_MAX_UNITS);
        Components uncached = components(0);
        ingest(cached, docs.subList(0, 100));
        ingest(uncached, docs.subList(0, 100));

        int compared = 0;
        for (NewsCorpusGenerator.Doc d : docs.subList(100, 120)) {
            Fingerprint f = FINGERPRINTER.fingerprint(d.body());
            CountingReads reads = new CountingReads();
            Lookup kept = cached.store().lookups(dao -> cached.detector().lookup(f, null, null, reads.around(dao),
                    null, new io.redline.index.PendingEntries(), dao.merges()));
            Lookup read = uncached.store().lookups(dao -> uncached.detector().lookup(f, null, null, dao, null,
                    new io.redline.index.PendingEntries(), dao.merges()));

            assertThat(reads.fullRows).as("rows read with their large values").isZero();
            assertThat(summary(kept)).isEqualTo(summary(read));
            compared += kept.compared().size();
        }
        assertThat(compared).as("candidates compared").isPositive();
    }

    private static List<String> summary(Lookup lookup) {
        List<String> out = new ArrayList<>(List.of(lookup.classification().name()));
        for (Match m : lookup.matches()) {
            out.add(m.article().articleId() + " v" + m.article().version() + " story " + m.article().storyId() + " "
                    + m.classification() + " " + m.comparison() + " " + m.article().body().hashCode());
        }
        return out;
    }

    /** Counts the rows read with body, signature and shingles; everything else goes to the real store. */
    private static final class CountingReads {
        int fullRows;

        io.redline.store.LookupReads around(io.redline.store.LookupReads dao) {
            return new io.redline.store.LookupReads() {
                public List<io.redline.store.ArticleRow> articles(java.util.Collection<String> ids) {
                    return dao.articles(ids);
                }

                public List<VersionRow> latestVersions(java.util.Collection<String> ids) {
                    List<VersionRow> rows = dao.latestVersions(ids);
                    fullRows += rows.size();
                    return rows;
                }

                public List<VersionRow> latestHeads(java.util.Collection<String> ids) {
                    return dao.latestHeads(ids);
                }

                public List<io.redline.store.CandidateRow> candidates(java.util.Collection<String> ids) {
                    return dao.candidates(ids);
                }

                public List<io.redline.store.IndexedArticle> articlesAt(java.util.Collection<Long> seqs) {
                    return dao.articlesAt(seqs);
                }

                public List<io.redline.store.IndexLogRow> logAfter(long after, int limit) {
                    return dao.logAfter(after, limit);
                }

                public long lastTaken(String counter) {
                    return dao.lastTaken(counter);
                }
            };
        }
    }

    private static VersionRow head(VersionRow row, long ingestedAt, String contentHash) {
        return new VersionRow(row.articleId(), row.version(), row.storyId(), row.title(), null, row.publishedAt(),
                row.url(), row.source(), ingestedAt, contentHash, row.signatureVersion(), null, null, row.lineage());
    }

    /** Look-ups and stories come out the same whether stored terms are kept or computed every time. */
    @Test
    void ingestGivesTheSameAnswersWithAndWithoutTheCache() {
        List<NewsCorpusGenerator.Doc> docs = NewsCorpusGenerator.builder().count(300)
                .rewording(NewsCorpusGenerator.Rewording.HEAVY).revisionFraction(0.5).boilerplate(true).build().generate();

        Components cached = components(HeldVersions.DEFAULT_MAX_UNITS);
        Components uncached = components(0);
        List<String> with = ingest(cached, docs);
        List<String> without = ingest(uncached, docs);

        assertThat(with).isEqualTo(without);
        assertThat(cached.detector().heldVersions().hits()).isPositive();
        assertThat(uncached.detector().heldVersions().size()).isZero();
    }

    /**
     * A version is stored without its shingle set and signature, which a look-up makes again from the body; a
     * version stored with them (before migration 11) is read as the same fingerprint.
     */
    @Test
    void aVersionIsStoredWithoutShinglesAndSignatureAndReadTheSameAsOneStoredWithThem() {
        Components store = components(0);
        String body = NewsCorpusGenerator.builder().count(1).build().generate().get(0).body();
        store.ingestor().ingest(new ArticleRequest("a", null, body, null, null, null));
        VersionRow row = store.store().read(dao -> dao.latestVersion("a")).orElseThrow();
        Fingerprint expected = FINGERPRINTER.fingerprint(body);
        VersionRow withBytes = new VersionRow(row.articleId(), row.version(), row.storyId(), row.title(), row.body(),
                row.publishedAt(), row.url(), row.source(), row.ingestedAt(), row.contentHash(),
                row.signatureVersion(), expected.signature().toBytes(),
                io.redline.store.LongArrays.toBytes(expected.shingles()), row.lineage());

        assertThat(row.signature()).isNull();
        assertThat(row.shingles()).isNull();
        for (VersionRow stored : List.of(row, withBytes)) {
            Fingerprint read = store.detector().storedFingerprint(stored);
            assertThat(read.shingles()).isEqualTo(expected.shingles());
            assertThat(read.signature().values()).isEqualTo(expected.signature().values());
            assertSameTerms(read.paragraphs(), expected.paragraphs());
        }
    }

    private static List<String> ingest(Components components, List<NewsCorpusGenerator.Doc> docs) {
        List<String> out = new ArrayList<>();
        for (NewsCorpusGenerator.Doc d : docs) {
            IngestResponse r = components.ingestor().ingest(new ArticleRequest(d.id(), null, d.body(), null, null, null));
            out.add(r.id() + " " + r.status() + " " + r.classification() + " " + r.storyId() + " " + r.matches());
        }
        return out;
    }

    private static Components components(long maxTerms) {
        ArticleStore store = new ArticleStore(TestDatabase.h2().migratedJdbi());
        Detector detector = new Detector(FINGERPRINTER, new LshBands(LshParameters.forThreshold(0.3, 128,
                LshParameters.DEFAULT_TARGET_PROBABILITY)), new Comparer(Comparer.DEFAULT_PARAGRAPH_THRESHOLD),
                Classifier.defaults(), store, 0.3, 1000, 1, 10, new MetricRegistry(), new HeldVersions(maxTerms),
                Representatives.defaults());
        return Components.create(detector, store, InputLimits.defaults(), Clock.systemUTC(), new MetricRegistry());
    }

    private static VersionRow row(String id, int version, String body, long ingestedAt) {
        return new VersionRow(id, version, 1, "", body, null, null, null, ingestedAt,
                Ingestor.contentHash("", body), "v", new byte[0], new byte[0], Lineage.NONE);
    }

    private static void assertSameTerms(List<Fingerprint.ParagraphTerms> actual, List<Fingerprint.ParagraphTerms> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Fingerprint.ParagraphTerms a = actual.get(i);
            Fingerprint.ParagraphTerms e = expected.get(i);
            assertThat(a.paragraph()).isEqualTo(e.paragraph());
            assertThat(a.boilerplate()).isEqualTo(e.boilerplate());
            assertThat(a.terms()).containsExactly(e.terms());
            assertThat(a.words()).isEqualTo(e.words());
        }
    }
}
