package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.Fixtures;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.redline.resources.ArticleLifecycleTest.V1;
import static io.redline.resources.ArticleLifecycleTest.V2;
import static io.redline.resources.ArticleLifecycleTest.article;
import static org.assertj.core.api.Assertions.assertThat;

/** The diff endpoints and story evolution over real HTTP, on the fixtures and on posted texts. */
class DiffApiTest {
    private static RunningRedline redline;
    private static long floodStory;

    @BeforeAll
    static void start() {
        redline = new RunningRedline(TestDatabase.h2(), "limits.textBytes", "100000");
        redline.post("/articles/bulk", "application/x-ndjson", Fixtures.seedsNdjson());
        floodStory = redline.postJson("/articles", article("flood", "Floods hit the valley", V1)).json().get("storyId").asLong();
        redline.postJson("/articles", Map.of("id", "flood", "title", "Floods: army called in", "body", V2,
                "publishedAt", "2024-03-01T12:00:00Z"));
        redline.postJson("/articles", Map.of("id", "flood-wire", "title", "Army helicopters lift families from flooded valley",
                "body", V2.replace("Rescue teams", "Soldiers and rescue teams") + "\n\nMore rain is expected on Friday.",
                "publishedAt", "2024-03-01T15:00:00Z"));
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    void jsonDiffOfTheSeedRevisionFollowsTheContract() {
        RunningRedline.Reply r = redline.get("/diff?from=seed-07&to=seed-08");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode d = r.json();
        assertThat(d.get("similarity").asDouble()).isBetween(0.3, 0.9);
        assertThat(d.get("title").get("changed").asBoolean()).isTrue();
        assertThat(d.get("from").get("articleId").asText()).isEqualTo("seed-07");
        JsonNode summary = d.get("summary");
        for (String field : List.of("unchanged", "modified", "moved", "inserted", "deleted", "wordsAdded", "wordsRemoved")) {
            assertThat(summary.has(field)).as(field).isTrue();
        }
        assertThat(summary.get("moved").asInt()).isPositive();
        List<String> ops = new ArrayList<>();
        for (JsonNode p : d.get("paragraphs")) {
            ops.add(p.get("op").asText());
            assertThat(p.has("fromIndex") && p.has("toIndex") && p.has("similarity") && p.has("changes")).isTrue();
            if (p.get("op").asText().equals("INSERTED")) {
                assertThat(p.get("fromIndex").isNull()).isTrue();
            }
            if (p.get("op").asText().equals("DELETED")) {
                assertThat(p.get("toIndex").isNull()).isTrue();
            }
        }
        assertThat(ops).contains("UNCHANGED", "MODIFIED", "MOVED", "INSERTED", "DELETED");
        // the heavily reworded lede is paired with its counterpart, not cut and added
        JsonNode lede = find(d, 2, 2);
        assertThat(lede.get("op").asText()).isEqualTo("MODIFIED");
        assertThat(lede.get("changes")).isNotEmpty();
    }

    @Test
    void unifiedFormatByParameterOrAcceptHeader() {
        RunningRedline.Reply byParam = redline.get("/diff?from=seed-07&to=seed-08&format=unified");
        assertThat(byParam.status()).isEqualTo(200);
        assertThat(byParam.contentType()).startsWith("text/plain");
        assertThat(byParam.body()).startsWith("--- ").contains("\n+++ ").contains("\n@@ -");
        assertThat(send("/diff?from=seed-07&to=seed-08", "text/plain").body()).isEqualTo(byParam.body());
        assertThat(redline.get("/diff?from=seed-07&to=seed-08&format=pdf").status()).isEqualTo(400);
    }

    @Test
    void htmlFormatIsASelfContainedPage() {
        RunningRedline.Reply html = redline.get("/diff?from=seed-07&to=seed-08&format=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<del>").contains("<ins>")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
        assertThat(send("/diff?from=seed-07&to=seed-08", "text/html").body()).isEqualTo(html.body());
        RunningRedline.Reply posted = redline.post("/diff?format=html", "application/json",
                "{\"from\": {\"body\": \"<script>alert(1)</script> old\"}, \"to\": {\"body\": \"new\"}}");
        assertThat(posted.body()).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void splitAndMergeReportingIsConfigurable() {
        String whole = ArticleLifecycleTest.V1.replace("\n\n", " ");
        Map<String, Object> body = Map.of("from", Map.of("body", whole), "to", Map.of("body", ArticleLifecycleTest.V1));
        assertThat(redline.postJson("/diff", body).json().get("summary").get("split").asInt()).isEqualTo(1);
        try (RunningRedline off = new RunningRedline(TestDatabase.h2(), "diff.splitMerge", "false")) {
            assertThat(off.postJson("/diff", body).json().get("summary").get("split").asInt()).isZero();
        }
    }

    @Test
    void olderVersionsOfOneArticleCanBeDiffed() {
        JsonNode d = redline.get("/diff?from=flood&fromVersion=1&to=flood&toVersion=2").json();
        assertThat(d.get("from").get("version").asInt()).isEqualTo(1);
        assertThat(d.get("to").get("version").asInt()).isEqualTo(2);
        assertThat(d.get("summary").get("inserted").asInt()).isEqualTo(1);
        assertThat(d.get("summary").get("modified").asInt()).isEqualTo(2);
        assertThat(redline.get("/diff?from=flood&fromVersion=9&to=flood").status()).isEqualTo(404);
        assertThat(redline.get("/diff?from=nope&to=flood").json().get("message").asText()).contains("nope");
        assertThat(redline.get("/diff?to=flood").status()).isEqualTo(400);
        assertThat(redline.get("/diff?from=flood&fromVersion=x&to=flood").json().get("field").asText()).isEqualTo("fromVersion");
    }

    @Test
    void unrelatedArticlesDiffWithLowSimilarity() {
        JsonNode d = redline.get("/diff?from=seed-01&to=seed-05").json();
        assertThat(d.get("similarity").asDouble()).isLessThan(0.2);
        assertThat(d.get("summary").get("unchanged").asInt()).isZero();
    }

    @Test
    void postedTextsAreDiffedAndBadOnesRejected() {
        JsonNode d = redline.postJson("/diff", Map.of(
                "from", Map.of("title", "Floods", "body", V1),
                "to", Map.of("title", "Floods worsen", "body", V2))).json();
        assertThat(d.get("summary").get("modified").asInt()).isEqualTo(2);
        assertThat(d.get("title").get("changes")).isNotEmpty();
        assertThat(d.has("from")).isFalse();

        RunningRedline.Reply missing = redline.postJson("/diff", Map.of("from", Map.of("body", V1)));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("field").asText()).isEqualTo("to");
        RunningRedline.Reply empty = redline.postJson("/diff", Map.of("from", Map.of("body", V1), "to", Map.of("body", "")));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("field").asText()).isEqualTo("to.body");
        RunningRedline.Reply big = redline.postJson("/diff", Map.of("from", Map.of("body", V1),
                "to", Map.of("body", "word ".repeat(30_000))));
        assertThat(big.status()).isEqualTo(413);
    }

