package io.redline.store;

import io.redline.detect.CandidateIndex;
import io.redline.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@link ArticleStore} and {@link RedlineDao} on real databases: every test runs once on a fresh H2 file
 * database and once on a fresh database in an embedded PostgreSQL. No mocks.
 */
class ArticleStoreTest {
    private static final String SIG_VERSION = "test-v1";
    private static final StoryPlacement NEW_STORY = StoryPlacement.NEW_STORY;

    // --- story ids

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void newStoriesTakeIdsInOrderFromTheCounterAndNeverReuseThem(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        assertThat(db.storyCounter()).isEqualTo(1);

        assertThat(db.store.saveVersion(version("a", 1, "first"), keys(1), NEW_STORY, 100)).isEqualTo(1);
        assertThat(db.store.saveVersion(version("b", 1, "second"), keys(2), NEW_STORY, 200)).isEqualTo(2);
        assertThat(db.storyCounter()).isEqualTo(3);

        assertThat(db.store.delete("b")).isTrue();
        assertThat(db.story(2)).isEmpty();

        assertThat(db.store.saveVersion(version("c", 1, "third"), keys(3), NEW_STORY, 300)).isEqualTo(3);
        assertThat(db.storyCounter()).isEqualTo(4);
        assertThat(db.story(1)).contains(new StoryRow(1, 100, 100));
        assertThat(db.story(3)).contains(new StoryRow(3, 300, 300));
        assertThat(db.countStories()).isEqualTo(2);
        assertThat(db.article("c")).contains(new ArticleRow("c", 3, 1, 300));
    }

    // --- many articles in one transaction

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBatchStoresEachItemAsIfAloneAndUndoesAFailedOneAfterItsWrites(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("before", 1, "stored earlier"), keys(1), NEW_STORY, 50);

        List<ArticleStore.Attempt<Long>> attempts = db.store.eachInOneTransaction(List.of("a", "b", "c", "d"),
                () -> null, (writes, none, id) -> {
                    long story = ArticleStore.saveVersion(writes, version(id, 1, "text of " + id), keys(10, 11),
                            NEW_STORY, 100).storyId();
                    if (id.equals("b")) {
                        throw new IllegalStateException("b fails after writing its rows");
                    }
                    // each item sees what the ones before it wrote
                    assertThat(writes.dao().article(id)).isPresent();
                    return story;
                });

        assertThat(attempts).extracting(ArticleStore.Attempt::result).containsExactly(2L, null, 3L, 4L);
        assertThat(attempts.get(1).failure()).hasMessageContaining("b fails");
        assertThat(db.article("b")).isEmpty();
        assertThat(db.versions("b")).isEmpty();
        assertThat(db.countArticles()).isEqualTo(4);
        assertThat(db.countStories()).isEqualTo(4);
        assertThat(db.storyCounter()).isEqualTo(5);
        assertThat(db.store.saveVersion(version("e", 1, "after"), keys(12), NEW_STORY, 200)).isEqualTo(5);
        db.index.refresh();
        assertThat(db.candidates(keys(10, 11), 10).bandHits()).containsOnlyKeys("a", "c", "d");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStatementFailingInABatchIsUndoneAloneThoughPostgresAbortsTheTransaction(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        // the second insert of "a" breaks the primary key, and PostgreSQL then refuses every later statement of
        // the transaction: the batch is rolled back and "a" and "b" stored again without it
        List<ArticleStore.Attempt<Long>> attempts = db.store.eachInOneTransaction(List.of("a", "a", "b"),
                () -> null, (writes, none, id) -> ArticleStore.saveVersion(writes, version(id, 1, "text"), keys(10), NEW_STORY, 100)
                        .storyId());
        assertThat(attempts.get(0).result()).isEqualTo(1L);
        assertThat(attempts.get(1).failure()).isNotNull();
        assertThat(attempts.get(2).result()).isEqualTo(2L);
        assertThat(db.countArticles()).isEqualTo(2);
    }

