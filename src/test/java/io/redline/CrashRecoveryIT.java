package io.redline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redline.testing.NewsCorpusGenerator;
import io.redline.testing.RedlineProcess;
import io.redline.testing.StoreAudit;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 9: an answer is sent only after its transaction is on disk. The packaged jar runs as a child process;
 * {@code redline post} (another child) streams a bulk ingest of generated articles, some of them new versions
 * of earlier ones, writing each answer as it arrives; the server is killed with SIGKILL part-way; then every
 * acknowledged line must be stored at its version, in a story that lists it and found by {@code /check}, with
 * nothing half-written; and {@code post --resume} completes the file with each line stored once.
 *
 * <p>The H2 URL carries no WRITE_DELAY: the jar must make commits durable by itself (store.Durability).
 * System properties: {@code crash.articles} (default 5,000), {@code crash.killAfter} (acknowledged lines,
 * default a third of the file), {@code crash.databases} (default {@code H2,POSTGRES}).
 */
class CrashRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ARTICLES = Integer.getInteger("crash.articles", 5_000);
    // a ceiling only: on a loaded two-core machine H2 ingested 9 lines a second, and a resume sends ~3,700
    private static final Duration POST_TIMEOUT = Duration.ofMinutes(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyAcknowledgedLineSurvivesAKilledServerAndResumeStoresTheRestOnce(TestDatabase.Kind kind) throws Exception {
        assumeTrue(List.of(System.getProperty("crash.databases", "H2,POSTGRES").split(",")).contains(kind.name()),
                kind + " is not in crash.databases");
        TestDatabase db = TestDatabase.create(kind);
        Path dir = Files.createTempDirectory("redline-crash-" + kind + "-");
        List<String> lines = bulkFile();
        Path input = dir.resolve("articles.ndjson");
        Files.write(input, lines, StandardCharsets.UTF_8);
        Path results = dir.resolve("answers.ndjson");
        int killAfter = Integer.getInteger("crash.killAfter", lines.size() / 3);

        long t0 = System.nanoTime();
        int acknowledgedAtKill;
        try (RedlineProcess server = RedlineProcess.server(db, dir.resolve("server-1.log"));
             RedlineProcess post = RedlineProcess.command(dir.resolve("post-1.log"), "post", server.url(""),
                     input.toString(), "--results", results.toString())) {
            acknowledgedAtKill = awaitAnswers(results, killAfter, post);
            assertThat(post.isAlive()).as("the upload is still going when the server is killed").isTrue();
            server.kill();
            Integer exit = post.waitFor(Duration.ofSeconds(60));
            assertThat(exit).as("post fails when its server dies:\n" + post.log()).isNotNull().isNotZero();
            assertThat(post.log()).contains("run again with --resume");
        }
        Map<Integer, JsonNode> acknowledged = acknowledged(results);
        assertThat(acknowledged.size()).as("answers kept by post after the kill").isGreaterThanOrEqualTo(acknowledgedAtKill);

        StoreAudit afterKill = StoreAudit.of(db);
        System.out.printf("crash %s: killed after %d answers, %d kept by post; %d versions stored; problems %s%n",
                kind, acknowledgedAtKill, acknowledged.size(), afterKill.versions(), afterKill.found());
        assertThat(afterKill.found()).as("half-written state after the kill").isEmpty();
        assertThat(afterKill.versions()).as("stored versions: every acknowledged one, and perhaps a few in flight")
                .isGreaterThanOrEqualTo(acknowledged.size());

        int found;
        try (RedlineProcess server = RedlineProcess.server(db, dir.resolve("server-2.log"))) {
            found = checkStored(server, lines, acknowledged);
            try (RedlineProcess resume = RedlineProcess.command(dir.resolve("post-2.log"), "post", server.url(""),
                    input.toString(), "--results", results.toString(), "--resume")) {
                assertThat(resume.waitFor(POST_TIMEOUT)).as("post --resume:\n" + resume.log()).isEqualTo(0);
                assertThat(resume.log()).contains("skipping " + acknowledged.size() + " lines");
            }
            server.stop();
        }

        Map<Integer, Integer> timesAcknowledged = new HashMap<>();
        for (String line : Files.readAllLines(results)) {
            JsonNode r = JSON.readTree(line);
            if (!r.has("error")) {
                timesAcknowledged.merge(r.get("line").asInt(), 1, Integer::sum);
            }
        }
        assertThat(timesAcknowledged).as("input lines acknowledged").hasSize(lines.size());
        assertThat(timesAcknowledged.values()).as("times each line is acknowledged").containsOnly(1);
        StoreAudit end = StoreAudit.of(db);
        assertThat(end.found()).as("half-written state at the end").isEmpty();
        assertThat(end.versions()).as("versions stored once each").isEqualTo(lines.size());
        assertThat(end.articles()).isEqualTo(ARTICLES);

        System.out.printf("crash %s: %d lines, server killed after %d answers (%d kept in the results file); after "
                        + "the restart %d stored versions, %d of %d acknowledged lines found (stored, in their story, "
                        + "found by /check); resumed to %d versions of %d articles in %d stories; %.0f s%n",
                kind, lines.size(), acknowledgedAtKill, acknowledged.size(), afterKill.versions(), found,
                acknowledged.size(), end.versions(), end.articles(), end.stories(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The generated articles, one NDJSON line each, and after every 8th from the 40th on a new version of the
     * article 40 lines earlier, with a paragraph added.
     */
    private static List<String> bulkFile() throws IOException {
        List<NewsCorpusGenerator.Doc> docs = NewsCorpusGenerator.builder().count(ARTICLES).words(40, 90).build()
                .generate();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            lines.add(line(docs.get(i).id(), docs.get(i).body()));
            if (i >= 40 && i % 8 == 0) {
                NewsCorpusGenerator.Doc earlier = docs.get(i - 40);
                lines.add(line(earlier.id(), earlier.body() + "\n\nUpdated: the council confirmed the figures in "
                        + "a statement late on day " + i + ", after the first version of this story was published."));
            }
        }
        return lines;
    }

    private static String line(String id, String body) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id);
        n.put("title", "Story " + id);
        n.put("body", body);
        return JSON.writeValueAsString(n);
    }

    /** Waits until the results file holds {@code count} answers; the number it holds then. */
    private static int awaitAnswers(Path results, int count, RedlineProcess post) throws Exception {
        long deadline = System.nanoTime() + POST_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            int n = Files.exists(results) ? Files.readAllLines(results).size() : 0;
            if (n >= count) {
                return n;
            }
            assertThat(post.isAlive()).as("post ended early:\n" + post.log()).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("post did not reach " + count + " answers:\n" + post.log());
    }

    /** The answers without error, by input line (1-based). */
    private static Map<Integer, JsonNode> acknowledged(Path results) throws IOException {
        Map<Integer, JsonNode> byLine = new LinkedHashMap<>();
        for (String line : Files.readAllLines(results)) {
            JsonNode r = JSON.readTree(line);
            assertThat(r.has("error")).as("an error answer: " + line).isFalse();
            assertThat(byLine.put(r.get("line").asInt(), r)).as("two answers for line " + r.get("line")).isNull();
        }
        return byLine;
    }

    /**
     * Checks each acknowledged line over HTTP: its version holds its text, the article's story lists it, and
     * /check of the article's latest text finds it. The number of lines that passed (all, or it fails).
     */
    private int checkStored(RedlineProcess server, List<String> lines, Map<Integer, JsonNode> acknowledged)
            throws Exception {
        Map<String, JsonNode> versions = new HashMap<>();
        Map<Long, JsonNode> stories = new HashMap<>();
        int passed = 0;
        for (Map.Entry<Integer, JsonNode> e : acknowledged.entrySet()) {
            JsonNode sent = JSON.readTree(lines.get(e.getKey() - 1));
            String id = sent.get("id").asText();
            assertThat(e.getValue().get("id").asText()).isEqualTo(id);
            JsonNode all = versions.computeIfAbsent(id, a -> get(server, "/articles/" + a + "/versions"));
            int version = e.getValue().get("version").asInt();
            JsonNode stored = null;
            for (JsonNode v : all) {
                if (v.get("version").asInt() == version) {
                    stored = v;
                }
            }
            assertThat(stored).as(id + " version " + version + " (line " + e.getKey() + ") after the restart")
                    .isNotNull();
            assertThat(stored.get("body").asText()).isEqualTo(sent.get("body").asText());

            JsonNode latest = all.get(all.size() - 1);
            long storyId = latest.get("storyId").asLong();
            JsonNode story = stories.computeIfAbsent(storyId, s -> get(server, "/stories/" + s));
            assertThat(story.get("articles").toString()).as("story " + storyId + " lists " + id)
                    .contains("\"" + id + "\"");

            if (version == latest.get("version").asInt()) {
                JsonNode check = post(server, "/check", JSON.createObjectNode()
                        .put("title", latest.get("title").asText()).put("body", latest.get("body").asText()));
                assertThat(check.get("matches").findValuesAsText("id")).as("/check of " + id).contains(id);
            }
            passed++;
        }
        return passed;
    }

    private JsonNode get(RedlineProcess server, String path) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build());
    }

    private JsonNode post(RedlineProcess server, String path, JsonNode body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(request.uri() + ": " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
