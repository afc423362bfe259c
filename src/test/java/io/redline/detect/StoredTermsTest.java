package io.redline.detect;

import com.codahale.metrics.MetricRegistry;
import io.redline.Components;
import io.redline.api.ArticleRequest;
import io.redline.api.IngestResponse;
import io.redline.ingest.Ingestor;
import io.redline.ingest.InputLimits;
import io.redline.match.Classifier;
import io.redline.match.Comparer;
import io.redline.match.IndexedParagraphs;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredTermsTest {
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);

    @Test
    void aStoredVersionIsFingerprintedOnce() {
        StoredTerms cache = new StoredTerms(StoredTerms.DEFAULT_MAX_TERMS);
        AtomicInteger computed = new AtomicInteger();
        VersionRow row = row("a", 1, "First paragraph of words here.\n\nSecond one, with more words in it.", 1000);

        List<Fingerprint.ParagraphTerms> first = cache.get(row, body -> {
            computed.incrementAndGet();
            return FINGERPRINTER.paragraphTerms(body);
        });
        List<Fingerprint.ParagraphTerms> again = cache.get(row, body -> {
            computed.incrementAndGet();
            return FINGERPRINTER.paragraphTerms(body);
        });

        assertThat(computed).hasValue(1);
        assertThat(again).isSameAs(first);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void anArticleCreatedAgainWithTheSameVersionNumberIsNotAnsweredFromTheCache() {
        StoredTerms cache = new StoredTerms(StoredTerms.DEFAULT_MAX_TERMS);
        cache.put(row("a", 1, "Old text.\n\nOld second.", 1000), FINGERPRINTER.paragraphTerms("Old text.\n\nOld second."));
        // deleted, then stored again as version 1 with other paragraphs (whitespace alone changes the split)
        String body = "Old text.\nOld second.";

        List<Fingerprint.ParagraphTerms> terms = cache.get(row("a", 1, body, 1000), FINGERPRINTER::paragraphTerms);

        assertSameTerms(terms, FINGERPRINTER.paragraphTerms(body));
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void theIngestPathsFingerprintGivesTheTermsOfTheStoredBody() {
        for (NewsCorpusGenerator.Doc d : NewsCorpusGenerator.builder().count(50).boilerplate(true).build().generate()) {
            assertSameTerms(FINGERPRINTER.fingerprint(d.body()).paragraphs(), FINGERPRINTER.paragraphTerms(d.body()));
        }
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheTermsHeldPassTheBound() {
        String body = "one two three four five six";
        // one paragraph: 5 word pairs + 1, and its word-pair index in 8-byte units
        long weight = 6 + (IndexedParagraphs.of(FINGERPRINTER.paragraphTerms(body)).indexBytes() + 7) / 8;
        assertThat(weight).isGreaterThan(6);
        StoredTerms cache = new StoredTerms(2 * weight);
        cache.put(row("a", 1, body, 1), FINGERPRINTER.paragraphTerms(body));
        cache.put(row("b", 1, body, 1), FINGERPRINTER.paragraphTerms(body));
        cache.get(row("a", 1, body, 1), b -> { throw new AssertionError("a is held"); });
        cache.put(row("c", 1, body, 1), FINGERPRINTER.paragraphTerms(body));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.terms()).isEqualTo(2 * weight);
        AtomicInteger computed = new AtomicInteger();
        cache.get(row("b", 1, body, 1), b -> {
            computed.incrementAndGet();
            return FINGERPRINTER.paragraphTerms(b);
        });
        assertThat(computed).hasValue(1);
    }

    @Test
    void aBoundOfZeroHoldsNothing() {
        StoredTerms cache = new StoredTerms(0);
        cache.put(row("a", 1, "some words here", 1), FINGERPRINTER.paragraphTerms("some words here"));

        assertThat(cache.size()).isZero();
        assertThatThrownBy(() -> new StoredTerms(-1)).hasMessage("maxTerms must be >= 0, got -1");
    }

    /**
     * A kept entry carries its text's word-pair index, built by the first comparison against it. When the body
     * under the same id and version changes, the comparison must use the new body's index, never the old one.
     */
    @Test
    void aComparisonWithARowWhoseBodyChangedUnderTheSameVersionUsesTheNewBodysIndex() {
        List<NewsCorpusGenerator.Doc> docs = NewsCorpusGenerator.builder().count(40).revisionFraction(0.8)
                .words(200, 400).build().generate();
        Comparer comparer = new Comparer(Comparer.DEFAULT_PARAGRAPH_THRESHOLD);
        StoredTerms cache = new StoredTerms(StoredTerms.DEFAULT_MAX_TERMS);
        Fingerprint query = FINGERPRINTER.fingerprint(docs.get(39).body());
        String oldBody = docs.get(38).body();
        // the query's own paragraphs, shuffled: the old index would give other positions and exact flags
        String newBody = String.join("\n\n", shuffledParagraphs(docs.get(39).body()));

        Fingerprint old = kept(cache, row("a", 1, oldBody, 1000), oldBody);
        comparer.compare(query, old);  // builds the old body's index
        Fingerprint changed = kept(cache, row("a", 1, newBody, 1000), newBody);

        assertThat(changed.paragraphs()).isNotSameAs(old.paragraphs());
        assertThat(comparer.compare(query, changed)).isEqualTo(comparer.compare(query, FINGERPRINTER.fingerprint(newBody)));
        assertThat(comparer.compare(changed, query)).isEqualTo(comparer.compare(FINGERPRINTER.fingerprint(newBody), query));
    }

    /** The fingerprint a look-up verifies against: stored shingles, terms from the cache (computed on a miss). */
    private static Fingerprint kept(StoredTerms cache, VersionRow row, String body) {
        Fingerprint f = FINGERPRINTER.fingerprint(body);
        return new Fingerprint(cache.get(row, FINGERPRINTER::paragraphTerms), f.shingles(), f.signature(), new long[0]);
    }

    private static List<String> shuffledParagraphs(String body) {
        List<String> paragraphs = new ArrayList<>(List.of(body.split("\n\n")));
        java.util.Collections.rotate(paragraphs, 3);
        java.util.Collections.swap(paragraphs, 0, paragraphs.size() - 1);
        return paragraphs;
    }

    /** Look-ups and stories come out the same whether stored terms are kept or computed every time. */
    @Test
    void ingestGivesTheSameAnswersWithAndWithoutTheCache() {
        List<NewsCorpusGenerator.Doc> docs = NewsCorpusGenerator.builder().count(300)
                .rewording(NewsCorpusGenerator.Rewording.HEAVY).revisionFraction(0.5).boilerplate(true).build().generate();

        Components cached = components(StoredTerms.DEFAULT_MAX_TERMS);
        Components uncached = components(0);
        List<String> with = ingest(cached, docs);
        List<String> without = ingest(uncached, docs);

        assertThat(with).isEqualTo(without);
        assertThat(cached.detector().storedTerms().hits()).isPositive();
        assertThat(uncached.detector().storedTerms().size()).isZero();
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
                Classifier.defaults(), store, 0.3, 1000, 1, 10, new MetricRegistry(), new StoredTerms(maxTerms),
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