    // --- saving into an existing story, new versions

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void savingIntoAnExistingStoryTouchesItAndIssuesNoId(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "first"), keys(1), NEW_STORY, 100);

        assertThat(db.store.saveVersion(version("b", 1, "second"), keys(2), into(1), 500)).isEqualTo(1);

        assertThat(db.story(1)).contains(new StoryRow(1, 100, 500));
        assertThat(db.storyArticleCount(1)).isEqualTo(2);
        assertThat(db.article("b")).contains(new ArticleRow("b", 1, 1, 500));
        assertThat(db.storyCounter()).isEqualTo(2);
        assertThat(db.countStories()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void secondVersionBecomesLatestKeepsTheFirstAndReplacesTheBuckets(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "first text"), keys(10, 11, 12), NEW_STORY, 100);

        long story = db.store.saveVersion(version("a", 2, "second text"), keys(20, 21), into(1), 200);

        assertThat(story).isEqualTo(1);
        assertThat(db.article("a")).contains(new ArticleRow("a", 1, 2, 100));
        List<VersionRow> versions = db.versions("a");
        assertThat(versions).extracting(VersionRow::version).containsExactly(1, 2);
        assertThat(versions).extracting(VersionRow::body).containsExactly("first text", "second text");
        assertThat(db.version("a", 1)).get()
                .extracting(VersionRow::body).isEqualTo("first text");
        assertThat(db.latestVersion("a")).get()
                .extracting(VersionRow::version, VersionRow::body).containsExactly(2, "second text");
        assertThat(db.bucketsOf("a")).containsExactlyInAnyOrder(20L, 21L);
        assertThat(db.candidates(keys(10, 11, 12), 10).bandHits()).isEmpty();
        assertThat(db.candidates(keys(20, 21), 10).bandHits()).containsOnly(entry("a", 2));
        assertThat(db.countVersions()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void versionWithoutBucketKeysLeavesNoIndexRows(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "indexed"), keys(1, 2), NEW_STORY, 100);

        db.store.saveVersion(version("a", 2, ""), keys(), into(1), 200);
        db.store.saveVersion(version("b", 1, ""), keys(), NEW_STORY, 300);

        assertThat(db.bucketsOf("a")).isEmpty();
        assertThat(db.bucketsOf("b")).isEmpty();
        assertThat(db.article("b")).contains(new ArticleRow("b", 2, 1, 300));
    }

    // --- merging

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void articleMatchingTwoStoriesMergesTheYoungerIntoTheOlder(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "one"), keys(1), NEW_STORY, 100);
        db.store.saveVersion(version("b", 1, "two"), keys(2), NEW_STORY, 200);

        long story = db.store.saveVersion(version("c", 1, "three"), keys(3),
                new StoryPlacement(OptionalLong.of(1), List.of(2L)), 300);

        assertThat(story).isEqualTo(1);
        for (String id : List.of("a", "b", "c")) {
            assertThat(db.article(id)).get().extracting(ArticleRow::storyId).isEqualTo(1L);
            assertThat(db.latestVersion(id)).get()
                    .extracting(VersionRow::storyId).isEqualTo(1L);
        }
        assertThat(db.story(2)).isEmpty();
        assertThat(db.story(1)).contains(new StoryRow(1, 100, 300));
        assertThat(db.countStories()).isEqualTo(1);
        assertThat(db.mergesInto(1)).containsExactly(new StoryMergeRow(2, 1, "c", 300));
        assertThat(db.store.read(RedlineDao::countStoryMerges)).isEqualTo(1);
        assertThat(db.storyVersions(1)).extracting(VersionRow::articleId)
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(db.storyCounter()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTargetStoryMergedAwaySinceTheLookUpIsFollowedToItsSurvivor(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "one"), keys(1), NEW_STORY, 100);
        db.store.saveVersion(version("b", 1, "two"), keys(2), NEW_STORY, 200);
        // another replica merges story 2 into 1 ...
        db.store.saveVersion(version("c", 1, "three"), keys(3), new StoryPlacement(OptionalLong.of(1), List.of(2L)), 300);
        // ... while this one still saw story 2 as "b"'s story
        long story = db.store.saveVersion(version("d", 1, "four"), keys(4), into(2), 400);

        assertThat(story).isEqualTo(1);
        assertThat(db.article("d")).get().extracting(ArticleRow::storyId).isEqualTo(1L);
        assertThat(db.countStories()).isEqualTo(1);
        assertThat(db.story(1)).get().extracting(StoryRow::updatedAt).isEqualTo(400L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTargetStoryDeletedSinceTheLookUpGivesANewStory(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "one"), keys(1), NEW_STORY, 100);
        db.store.delete("a");

        long story = db.store.saveVersion(version("b", 1, "two"), keys(2), into(1), 200);

        assertThat(story).isEqualTo(2);
        assertThat(db.story(2)).isPresent();
        assertThat(db.article("b")).get().extracting(ArticleRow::storyId).isEqualTo(2L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void newVersionCanPullItsOwnStoryIntoAnOlderOne(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "one"), keys(1), NEW_STORY, 100);
        db.store.saveVersion(version("b", 1, "two"), keys(2), NEW_STORY, 200);

        long story = db.store.saveVersion(version("b", 2, "two, revised"), keys(1),
                new StoryPlacement(OptionalLong.of(1), List.of(2L)), 300);

        assertThat(story).isEqualTo(1);
        assertThat(db.article("b")).contains(new ArticleRow("b", 1, 2, 200));
        assertThat(db.story(2)).isEmpty();
        assertThat(db.mergesInto(1)).containsExactly(new StoryMergeRow(2, 1, "b", 300));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void mergingAStoryCarriesTheStoriesMergedIntoIt(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "one"), keys(1), NEW_STORY, 100);
        db.store.saveVersion(version("b", 1, "two"), keys(2), NEW_STORY, 200);
        db.store.saveVersion(version("c", 1, "three"), keys(3), NEW_STORY, 300);
        db.store.saveVersion(version("d", 1, "four"), keys(4), new StoryPlacement(OptionalLong.of(2), List.of(3L)), 400);

        db.store.saveVersion(version("e", 1, "five"), keys(5), new StoryPlacement(OptionalLong.of(1), List.of(2L)), 500);

        assertThat(db.mergesInto(1)).containsExactly(
                new StoryMergeRow(3, 1, "d", 400), new StoryMergeRow(2, 1, "e", 500));
        assertThat(db.mergesInto(2)).isEmpty();
        assertThat(db.countStories()).isEqualTo(1);
        assertThat(db.storyArticleCount(1)).isEqualTo(5);
        // the merge of 3 into 2, repointed to 1 with 2's own, is still counted: two merges recorded
        assertThat(db.store.read(RedlineDao::countStoryMerges)).isEqualTo(2);
    }

    // --- LSH candidates

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void candidatesCountTheBandsEachArticleShares(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "a"), keys(1, 2, 3), NEW_STORY, 100);
        db.store.saveVersion(version("b", 1, "b"), keys(2, 3, 4), NEW_STORY, 100);
        db.store.saveVersion(version("c", 1, "c"), keys(3, 5), NEW_STORY, 100);
        db.store.saveVersion(version("d", 1, "d"), keys(6), NEW_STORY, 100);

        CandidateIndex.Candidates found = db.candidates(keys(1, 2, 3, 99), 10);

        assertThat(found.bandHits()).containsOnly(entry("a", 3), entry("b", 2), entry("c", 1));
        assertThat(found.oversizedBuckets()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void bucketFullerThanTheCapIsSkippedAndCounted(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "a"), keys(1, 2, 3), NEW_STORY, 100);
        db.store.saveVersion(version("b", 1, "b"), keys(2, 3), NEW_STORY, 100);
        db.store.saveVersion(version("c", 1, "c"), keys(3), NEW_STORY, 100);

        CandidateIndex.Candidates capped = db.candidates(keys(1, 2, 3), 2);
        assertThat(capped.bandHits()).containsOnly(entry("a", 2), entry("b", 1));
        assertThat(capped.oversizedBuckets()).isEqualTo(1);

        CandidateIndex.Candidates atTheCap = db.candidates(keys(1, 2, 3), 3);
        assertThat(atTheCap.bandHits()).containsOnly(entry("a", 3), entry("b", 2), entry("c", 1));
        assertThat(atTheCap.oversizedBuckets()).isZero();

        CandidateIndex.Candidates allFull = db.candidates(keys(2, 3), 1);
        assertThat(allFull.bandHits()).isEmpty();
        assertThat(allFull.oversizedBuckets()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void noKeysOrUnknownKeysFindNothing(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "a"), keys(1, 2), NEW_STORY, 100);

        assertThat(db.candidates(keys(), 10)).isEqualTo(new CandidateIndex.Candidates(Map.of(), Map.of(), 0));
        assertThat(db.candidates(keys(7, 8), 10)).isEqualTo(new CandidateIndex.Candidates(Map.of(), Map.of(), 0));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anIndexFollowsWhatAnotherReplicaWritesAndOneBuiltLaterAgrees(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        ArticleStore replica = new ArticleStore(db.jdbi());
        db.store.saveVersion(version("a", 1, "a"), keys(1, 2), NEW_STORY, 100);
        assertThat(db.candidates(keys(1, 2), 10).bandHits()).containsOnly(entry("a", 2));

        replica.saveVersion(version("b", 1, "b"), keys(2, 3), NEW_STORY, 200);
        replica.saveVersion(version("a", 2, "a again"), keys(4), into(1), 300);
        replica.delete("b");
        replica.saveVersion(version("c", 1, "c"), keys(2, 4), NEW_STORY, 400);

        Map<String, Integer> expected = Map.of("a", 1, "c", 2);
        assertThat(db.candidates(keys(1, 2, 3, 4), 10).bandHits()).isEqualTo(expected);
        assertThat(new CandidateIndex(db.store()).find(keys(1, 2, 3, 4), 10, 10).bandHits()).isEqualTo(expected);
        // superseded entries leave the log; a deletion stays as a tombstone
        assertThat(db.rowCount("SELECT COUNT(*) FROM lsh_log")).isEqualTo(3);
        assertThat(db.rowCount("SELECT COUNT(*) FROM lsh_log WHERE bucket_keys IS NULL")).isEqualTo(1);
    }

    // --- delete

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deletingTheOnlyArticleRemovesEverythingAndItsStory(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "one"), keys(1, 2), NEW_STORY, 100);
        db.store.saveVersion(version("a", 2, "one, revised"), keys(3, 4), into(1), 200);
        db.store.saveVersion(version("z", 1, "elsewhere"), keys(3, 9), NEW_STORY, 300);

        assertThat(db.store.delete("a")).isTrue();

        assertThat(db.article("a")).isEmpty();
        assertThat(db.versions("a")).isEmpty();
        assertThat(db.bucketsOf("a")).isEmpty();
        assertThat(db.rowCount("SELECT COUNT(*) FROM article_versions WHERE article_id = 'a'")).isZero();
        assertThat(db.rowCount("SELECT COUNT(*) FROM lsh_log WHERE bucket_keys IS NOT NULL")).isEqualTo(1);
        assertThat(db.story(1)).isEmpty();
        assertThat(db.candidates(keys(1, 2, 3, 4), 10).bandHits()).containsOnly(entry("z", 1));
        assertThat(db.countArticles()).isEqualTo(1);
        assertThat(db.countVersions()).isEqualTo(1);
        assertThat(db.countStories()).isEqualTo(1);
        assertThat(db.bucketsOf("z")).containsExactlyInAnyOrder(3L, 9L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void storyWithOtherArticlesSurvivesADelete(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "one"), keys(1), NEW_STORY, 100);
        db.store.saveVersion(version("b", 1, "two"), keys(1, 2), into(1), 200);

        assertThat(db.store.delete("a")).isTrue();

        assertThat(db.story(1)).contains(new StoryRow(1, 100, 200));
        assertThat(db.storyArticleCount(1)).isEqualTo(1);
        assertThat(db.article("b")).contains(new ArticleRow("b", 1, 1, 200));
        assertThat(db.bucketsOf("b")).containsExactlyInAnyOrder(1L, 2L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deletingAnUnknownArticleReturnsFalseAndChangesNothing(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "one"), keys(1), NEW_STORY, 100);

        assertThat(db.store.delete("nope")).isFalse();

        assertThat(db.countArticles()).isEqualTo(1);
        assertThat(db.countStories()).isEqualTo(1);
        assertThat(db.bucketsOf("a")).containsExactly(1L);
    }

    // --- atomicity

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void failedNewStoryWriteRollsBackTheCounterStoryAndBuckets(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "original"), keys(1, 2), NEW_STORY, 100);

        assertThatThrownBy(() -> db.store.saveVersion(version("a", 1, "duplicate id"), keys(7, 8), NEW_STORY, 200))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasCauseInstanceOf(SQLException.class);

        assertThat(db.storyCounter()).isEqualTo(2);
        assertThat(db.countStories()).isEqualTo(1);
        assertThat(db.story(2)).isEmpty();
        assertThat(db.bucketsOf("a")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(db.rowCount("SELECT COUNT(*) FROM lsh_log")).isEqualTo(1);
        assertThat(db.rowCount("SELECT next_value FROM counters WHERE name = 'lsh'")).isEqualTo(2);
        assertThat(db.versions("a")).extracting(VersionRow::body).containsExactly("original");
        assertThat(db.article("a")).contains(new ArticleRow("a", 1, 1, 100));

        assertThat(db.store.saveVersion(version("b", 1, "next"), keys(3), NEW_STORY, 300)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void failedMergeWriteLeavesBothStoriesAsTheyWere(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "one"), keys(1), NEW_STORY, 100);
        db.store.saveVersion(version("b", 1, "two"), keys(2), NEW_STORY, 200);

        // The merge steps run before the article insert that fails on the duplicate id.
        assertThatThrownBy(() -> db.store.saveVersion(version("a", 1, "again"), keys(9),
                new StoryPlacement(OptionalLong.of(1), List.of(2L)), 300))
                .isInstanceOf(UnableToExecuteStatementException.class);

        assertThat(db.story(1)).contains(new StoryRow(1, 100, 100));
        assertThat(db.story(2)).contains(new StoryRow(2, 200, 200));
        assertThat(db.article("b")).contains(new ArticleRow("b", 2, 1, 200));
        assertThat(db.mergesInto(1)).isEmpty();
        assertThat(db.rowCount("SELECT COUNT(*) FROM story_merges")).isZero();
        assertThat(db.bucketsOf("a")).containsExactly(1L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void failedVersionOfAnUnknownArticleWritesNothing(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "one"), keys(1), NEW_STORY, 100);

        // No article row "ghost": the version insert breaks the foreign key.
        assertThatThrownBy(() -> db.store.saveVersion(version("ghost", 2, "orphan"), keys(5), into(1), 200))
                .isInstanceOf(UnableToExecuteStatementException.class);

        assertThat(db.story(1)).contains(new StoryRow(1, 100, 100));
        assertThat(db.rowCount("SELECT COUNT(*) FROM article_versions WHERE article_id = 'ghost'")).isZero();
        assertThat(db.rowCount("SELECT COUNT(*) FROM lsh_log")).isEqualTo(1);
        assertThat(db.countVersions()).isEqualTo(1);
    }

    // --- large objects

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void textAndBytesComeBackIdentical(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        String title = "عاجل: 地震 🌍 — «Überschrift»";
        String multilingual = "مرحبا بالعالم\n\n你好，世界。\n\nEmoji 😀👍🏽🇺🇳 and a surrogate pair 𝄞.\n\ttab & \"quotes\" ' \\ end";
        StringBuilder big = new StringBuilder(210_000);
        while (big.length() < 200_000) {
            big.append(multilingual).append(' ').append(big.length()).append('\n');
        }
        String bigBody = big.toString();
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
        }
        byte[] manyBytes = new byte[200 * 1024];
        new Random(42).nextBytes(manyBytes);

        VersionRow small = new VersionRow("ع-1", 1, 0, title, multilingual, 1_700_000_000_000L,
                "https://example.org/خبر?q=天气", "مصدر", 10, hash('a'), SIG_VERSION, allBytes, manyBytes, Lineage.NONE);
        VersionRow large = new VersionRow("big", 1, 0, "big", bigBody, null, null, null, 20, hash('b'),
                SIG_VERSION, manyBytes, allBytes, Lineage.NONE);
        db.store.saveVersion(small, keys(1), NEW_STORY, 100);
        db.store.saveVersion(large, keys(2), NEW_STORY, 100);

        assertSameVersion(db.latestVersion("ع-1").orElseThrow(), small, 1);
        assertSameVersion(db.version("big", 1).orElseThrow(), large, 2);
        assertThat(db.latestVersions(List.of("ع-1", "big"))).hasSize(2);
        assertThat(bigBody.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(200 * 1024);
    }

    private static void assertSameVersion(VersionRow actual, VersionRow expected, long storyId) {
        assertThat(actual.articleId()).isEqualTo(expected.articleId());
        assertThat(actual.version()).isEqualTo(expected.version());
        assertThat(actual.storyId()).isEqualTo(storyId);
        assertThat(actual.title()).isEqualTo(expected.title());
        assertThat(actual.body()).hasSameSizeAs(expected.body()).isEqualTo(expected.body());
        assertThat(actual.publishedAt()).isEqualTo(expected.publishedAt());
        assertThat(actual.url()).isEqualTo(expected.url());
        assertThat(actual.source()).isEqualTo(expected.source());
        assertThat(actual.ingestedAt()).isEqualTo(expected.ingestedAt());
        assertThat(actual.contentHash()).isEqualTo(expected.contentHash());
        assertThat(actual.signatureVersion()).isEqualTo(expected.signatureVersion());
        assertThat(actual.signature()).isEqualTo(expected.signature());
        assertThat(actual.shingles()).isEqualTo(expected.shingles());
    }

    // --- story reads

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void storyVersionsRunByPublicationFallingBackToIngestionThenByIngestion(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(timed("a", 1, 300L, 10), keys(1), NEW_STORY, 1000);
        db.store.saveVersion(timed("b", 1, null, 200), keys(2), into(1), 1000);
        db.store.saveVersion(timed("c", 1, 300L, 5), keys(3), into(1), 1000);
        db.store.saveVersion(timed("d", 1, null, 300), keys(4), into(1), 1000);
        db.store.saveVersion(timed("b", 2, 100L, 400), keys(5), into(1), 1000);
        db.store.saveVersion(timed("other", 1, 1L, 1), keys(6), NEW_STORY, 1000);

        assertThat(db.storyVersions(1))
                .extracting(v -> v.articleId() + "/" + v.version())
                .containsExactly("b/2", "b/1", "c/1", "a/1", "d/1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void storiesListNewestUpdatedFirstWithPaging(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "a"), keys(1), NEW_STORY, 100);
        db.store.saveVersion(version("b", 1, "b"), keys(2), NEW_STORY, 200);
        db.store.saveVersion(version("c", 1, "c"), keys(3), NEW_STORY, 300);
        db.store.saveVersion(version("d", 1, "d"), keys(4), NEW_STORY, 300);
        db.store.saveVersion(version("e", 1, "e"), keys(5), into(1), 400);

        assertThat(db.stories(10, 0)).extracting(StoryRow::id).containsExactly(1L, 4L, 3L, 2L);
        assertThat(db.stories(2, 1)).extracting(StoryRow::id).containsExactly(4L, 3L);
        assertThat(db.stories(2, 3)).extracting(StoryRow::id).containsExactly(2L);
        assertThat(db.stories(10, 4)).isEmpty();
        assertThat(db.stories(1, 0)).containsExactly(new StoryRow(1, 100, 400));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void storyArticlesGiveTheLatestVersionOfEachArticle(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(titled("a", 1, "A one", 10), keys(1), NEW_STORY, 100);
        db.store.saveVersion(titled("a", 2, "A two", 20), keys(1), into(1), 200);
        db.store.saveVersion(titled("b", 1, "B one", 30), keys(2), into(1), 300);
        db.store.saveVersion(titled("c", 1, "C one", 40), keys(3), NEW_STORY, 400);

        assertThat(db.storyArticles(List.of(1L))).containsExactlyInAnyOrder(
                new StoryArticleRow(1, "a", 2, "A two", 20, null), new StoryArticleRow(1, "b", 1, "B one", 30, null));
        assertThat(db.storyArticles(List.of(1L, 2L))).containsExactlyInAnyOrder(
                new StoryArticleRow(1, "a", 2, "A two", 20, null), new StoryArticleRow(1, "b", 1, "B one", 30, null),
                new StoryArticleRow(2, "c", 1, "C one", 40, null));
        assertThat(db.storyArticles(List.of(99L))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void countsFollowWritesAndDeletes(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "a"), keys(1), NEW_STORY, 100);
        db.store.saveVersion(version("a", 2, "a2"), keys(1), into(1), 200);
        db.store.saveVersion(version("a", 3, "a3"), keys(1), into(1), 300);
        db.store.saveVersion(version("b", 1, "b"), keys(2), NEW_STORY, 400);
        db.store.saveVersion(version("c", 1, "c"), keys(3), into(2), 500);

        assertThat(db.counts()).containsExactly(2L, 3L, 5L);

        db.store.delete("a");
        assertThat(db.counts()).containsExactly(1L, 2L, 2L);

        db.store.delete("b");
        db.store.delete("c");
        assertThat(db.counts()).containsExactly(0L, 0L, 0L);
    }

    // --- re-indexing

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void staleVersionsAreFoundAndRewrittenWithNewIndexRows(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(signed("a", 1, "old-v0"), keys(1, 2), NEW_STORY, 100);
        db.store.saveVersion(signed("a", 2, "old-v0"), keys(3, 4), into(1), 200);
        db.store.saveVersion(signed("b", 1, SIG_VERSION), keys(5), NEW_STORY, 300);
        db.store.saveVersion(signed("c", 1, "old-v0"), keys(6), NEW_STORY, 400);

        assertThat(db.countStale(SIG_VERSION)).isEqualTo(3);
        assertThat(db.countStale("old-v0")).isEqualTo(1);
        assertThat(db.staleVersions(SIG_VERSION, 2))
                .extracting(v -> v.articleId() + "/" + v.version()).containsExactly("a/1", "a/2");
        List<VersionRow> stale = db.staleVersions(SIG_VERSION, 10);
        assertThat(stale).extracting(v -> v.articleId() + "/" + v.version()).containsExactly("a/1", "a/2", "c/1");

        List<VersionRow> resigned = stale.stream().map(v -> new VersionRow(v.articleId(), v.version(), v.storyId(),
                v.title(), v.body(), v.publishedAt(), v.url(), v.source(), v.ingestedAt(), v.contentHash(),
                SIG_VERSION, bytes(0x50 + v.version(), 16), bytes(0x70 + v.version(), 32), v.lineage())).toList();
        db.store.updateFingerprints(resigned, Map.of("a", keys(50, 51), "c", keys(60)));

        assertThat(db.countStale(SIG_VERSION)).isZero();
        assertThat(db.staleVersions(SIG_VERSION, 10)).isEmpty();
        VersionRow a1 = db.version("a", 1).orElseThrow();
        assertThat(a1.signatureVersion()).isEqualTo(SIG_VERSION);
        assertThat(a1.signature()).isEqualTo(bytes(0x51, 16));
        assertThat(a1.shingles()).isEqualTo(bytes(0x71, 32));
        assertThat(a1.body()).isEqualTo("body of a/1");
        assertThat(a1.contentHash()).isEqualTo(hash('1'));
        assertThat(db.version("a", 2).orElseThrow().signature()).isEqualTo(bytes(0x52, 16));
        assertThat(db.bucketsOf("a")).containsExactlyInAnyOrder(50L, 51L);
        assertThat(db.bucketsOf("c")).containsExactly(60L);
        assertThat(db.bucketsOf("b")).containsExactly(5L);
        assertThat(db.version("b", 1).orElseThrow().signature())
                .isEqualTo(signed("b", 1, SIG_VERSION).signature());
        assertThat(db.countVersions()).isEqualTo(4);
    }

    /**
     * A start-up looks for stale versions on every store, so that look-up must not grow with the store: it and
     * each batch come from the index alone, never from a scan of the versions.
     */
    @Test
    void staleVersionsAreFoundThroughTheIndexWithoutReadingTheVersions() {
        Db db = Db.open(TestDatabase.Kind.H2);
        db.store.saveVersion(signed("a", 1, "old-v0"), keys(1), NEW_STORY, 100);
        db.store.saveVersion(signed("b", 1, "zz-newer"), keys(2), NEW_STORY, 200);
        db.store.saveVersion(signed("c", 1, SIG_VERSION), keys(3), NEW_STORY, 300);

        // one stale setting at a time: the lowest, else the highest; a setting between them comes up once the
        // ends are re-signed
        assertThat(db.staleVersions(SIG_VERSION, 10)).extracting(VersionRow::articleId).containsExactly("a");
        assertThat(db.staleVersions("old-v0", 10)).extracting(VersionRow::articleId).containsExactly("b");
        assertThat(db.staleVersions("zz-newer", 10)).extracting(VersionRow::articleId).containsExactly("a");
        assertThat(db.staleVersions("nothing-stored", 10)).extracting(VersionRow::articleId).containsExactly("a");
        db.jdbi.useHandle(h -> {
            assertThat(h.createQuery("EXPLAIN SELECT MIN(signature_version) FROM article_versions").mapTo(String.class).one())
                    .contains("direct lookup");
            assertThat(h.createQuery("EXPLAIN SELECT MAX(signature_version) FROM article_versions").mapTo(String.class).one())
                    .contains("direct lookup");
            String batch = h.createQuery("EXPLAIN SELECT v.article_id FROM articles a JOIN article_versions v "
                    + "ON v.article_id = a.id WHERE v.signature_version = 'old-v0' "
                    + "ORDER BY v.signature_version, v.article_id, v.version LIMIT 200").mapTo(String.class).one();
            assertThat(batch).contains("VERSIONS_SIGNATURE_KEY").contains("index sorted");
        });
    }

    // --- lineage

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void lineageIsStoredWithTheVersionAndReadBackByEveryQuery(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        db.store.saveVersion(version("a", 1, "first"), keys(1), NEW_STORY, 100);
        db.store.saveVersion(derived(version("a", 2, "second"), Lineage.updateOf(new VersionHead("a", 1, 1, ""))), keys(2), into(1), 200);
        Lineage revision = new Lineage("a", 1, Lineage.REVISION);
        db.store.saveVersion(derived(version("b", 1, "rewrite"), revision), keys(3), into(1), 300);

        assertThat(db.version("a", 1).orElseThrow().lineage()).isEqualTo(Lineage.NONE);
        assertThat(db.version("a", 2).orElseThrow().lineage()).isEqualTo(new Lineage("a", 1, "UPDATE"));
        assertThat(db.latestVersion("b").orElseThrow().lineage()).isEqualTo(revision);
        assertThat(db.latestVersions(List.of("a", "b"))).extracting(VersionRow::lineage)
                .containsExactlyInAnyOrder(new Lineage("a", 1, "UPDATE"), revision);
        assertThat(db.versions("a")).extracting(VersionRow::lineage)
                .containsExactly(Lineage.NONE, new Lineage("a", 1, "UPDATE"));
        // (b/1 was received at 1000, as a/1 was)
        assertThat(db.storyVersions(1)).extracting(VersionRow::lineage)
                .containsExactly(Lineage.NONE, revision, new Lineage("a", 1, "UPDATE"));
        assertThat(db.staleVersions("other", 10)).extracting(VersionRow::lineage).contains(revision);
    }

    /** Change set 7-lineage on rows written before it: later versions derive from their predecessor. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theLineageMigrationGivesExistingVersionsTheirArticlesPreviousVersion(TestDatabase.Kind kind) {
        TestDatabase database = TestDatabase.create(kind);
        Jdbi jdbi = database.migratedJdbi();
        ArticleStore store = new ArticleStore(jdbi);
        store.saveVersion(version("a", 1, "one"), keys(1), NEW_STORY, 100);
        store.saveVersion(version("a", 2, "two"), keys(2), into(1), 200);
        store.saveVersion(version("a", 3, "three"), keys(3), into(1), 300);
        store.saveVersion(version("b", 1, "other"), keys(4), into(1), 400);
        // back to the schema before 7-lineage, keeping the rows
        jdbi.useHandle(h -> {
            h.execute("ALTER TABLE article_versions DROP COLUMN relation");
            h.execute("ALTER TABLE article_versions DROP COLUMN parent_version");
            h.execute("ALTER TABLE article_versions DROP COLUMN parent_article");
            h.execute("DELETE FROM databasechangelog WHERE id = '7-lineage'");
        });

        Jdbi migrated = database.migratedJdbi();

        List<VersionRow> rows = new ArticleStore(migrated).read(dao -> dao.storyVersions(1));
        assertThat(rows).extracting(v -> v.articleId() + "/" + v.version() + " " + v.lineage()).containsExactlyInAnyOrder(
                "a/1 " + Lineage.NONE, "a/2 " + new Lineage("a", 1, "UPDATE"), "a/3 " + new Lineage("a", 2, "UPDATE"),
                "b/1 " + Lineage.NONE);
    }

    // --- look-up reads

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void lookUpReadsFindEveryListedIdAndNothingElse(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            String id = i % 2 == 0 ? "a-" + i : "ع-" + i;  // non-ASCII ids bind as well
            db.store.saveVersion(version(id, 1, "text " + i), keys(i), NEW_STORY, 1_000 + i);
            ids.add(id);
        }
        List<String> asked = new java.util.ArrayList<>(ids.subList(100, 1_150));
        asked.add("never-stored");
        List<ArticleRow> articles = db.store.lookups(r -> r.articles(asked));
        assertThat(articles).extracting(ArticleRow::id)
                .containsExactlyInAnyOrderElementsOf(ids.subList(100, 1_150));
        assertThat(db.latestVersions(asked)).extracting(VersionRow::articleId)
                .containsExactlyInAnyOrderElementsOf(ids.subList(100, 1_150));
        List<CandidateRow> candidates = db.store.lookups(r -> r.candidates(List.of("a-4", "never-stored")));
        assertThat(candidates).containsExactly(new CandidateRow("a-4", 5, 1_000));
        List<ArticleRow> none = db.store.lookups(r -> r.articles(List.of()));
        assertThat(none).isEmpty();
        // the index entries of the first three articles, and one that was never written
        List<IndexedArticle> at = db.store.lookups(r -> r.articlesAt(List.of(1L, 2L, 3L, 99_999L)));
        assertThat(at).extracting(IndexedArticle::articleId).containsExactlyInAnyOrder("a-0", "ع-1", "a-2");
        List<IndexLogRow> log = db.store.lookups(r -> r.logAfter(1_000, 500));
        assertThat(log).extracting(IndexLogRow::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1_001, 1_200).boxed().toList());
        long merges = db.store.lookups(LookupReads::merges);
        assertThat(merges).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theTextOfAHistoryIsCountedBeforeItIsRead(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        long story = db.store.saveVersion(version("a", 1, "x".repeat(100)), keys(1), NEW_STORY, 100);
        db.store.saveVersion(version("a", 2, "y".repeat(250)), keys(2), into(story), 200);
        db.store.saveVersion(version("b", 1, "z".repeat(40)), keys(3), into(story), 300);
        // titles are "Title of a" and "Title of b": 10 characters each
        long storyChars = db.store.read(dao -> dao.storyTextChars(story));
        long articleChars = db.store.read(dao -> dao.articleTextChars("a"));
        long none = db.store.read(dao -> dao.storyTextChars(story + 1));
        assertThat(storyChars).isEqualTo(100 + 250 + 40 + 30);
        assertThat(articleChars).isEqualTo(100 + 250 + 20);
        assertThat(none).isZero();
        List<VersionRow> listed = db.store.read(dao -> dao.storyVersionsWithoutText(story));
        assertThat(listed).extracting(VersionRow::articleId).containsExactly("a", "b", "a");
        assertThat(listed).allSatisfy(v -> assertThat(v.body()).isNull());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailedLookUpReadIsReportedAsJdbiReportsAFailedStatement(TestDatabase.Kind kind) {
        Db db = Db.open(kind);
        // a failure must reach the mappers that answer an outage with a 503: they see Jdbi's exceptions
        assertThatThrownBy(() -> db.jdbi.useHandle(h -> {
            h.getConnection().close();
            new JdbcLookupReads(h.getConnection()).articles(List.of("a"));
        })).isInstanceOf(UnableToExecuteStatementException.class).hasCauseInstanceOf(SQLException.class)
                .hasMessageContaining("could not run");
    }

    // --- helpers

    /** A fresh migrated database and the store over it. */
    /** A migrated database, its store, and an in-memory band index that follows the store's log. */
    private record Db(Jdbi jdbi, ArticleStore store, CandidateIndex index) {
        static Db open(TestDatabase.Kind kind) {
            Jdbi jdbi = TestDatabase.create(kind).migratedJdbi();
            ArticleStore store = new ArticleStore(jdbi);
            return new Db(jdbi, store, new CandidateIndex(store));
        }

        CandidateIndex.Candidates candidates(long[] keys, int cap) {
            return index.find(keys, cap, cap);
        }

        long storyCounter() {
            return rowCount("SELECT next_value FROM counters WHERE name = 'story'");
        }

        long rowCount(String sql) {
            return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }

        Optional<StoryRow> story(long id) {
            return store.read(dao -> dao.story(id));
        }

        Optional<ArticleRow> article(String id) {
            return store.read(dao -> dao.article(id));
        }

        Optional<VersionRow> latestVersion(String id) {
            return store.read(dao -> dao.latestVersion(id));
        }

        List<VersionRow> latestVersions(List<String> ids) {
            return store.lookups(reads -> reads.latestVersions(ids));
        }

        Optional<VersionRow> version(String id, int version) {
            return store.read(dao -> dao.version(id, version));
        }

        List<VersionRow> versions(String id) {
            return store.read(dao -> dao.versions(id));
        }

        List<VersionRow> storyVersions(long storyId) {
            return store.read(dao -> dao.storyVersions(storyId));
        }

        List<StoryRow> stories(int limit, long offset) {
            return store.read(dao -> dao.stories(limit, offset));
        }

        List<StoryArticleRow> storyArticles(List<Long> storyIds) {
            return store.read(dao -> dao.storyArticles(storyIds));
        }

        int storyArticleCount(long storyId) {
            return store.read(dao -> dao.storyArticleCount(storyId));
        }

        List<StoryMergeRow> mergesInto(long storyId) {
            return store.read(dao -> dao.mergesInto(storyId));
        }

        /** The keys in the log entry of the article's latest version. */
        List<Long> bucketsOf(String id) {
            Optional<byte[]> keys = jdbi.withHandle(h -> h.createQuery("SELECT l.bucket_keys FROM lsh_log l "
                    + "JOIN articles a ON a.index_seq = l.seq WHERE a.id = :id").bind("id", id)
                    .mapTo(byte[].class).findOne());
            return keys.map(k -> Arrays.stream(LongArrays.fromBytes(k)).boxed().toList()).orElse(List.of());
        }

        List<VersionRow> staleVersions(String current, int limit) {
            return store.read(dao -> dao.staleVersions(current, limit));
        }

        long countStale(String current) {
            return store.read(dao -> dao.countStale(current));
        }

        long countStories() {
            return store.read(RedlineDao::countStories);
        }

        long countArticles() {
            return store.read(RedlineDao::countArticles);
        }

        long countVersions() {
            return store.read(RedlineDao::countVersions);
        }

        /** Stories, articles, versions. */
        List<Long> counts() {
            return store.read(dao -> List.of(dao.countStories(), dao.countArticles(), dao.countVersions()));
        }
    }

    private static StoryPlacement into(long story) {
        return StoryPlacement.into(story);
    }

    private static long[] keys(long... keys) {
        return keys;
    }

    private static VersionRow version(String id, int version, String body) {
        return row(id, version, "Title of " + id, body, null, 1000L * version, SIG_VERSION);
    }

    private static VersionRow timed(String id, int version, Long publishedAt, long ingestedAt) {
        return row(id, version, "Title of " + id, "body of " + id + "/" + version, publishedAt, ingestedAt,
                SIG_VERSION);
    }

    private static VersionRow titled(String id, int version, String title, long ingestedAt) {
        return row(id, version, title, "body of " + id + "/" + version, null, ingestedAt, SIG_VERSION);
    }

    private static VersionRow signed(String id, int version, String signatureVersion) {
        return row(id, version, "Title of " + id, "body of " + id + "/" + version, null, 1000L * version,
                signatureVersion);
    }

    private static VersionRow row(String id, int version, String title, String body, Long publishedAt,
                                  long ingestedAt, String signatureVersion) {
        return new VersionRow(id, version, 0, title, body, publishedAt, "https://example.org/" + id, "wire",
                ingestedAt, hash(Character.forDigit(version % 10, 10)), signatureVersion,
                bytes(id.hashCode() + version, 16), bytes(id.hashCode() - version, 24), Lineage.NONE);
    }

    private static VersionRow derived(VersionRow v, Lineage lineage) {
        return new VersionRow(v.articleId(), v.version(), v.storyId(), v.title(), v.body(), v.publishedAt(), v.url(),
                v.source(), v.ingestedAt(), v.contentHash(), v.signatureVersion(), v.signature(), v.shingles(), lineage);
    }

    /** {@code length} bytes counting up from {@code seed}: distinct per seed, easy to compare. */
    private static byte[] bytes(int seed, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (seed + i);
        }
        return out;
    }

    private static String hash(char c) {
        char[] chars = new char[64];
        Arrays.fill(chars, c);
        return new String(chars);
    }
}
