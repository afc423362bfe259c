package io.redline.resources;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Atom feeds over HTTP, read back with ROME: valid Atom 1.0, newest first, entries carrying the changed words,
 * stable tag: ids, links to the page's diff view, filters, bounds, and conditional GET.
 */
class FeedTest {
    static SyndFeed parse(String xml) {
        try {
            return new SyndFeedInput().build(new StringReader(xml));
        } catch (Exception e) {
            throw new AssertionError("not a feed ROME can read: " + e.getMessage() + "\n" + xml, e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void storyAndGlobalFeedsCarryTheDiffAndAnswerConditionalGets(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            long story = redline.postJson("/articles", Map.of("id", "flood", "title", "Floods",
                    "body", ArticleLifecycleTest.V1, "source", "wire")).json().get("storyId").asLong();
            redline.postJson("/articles", Map.of("id", "flood", "title", "Floods: army called in",
                    "body", ArticleLifecycleTest.V2, "source", "wire"));
            redline.postJson("/articles", Map.of("id", "bridge", "title", "Bridge",
                    "body", ArticleLifecycleTest.OTHER, "source", "gazette"));

            RunningRedline.Reply reply = redline.get("/stories/" + story + "/feed");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("application/atom+xml");
            SyndFeed feed = parse(reply.body());
            assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(feed.getUri()).isEqualTo("tag:redline,2026:story/" + story);
            List<SyndEntry> entries = feed.getEntries();
            assertThat(entries).hasSize(2);
            SyndEntry newest = entries.get(0);
            assertThat(newest.getUri()).isEqualTo("tag:redline,2026:version/flood/2");
            assertThat(entries.get(1).getUri()).isEqualTo("tag:redline,2026:version/flood/1");
            assertThat(newest.getTitle()).isEqualTo("Floods: army called in (v2, UPDATE)");
            assertThat(newest.getUpdatedDate()).isAfterOrEqualTo(entries.get(1).getUpdatedDate());
            assertThat(feed.getPublishedDate()).isEqualTo(newest.getUpdatedDate()); // ROME: feed <updated>
            assertThat(newest.getLink()).isEqualTo(
                    "http://127.0.0.1:8080/#/diff?from=flood&fromVersion=1&to=flood&toVersion=2");
            String html = newest.getContents().get(0).getValue();
            assertThat(newest.getContents().get(0).getType()).isEqualTo("html");
            assertThat(html).contains("<del>third</del>").contains("<ins>fourth</ins>")
                    .contains("<ins>The army has sent two helicopters")
                    .contains("<del>two</del><ins>three</ins>")
                    .doesNotContain("regional weather office"); // an unchanged paragraph is left out
            assertThat(entries.get(1).getContents().get(0).getValue()).contains("Rescue teams searched");

            // conditional GET: the same feed again is 304, by tag or by date, until something new is stored
            String etag = reply.header("ETag");
            String lastModified = reply.header("Last-Modified");
            assertThat(etag).isNotBlank();
            assertThat(lastModified).isNotBlank();
            assertThat(redline.send("GET", "/stories/" + story + "/feed", null, null, "If-None-Match", etag).status())
                    .isEqualTo(304);
            assertThat(redline.send("GET", "/stories/" + story + "/feed", null, null, "If-Modified-Since", lastModified)
                    .status()).isEqualTo(304);
            redline.postJson("/articles", Map.of("id", "flood", "title", "Floods: army called in",
                    "body", ArticleLifecycleTest.V2 + "\n\nSchools will stay closed until Monday.", "source", "wire"));
            RunningRedline.Reply changed = redline.send("GET", "/stories/" + story + "/feed", null, null,
                    "If-None-Match", etag);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.header("ETag")).isNotEqualTo(etag);
            assertThat(parse(changed.body()).getEntries()).hasSize(3);

            SyndFeed all = parse(redline.get("/feed").body());
            assertThat(all.getEntries()).extracting(SyndEntry::getUri).containsExactly(
                    "tag:redline,2026:version/flood/3", "tag:redline,2026:version/bridge/1",
                    "tag:redline,2026:version/flood/2", "tag:redline,2026:version/flood/1");
            assertThat(parse(redline.get("/feed?relation=update").body()).getEntries()).extracting(SyndEntry::getUri)
                    .containsExactly("tag:redline,2026:version/flood/3", "tag:redline,2026:version/flood/2");
            assertThat(parse(redline.get("/feed?source=gazette").body()).getEntries()).extracting(SyndEntry::getUri)
                    .containsExactly("tag:redline,2026:version/bridge/1");
            assertThat(parse(redline.get("/feed?limit=1").body()).getEntries()).hasSize(1);

            assertThat(redline.get("/feed?limit=0").error(422).toString()).contains("limit");
            assertThat(redline.get("/feed?limit=201").error(422).toString()).contains("limit");
            assertThat(redline.get("/feed?limit=many").error(400).toString()).contains("limit");
            assertThat(redline.get("/feed?relation=GOSSIP").error(422).toString()).contains("relation");
            assertThat(redline.get("/stories/99999/feed").error(404).toString()).contains("story");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theFeedOfAStoryMergedIntoAnotherMovesThereForGood(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            // the same text dated two months apart: two stories; an undated copy of both merges the second into the first
            long first = redline.postJson("/articles", Map.of("id", "notice-2025", "title", "Notice",
                    "body", ArticleLifecycleTest.V1, "publishedAt", "2025-01-10T09:00:00Z")).json().get("storyId").asLong();
            long second = redline.postJson("/articles", Map.of("id", "notice-2025b", "title", "Notice",
                    "body", ArticleLifecycleTest.V1, "publishedAt", "2025-03-10T09:00:00Z")).json().get("storyId").asLong();
            assertThat(redline.get("/stories/" + second + "/feed").status()).isEqualTo(200);
            assertThat(redline.postJson("/articles", Map.of("id", "notice-copy", "title", "Notice",
                    "body", ArticleLifecycleTest.V1)).json().get("mergedStories").get(0).asLong()).isEqualTo(second);

            RunningRedline.Reply moved = redline.get("/stories/" + second + "/feed?limit=5");
            assertThat(moved.status()).isEqualTo(301);
            assertThat(moved.header("Location")).isEqualTo(redline.url("/stories/" + first + "/feed?limit=5"));
            SyndFeed feed = parse(redline.get("/stories/" + first + "/feed?limit=5").body());
            assertThat(feed.getEntries()).extracting(SyndEntry::getUri).contains(
                    "tag:redline,2026:version/notice-2025b/1", "tag:redline,2026:version/notice-copy/1");
            // so does the story itself, for links to it made before the merge
            RunningRedline.Reply story = redline.get("/stories/" + second);
            assertThat(story.status()).isEqualTo(301);
            assertThat(story.header("Location")).isEqualTo(redline.url("/stories/" + first));
            // a story that never was is still not found
            assertThat(redline.get("/stories/999/feed").error(404).toString()).contains("no story");
            assertThat(redline.get("/stories/999").error(404).toString()).contains("no story");
        }
    }
}