    @Test
    void timelineListsVersionsInPublicationOrderWithWhatEachChanged() {
        JsonNode t = redline.get("/stories/" + floodStory + "/timeline").json();
        JsonNode steps = t.get("steps");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).get("articleId").asText()).isEqualTo("flood");
        assertThat(steps.get(0).has("changes")).isFalse();
        assertThat(steps.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(steps.get(1).get("changes").get("inserted").asInt()).isEqualTo(1);
        assertThat(steps.get(1).get("titleChanged").asBoolean()).isTrue();
        assertThat(steps.get(2).get("articleId").asText()).isEqualTo("flood-wire");
        assertThat(steps.get(2).get("diff").asText()).isEqualTo("/stories/" + floodStory + "/diff?from=2&to=3");
        assertThat(t.get("headline").asText()).isEqualTo("Army helicopters lift families from flooded valley");
        // the first paragraph was reworded at step 2 and again at step 3; the last one is new at step 3
        JsonNode paragraphs = t.get("paragraphs");
        assertThat(paragraphs.get(0).get("rewrites").asInt()).isEqualTo(2);
        assertThat(paragraphs.get(0).get("firstStep").asInt()).isEqualTo(1);
        JsonNode last = paragraphs.get(paragraphs.size() - 1);
        assertThat(last.get("firstStep").asInt()).isEqualTo(3);
        assertThat(last.get("rewrites").asInt()).isZero();
    }

    @Test
    void timelineAsHtmlLinksEachStepToItsDiff() {
        RunningRedline.Reply html = redline.get("/stories/" + floodStory + "/timeline?format=html");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("<table").contains("/stories/" + floodStory + "/diff?from=1&amp;to=2&amp;format=html")
                .doesNotContain("<script");
        assertThat(send("/stories/" + floodStory + "/timeline", "text/html").body()).isEqualTo(html.body());
    }

    @Test
    void storyDiffTakesStepsOrArticleVersions() {
        JsonNode byStep = redline.get("/stories/" + floodStory + "/diff?from=1&to=3").json();
        JsonNode byRef = redline.get("/stories/" + floodStory + "/diff?from=flood:1&to=flood-wire").json();
        assertThat(byRef.get("paragraphs")).isEqualTo(byStep.get("paragraphs"));
        assertThat(byStep.get("to").get("step").asInt()).isEqualTo(3);
        JsonNode latest = redline.get("/stories/" + floodStory + "/diff").json();
        assertThat(latest.get("from").get("step").asInt()).isEqualTo(2);
        assertThat(redline.get("/stories/" + floodStory + "/diff?from=9").status()).isEqualTo(404);
        assertThat(redline.get("/stories/999999/diff").status()).isEqualTo(404);
    }

    @Test
    void blameTellsWhereEachSentenceOfTheLatestVersionCameFrom() {
        JsonNode b = redline.get("/stories/" + floodStory + "/blame").json();
        assertThat(b.get("version").get("articleId").asText()).isEqualTo("flood-wire");
        assertThat(b.get("steps")).hasSize(3);
        JsonNode first = b.get("sentences").get(0);
        assertThat(first.get("text").asText()).startsWith("Soldiers and rescue teams searched the flooded valley for a fourth day");
        assertThat(first.get("firstStep").asInt()).isEqualTo(1);
        assertThat(first.get("lastChangedStep").asInt()).isEqualTo(3);
        JsonNode weather = sentence(b, "The regional weather office warned");
        assertThat(weather.get("firstStep").asInt()).isEqualTo(1);
        assertThat(weather.get("lastChangedStep").asInt()).isEqualTo(1);
        JsonNode army = sentence(b, "The army has sent two helicopters");
        assertThat(army.get("firstStep").asInt()).isEqualTo(2);
        JsonNode rain = sentence(b, "More rain is expected");
        assertThat(rain.get("firstStep").asInt()).isEqualTo(3);

        JsonNode atStep2 = redline.get("/stories/" + floodStory + "/blame?version=flood:2").json();
        assertThat(atStep2.get("version").get("step").asInt()).isEqualTo(2);
        assertThat(sentence(atStep2, "The army has sent").get("lastChangedStep").asInt()).isEqualTo(2);
    }

    private static JsonNode sentence(JsonNode blame, String start) {
        for (JsonNode s : blame.get("sentences")) {
            if (s.get("text").asText().startsWith(start)) {
                return s;
            }
        }
        throw new AssertionError("no sentence starting with " + start + " in " + blame);
    }

    private static JsonNode find(JsonNode diff, int from, int to) {
        for (JsonNode p : diff.get("paragraphs")) {
            if (p.get("fromIndex").asInt(-1) == from && p.get("toIndex").asInt(-1) == to) {
                return p;
            }
        }
        throw new AssertionError("no entry " + from + " -> " + to);
    }

    private static RunningRedline.Reply send(String path, String accept) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(redline.url(path)))
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new RunningRedline.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
