package io.redline.ingest;

import com.codahale.metrics.MetricRegistry;
import io.redline.Components;
import io.redline.DetectionFactory;
import io.redline.api.ArticleRequest;
import io.redline.api.IngestResponse;
import io.redline.api.MatchView;
import io.redline.store.ArticleStore;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commit reuses the look-up made when the article was prepared only while it still holds: what was stored or
 * merged in between is seen, as if the article had been looked up at its commit.
 */
class PreparedLookupTest {
    private static final String BODY = "The council voted on Monday to approve funding for a new pedestrian bridge across "
            + "the harbour, ending a debate that lasted almost ten years.\n\n"
            + "Construction is expected to begin next spring and to take two years, the mayor told reporters at the "
            + "town hall after the vote.\n\n"
            + "Opponents said the money would be better spent on repairing the roads of the northern districts.";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMergeBetweenPrepareAndCommitIsSeen(TestDatabase.Kind kind) {
        Ingestor ingestor = ingestor(kind);
        // the same text dated two months apart: a next edition, so two stories
        long first = ingestor.ingest(article("notice-2025", "2025-01-10T09:00:00Z")).storyId();
        long second = ingestor.ingest(article("notice-2025b", "2025-03-10T09:00:00Z")).storyId();
        assertThat(second).isNotEqualTo(first);

        // an undated copy prepared now matches both stories, and would merge them
        Ingestor.Prepared late = ingestor.prepare(article("copy-late", null));
        assertThat(late.early().matches()).extracting(m -> m.article().storyId()).contains(first, second);

        // another undated copy merges them first
        assertThat(ingestor.ingest(article("copy-early", null)).mergedStories()).containsExactly(second);

        IngestResponse committed = ingestor.commit(late);
        assertThat(committed.storyId()).isEqualTo(first);
        assertThat(committed.mergedStories()).isEmpty();
        assertThat(committed.matches()).extracting(MatchView::storyId).containsOnly(first);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMergeByAnArticleThatDoesNotResembleThePreparedOneIsSeen(TestDatabase.Kind kind) {
        Ingestor ingestor = ingestor(kind);
        String[] p = BODY.split("\n\n");
        long first = ingestor.ingest(article("notice-2025", "2025-01-10T09:00:00Z")).storyId();
        long second = ingestor.ingest(article("notice-2025b", "2025-03-10T09:00:00Z")).storyId();

        // only the last paragraph: an excerpt of both stories' texts
        Ingestor.Prepared late = ingestor.prepare(new ArticleRequest("excerpt", "Notice", p[2], null, null, null));
        assertThat(late.early().matches()).extracting(m -> m.article().storyId()).contains(first, second);

        // the first two paragraphs and a new one revise both texts and merge their stories, sharing nothing with
        // the excerpt: the index entries the excerpt finds do not change
        String revision = p[0] + "\n\n" + p[1] + "\n\nA second vote on the design of the bridge and of its lighting "
                + "is planned for the autumn, once the engineers have reported to the council committee.";
        IngestResponse merging = ingestor.ingest(new ArticleRequest("revision", "Notice", revision, null, null, null));
        assertThat(merging.mergedStories()).containsExactly(second);
        assertThat(merging.matches()).extracting(MatchView::id).doesNotContain("excerpt");

        IngestResponse committed = ingestor.commit(late);
        assertThat(committed.matches()).extracting(MatchView::storyId).containsOnly(first);
        assertThat(committed.storyId()).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anArticleStoredBetweenPrepareAndCommitIsCompared(TestDatabase.Kind kind) {
        Ingestor ingestor = ingestor(kind);
        Ingestor.Prepared late = ingestor.prepare(article("copy-late", null));
        assertThat(late.early().matches()).isEmpty();

        long story = ingestor.ingest(article("copy-early", null)).storyId();

        IngestResponse committed = ingestor.commit(late);
        assertThat(committed.storyId()).isEqualTo(story);
        assertThat(committed.classification()).isEqualTo("DUPLICATE");
        assertThat(committed.matches()).extracting(MatchView::id).containsExactly("copy-early");
    }

    private static Ingestor ingestor(TestDatabase.Kind kind) {
        ArticleStore store = new ArticleStore(TestDatabase.create(kind).migratedJdbi());
        return Components.create(new DetectionFactory().buildDetector(store, new MetricRegistry()), store,
                InputLimits.defaults(), Clock.systemUTC(), new MetricRegistry()).ingestor();
    }

    private static ArticleRequest article(String id, String publishedAt) {
        return new ArticleRequest(id, "Notice", BODY, publishedAt == null ? null : Instant.parse(publishedAt), null, null);
    }
}
