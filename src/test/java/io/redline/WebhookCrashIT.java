package io.redline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.testing.Receiver;
import io.redline.testing.RedlineProcess;
import io.redline.testing.TestDatabase;
import io.redline.watch.Signer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: webhook events survive SIGKILL. The packaged jar runs as a child process with a subscription whose
 * receiver answers 503, so events pile up pending while deliveries are being tried; the server is killed with
 * SIGKILL; the receiver recovers; a new server on the same database delivers every event, each with the body it
 * was first sent with, in order per story.
 */
class WebhookCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "crash-test-secret-0123";
    private static final List<String> FAST = List.of("-Ddw.watch.privateTargets=true", "-Ddw.watch.pollInterval=20ms",
            "-Ddw.watch.firstRetry=50ms", "-Ddw.watch.maxRetry=200ms");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pendingEventsSurviveAKilledServerAndAreDeliveredAfterRestart(TestDatabase.Kind kind) throws Exception {
        TestDatabase db = TestDatabase.create(kind);
        Path dir = Files.createTempDirectory("redline-webhook-crash-" + kind + "-");
        AtomicBoolean up = new AtomicBoolean(false);
        try (Receiver receiver = new Receiver(r -> up.get() ? 200 : 503)) {
            int articles = 12;
            try (RedlineProcess server = RedlineProcess.server(db, dir.resolve("server-1.log"), FAST)) {
                assertThat(post(server, "/subscriptions", Map.of("url", receiver.url(), "secret", SECRET)).statusCode())
                        .isEqualTo(201);
                for (int i = 0; i < articles; i++) {
                    // three stories, each updated in turn
                    int story = i % 3;
                    String body = ("Story " + story + " line about the " + "abcdefghij".charAt(story) + " affair. ").repeat(12)
                            + "\n\n" + ("Update number " + (i / 3) + " with more words. ").repeat(1 + i / 3);
                    assertThat(post(server, "/articles", Map.of("id", "story-" + story, "title", "Story " + story,
                            "body", body)).statusCode()).isIn(200, 201);
                }
                Receiver.await("deliveries being tried", 30, () -> receiver.received().size() >= 3);
                server.kill();
            }
            Map<String, String> firstBodies = new LinkedHashMap<>();
            for (Receiver.Received r : receiver.received()) {
                firstBodies.putIfAbsent(r.header(Signer.EVENT_HEADER), r.text());
            }
            int triedBeforeKill = receiver.received().size();

            up.set(true);
            try (RedlineProcess server = RedlineProcess.server(db, dir.resolve("server-2.log"), FAST)) {
                Receiver.await("every event delivered after the restart", 60, () -> {
                    JsonNode s = get(server, "/subscriptions").get(0);
                    return s.get("delivered").asLong() == articles && s.get("pending").asLong() == 0;
                });
                server.stop();
            }
            List<Receiver.Received> all = receiver.received();
            assertThat(all.size()).isGreaterThan(triedBeforeKill);
            Map<String, String> delivered = new LinkedHashMap<>();
            Map<String, List<Integer>> versionsByArticle = new LinkedHashMap<>();
            for (Receiver.Received r : all.subList(triedBeforeKill, all.size())) {
                String id = r.header(Signer.EVENT_HEADER);
                String ts = r.header(Signer.TIMESTAMP_HEADER);
                assertThat(r.header(Signer.SIGNATURE_HEADER))
                        .isEqualTo("t=" + ts + ",v1=" + Signer.hmac(SECRET, Long.parseLong(ts), r.body()));
                if (delivered.putIfAbsent(id, r.text()) == null) {
                    JsonNode article = JSON.readTree(r.body()).get("article");
                    versionsByArticle.computeIfAbsent(article.get("id").asText(), k -> new ArrayList<>())
                            .add(article.get("version").asInt());
                }
            }
            assertThat(delivered).hasSize(articles);
            // an event tried before the kill is sent after it with the very same body
            firstBodies.forEach((id, body) -> assertThat(delivered.get(id)).as(id).isEqualTo(body));
            versionsByArticle.values().forEach(v -> assertThat(v).containsExactly(1, 2, 3, 4));
        }
    }

    private HttpResponse<String> post(RedlineProcess server, String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(RedlineProcess server, String path) {
        try {
            return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
