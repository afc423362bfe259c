package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.Receiver;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /subscriptions} over HTTP on the real application: validation with 4xx JSON errors, the secret shown
 * once, targets refused unless allowed, and delivery with its metrics and health check on the admin port; on H2
 * and PostgreSQL.
 */
class SubscriptionApiTest {
    private static final String SECRET = "sixteen-or-more-characters";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void refusesTargetsThatAreNotHttpOrNotPublicAndBadFilters(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            assertThat(redline.postJson("/subscriptions", Map.of("kind", "ALL")).error(422).toString()).contains("url is required");
            assertThat(redline.postJson("/subscriptions", Map.of("url", "ftp://example.org/x")).error(422).toString())
                    .contains("http or https");
            assertThat(redline.postJson("/subscriptions", Map.of("url", "file:///etc/passwd")).error(422).toString())
                    .contains("http or https");
            // loopback and private addresses are refused unless watch.privateTargets is set (SSRF)
            for (String url : new String[]{"http://127.0.0.1:8081/healthcheck", "http://localhost/x", "http://10.0.0.1/",
                    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/"}) {
                assertThat(redline.postJson("/subscriptions", Map.of("url", url)).error(422).toString())
                        .as(url).contains("not a public address");
            }
            assertThat(redline.postJson("/subscriptions", Map.of("url", "http://user:pw@example.org/")).error(422).toString())
                    .contains("user name or password");
            assertThat(redline.get("/subscriptions").json()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void createShowsTheSecretOnceListAndDeleteNever(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind), "watch.privateTargets", "true")) {
            assertThat(redline.postJson("/subscriptions", Map.of("url", "http://127.0.0.1:9/", "kind", "SOMETIMES"))
                    .error(422).toString()).contains("ALL, STORY or RELATION");
            assertThat(redline.postJson("/subscriptions", Map.of("url", "http://127.0.0.1:9/", "kind", "STORY"))
                    .error(422).toString()).contains("storyId");
            assertThat(redline.postJson("/subscriptions", Map.of("url", "http://127.0.0.1:9/", "kind", "RELATION",
                    "relation", "NEW")).error(422).toString()).contains("REVISION, DUPLICATE, EXCERPT, TEMPLATE");
            JsonNode shortSecret = redline.postJson("/subscriptions", Map.of("url", "http://127.0.0.1:9/",
                    "secret", "short-one")).error(422);
            assertThat(shortSecret.toString()).contains("secret").doesNotContain("short-one");
            assertThat(redline.post("/subscriptions", "application/json", "{\"url\": ").status()).isEqualTo(400);

            RunningRedline.Reply created = redline.postJson("/subscriptions", Map.of("url", "http://127.0.0.1:9/",
                    "secret", SECRET, "kind", "relation", "relation", "revision", "source", "wire"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("secret").asText()).isEqualTo(SECRET);
            assertThat(created.json().get("relation").asText()).isEqualTo("REVISION");
            long id = created.json().get("id").asLong();
            assertThat(created.header("Location")).endsWith("/subscriptions/" + id);

            JsonNode generated = redline.postJson("/subscriptions", Map.of("url", "http://127.0.0.1:9/")).json();
            assertThat(generated.get("secret").asText()).hasSizeGreaterThanOrEqualTo(32);

            RunningRedline.Reply list = redline.get("/subscriptions");
            assertThat(list.json()).hasSize(2);
            assertThat(list.body()).doesNotContain(SECRET).doesNotContain(generated.get("secret").asText())
                    .doesNotContain("\"secret\"");
            assertThat(redline.get("/subscriptions/" + id).body()).doesNotContain(SECRET);
            assertThat(redline.get("/subscriptions/" + id).json().get("source").asText()).isEqualTo("wire");

            assertThat(redline.delete("/subscriptions/" + id).status()).isEqualTo(204);
            assertThat(redline.delete("/subscriptions/" + id).error(404).toString()).contains("subscription");
            assertThat(redline.get("/subscriptions/nope").status()).isEqualTo(404);
            assertThat(redline.get("/subscriptions").json()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deliversThroughTheRunningServiceWithMetricsAndAHealthCheckThatSeesALag(TestDatabase.Kind kind) {
        AtomicInteger answer = new AtomicInteger(503);
        try (Receiver receiver = new Receiver(r -> answer.get());
             RunningRedline redline = new RunningRedline(TestDatabase.create(kind), "watch.privateTargets", "true",
                     "watch.pollInterval", "20ms", "watch.firstRetry", "100ms", "watch.maxRetry", "200ms",
                     "watch.maxLag", "1ms")) {
            assertThat(redline.postJson("/subscriptions", Map.of("url", receiver.url(), "secret", SECRET)).status())
                    .isEqualTo(201);
            assertThat(redline.postJson("/articles", Map.of("id", "flood", "title", "Floods",
                    "body", ArticleLifecycleTest.V1)).status()).isEqualTo(201);
            Receiver.await("a first attempt", 20, () -> !receiver.received().isEmpty());
            Receiver.await("the health check sees the lag", 20,
                    () -> redline.getAdmin("/healthcheck").body().contains("oldest waiting webhook event was written"));
            JsonNode unhealthy = redline.getAdmin("/healthcheck").json().get("webhook-delivery");
            assertThat(unhealthy.get("healthy").asBoolean()).isFalse();

            answer.set(200);
            Receiver.await("delivered", 20, () -> redline.get("/subscriptions").json().get(0).get("delivered").asLong() == 1);
            assertThat(redline.getAdmin("/healthcheck").json().get("webhook-delivery").get("healthy").asBoolean()).isTrue();
            // the meters are marked just after the row is written
            Receiver.await("the delivery counted", 20, () -> redline.getAdmin("/metrics").json()
                    .get("timers").get("redline.watch.latency").get("count").asLong() == 1);
            JsonNode metrics = redline.getAdmin("/metrics").json();
            assertThat(metrics.get("meters").get("redline.watch.delivered").get("count").asLong()).isEqualTo(1);
            assertThat(metrics.get("meters").get("redline.watch.retried").get("count").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(metrics.get("timers").get("redline.watch.latency").get("count").asLong()).isEqualTo(1);
            assertThat(metrics.get("gauges").has("redline.watch.pending")).isTrue();
            assertThat(metrics.get("gauges").has("redline.watch.failed")).isTrue();
            Receiver.Received last = receiver.received().get(receiver.received().size() - 1);
            assertThat(last.text()).contains("\"article\":{\"id\":\"flood\",\"version\":1");
        }
    }
}
