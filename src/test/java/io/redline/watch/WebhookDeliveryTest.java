package io.redline.watch;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.redline.Components;
import io.redline.DetectionFactory;
import io.redline.api.ArticleRequest;
import io.redline.api.SubscriptionRequest;
import io.redline.api.SubscriptionView;
import io.redline.ingest.Ingestor;
import io.redline.ingest.InputLimits;
import io.redline.store.ArticleStore;
import io.redline.store.OutboxRow;
import io.redline.testing.Receiver;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Webhooks end to end against a real receiver on loopback, on H2 and PostgreSQL: the outbox written with each
 * version, the background sender, signatures, the retry schedule, order per story, give-up, and ingest never
 * waiting for a receiver.
 */
class WebhookDeliveryTest {
    private static final ObjectMapper JSON = Jackson.newObjectMapper();
    private static final String SECRET = "a-secret-of-some-length";
    private static final WebhookSender.Settings QUICK = new WebhookSender.Settings(Duration.ofMillis(20), 4,
            Duration.ofSeconds(2), Duration.ofSeconds(5),
            new RetrySchedule(Duration.ofMillis(200), Duration.ofSeconds(5), 0, Duration.ofMinutes(5)));

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    /** A store, its ingestor and subscriptions, and a sender with the given settings (started). */
    private final class Rig {
        final ArticleStore store;
        final Components components;
        final Subscriptions subscriptions;
        final WebhookSender sender;

        Rig(TestDatabase.Kind kind, WebhookSender.Settings settings, Clock clock) {
            store = new ArticleStore(TestDatabase.create(kind).migratedJdbi());
            components = Components.create(new DetectionFactory().buildDetector(store, new MetricRegistry()), store,
                    InputLimits.defaults(), clock, new MetricRegistry());
            subscriptions = new Subscriptions(store, new TargetPolicy(true), 10, Clock.systemUTC());
            sender = new WebhookSender(store, new EventBodies(components.history(), "http://redline.test"), JSON,
                    new TargetPolicy(true), settings, Clock.systemUTC(), new Random(7), new MetricRegistry());
            sender.start();
            opened.add(sender::stop);
        }

        Rig(TestDatabase.Kind kind, WebhookSender.Settings settings) {
            this(kind, settings, Clock.systemUTC());
        }

        Ingestor ingestor() {
            return components.ingestor();
        }

        SubscriptionView subscribe(Receiver receiver) {
            return subscriptions.create(new SubscriptionRequest(receiver.url(), SECRET, "ALL", null, null, null));
        }

        List<OutboxRow> events(long subscription) {
            return store.watch(dao -> dao.events(subscription));
        }
    }

    private Receiver receiver(java.util.function.ToIntFunction<Receiver.Received> answer) {
        Receiver r = new Receiver(answer);
        opened.add(r);
        return r;
    }

    /**
     * An article on {@code topic}: five paragraphs of words drawn for the topic (so two topics share no text),
     * then {@code variant} update paragraphs.
     */
    static ArticleRequest article(String id, String topic, int variant) {
        Random words = new Random(topic.hashCode());
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 5 + variant; p++) {
            if (p >= 5) {
                body.append("Update ").append(p - 4).append(": ");
            }
            for (int w = 0; w < 40; w++) {
                body.append(word(words)).append(w % 12 == 11 ? ". " : " ");
            }
            body.append("end.\n\n");
        }
        return new ArticleRequest(id, topic + " report", body.toString(), null, null, "wire");
    }

    private static String word(Random random) {
        String[] syllables = {"ka", "lo", "mi", "ner", "tus", "ba", "ron", "qui", "sel", "dor", "fa", "gim", "pe", "vul"};
        StringBuilder w = new StringBuilder();
        for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
            w.append(syllables[random.nextInt(syllables.length)]);
        }
        return w.toString();
    }

    private static JsonNode json(Receiver.Received r) {
        try {
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deliversSignedEventsWithTheDiffSummaryAndLinks(TestDatabase.Kind kind) {
        Receiver receiver = receiver(r -> 204);
        Rig rig = new Rig(kind, QUICK);
        rig.subscribe(receiver);

        rig.ingestor().ingest(article("harbour-1", "Harbour", 0));
        rig.ingestor().ingest(article("harbour-1", "Harbour", 2));
        Receiver.await("two deliveries", 20, () -> receiver.received().size() == 2);

        for (Receiver.Received r : receiver.received()) {
            String timestamp = r.header(Signer.TIMESTAMP_HEADER);
            String expected = "t=" + timestamp + ",v1=" + Signer.hmac(SECRET, Long.parseLong(timestamp), r.body());
            assertThat(r.header(Signer.SIGNATURE_HEADER)).isEqualTo(expected);
            assertThat(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond())).isLessThan(60);
            assertThat(r.header(Signer.EVENT_HEADER)).isEqualTo(json(r).get("id").asText());
            // a signature made with another secret does not match
            assertThat(r.header(Signer.SIGNATURE_HEADER))
                    .isNotEqualTo("t=" + timestamp + ",v1=" + Signer.hmac(SECRET + "x", Long.parseLong(timestamp), r.body()));
        }
        JsonNode created = json(receiver.received().get(0));
        JsonNode updated = json(receiver.received().get(1));
        assertThat(created.get("event").asText()).isEqualTo("CREATED");
        assertThat(created.get("article").get("version").asInt()).isEqualTo(1);
        assertThat(created.has("diff")).isFalse();
        assertThat(updated.get("event").asText()).isEqualTo("UPDATED");
        assertThat(updated.get("relation").asText()).isEqualTo("REVISION");
        assertThat(updated.get("storyId").asLong()).isEqualTo(created.get("storyId").asLong());
        assertThat(updated.get("from").get("version").asInt()).isEqualTo(1);
        JsonNode diff = updated.get("diff");
        assertThat(diff.get("paragraphsInserted").asInt()).isEqualTo(2);
        assertThat(diff.get("paragraphsUnchanged").asInt()).isEqualTo(5);
        assertThat(diff.get("wordsAdded").asInt()).isGreaterThan(60);
        assertThat(diff.get("wordsRemoved").asInt()).isZero();
        assertThat(diff.get("changeClass").asText()).isEqualTo("SUBSTANTIVE");
        assertThat(updated.get("links").get("diffHtml").asText()).isEqualTo(
                "http://redline.test/diff?from=harbour-1&fromVersion=1&to=harbour-1&toVersion=2&format=html");
        assertThat(updated.get("links").get("diffUnified").asText()).endsWith("&format=unified");
        assertThat(updated.get("links").get("page").asText()).isEqualTo(
                "http://redline.test/#/diff?from=harbour-1&fromVersion=1&to=harbour-1&toVersion=2");
        // the receiver has the body before the sender records the answer
        Receiver.await("two recorded as delivered", 20, () -> rig.subscriptions.list().get(0).delivered() == 2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReceiverAnswering500GetsTheEventOnceItRecoversAfterTheScheduledWaits(TestDatabase.Kind kind) {
        AtomicInteger calls = new AtomicInteger();
        Receiver receiver = receiver(r -> calls.incrementAndGet() <= 2 ? 500 : 200);
        Rig rig = new Rig(kind, QUICK);
        long subscription = rig.subscribe(receiver).id();

        rig.ingestor().ingest(article("tram-1", "Tram", 0));
        Receiver.await("delivered", 20, () -> rig.events(subscription).get(0).state().equals(OutboxRow.DELIVERED));

        List<Receiver.Received> got = receiver.received();
        assertThat(got).hasSize(3);
        // same event, same bytes, every time
        assertThat(got).extracting(r -> r.header(Signer.EVENT_HEADER)).containsOnly(got.get(0).header(Signer.EVENT_HEADER));
        assertThat(got).extracting(Receiver.Received::text).containsOnly(got.get(0).text());
        // waits of 200 ms then 400 ms (no jitter here), give or take a poll
        long firstWait = TimeUnit.NANOSECONDS.toMillis(got.get(1).atNanos() - got.get(0).atNanos());
        long secondWait = TimeUnit.NANOSECONDS.toMillis(got.get(2).atNanos() - got.get(1).atNanos());
        assertThat(firstWait).isBetween(200L, 200L + 10_000L);
        assertThat(secondWait).isBetween(400L, 400L + 10_000L);
        OutboxRow row = rig.events(subscription).get(0);
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.lastError()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSlowReceiverDoesNotHoldUpIngest(TestDatabase.Kind kind) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Receiver receiver = receiver(r -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
        Rig rig = new Rig(kind, QUICK);
        long subscription = rig.subscribe(receiver).id();

        // every ingest returns while the receiver holds the first deliveries open
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 12; i++) {
                rig.ingestor().ingest(article("story-" + i, "Topic " + i, 0));
            }
        });
        Receiver.await("the receiver is holding deliveries", 10, () -> !receiver.received().isEmpty());
        assertThat(rig.events(subscription)).hasSize(12);
        assertThat(rig.events(subscription)).allMatch(e -> e.state().equals(OutboxRow.PENDING));

        release.countDown();
        Receiver.await("all delivered", 30, () -> rig.events(subscription).stream()
                .allMatch(e -> e.state().equals(OutboxRow.DELIVERED)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStorysEventsArriveInOrderAndOtherStoriesDoNotWait(TestDatabase.Kind kind) {
        AtomicInteger firstOfHarbour = new AtomicInteger();
        Receiver receiver = receiver(r -> {
            String text = r.text();
            // the harbour story's first event fails twice
            return text.contains("\"id\":\"harbour\",\"version\":1") && firstOfHarbour.incrementAndGet() <= 2 ? 500 : 200;
        });
        Rig rig = new Rig(kind, QUICK.withSchedule(new RetrySchedule(Duration.ofSeconds(3), Duration.ofSeconds(5), 0,
                Duration.ofMinutes(5))));
        long subscription = rig.subscribe(receiver).id();

        rig.ingestor().ingest(article("harbour", "Harbour", 0));
        rig.ingestor().ingest(article("harbour", "Harbour", 1));
        rig.ingestor().ingest(article("zoo", "Zoological garden expansion", 0));
        rig.ingestor().ingest(article("harbour", "Harbour", 2));
        Receiver.await("all delivered", 30, () -> rig.events(subscription).stream()
                .allMatch(e -> e.state().equals(OutboxRow.DELIVERED)));

        List<String> delivered = new ArrayList<>();
        List<String> harbour = new ArrayList<>();
        for (Receiver.Received r : receiver.received()) {
            JsonNode body = json(r);
            String name = body.get("article").get("id").asText() + " v" + body.get("article").get("version").asInt();
            delivered.add(name);
            if (name.startsWith("harbour")) {
                harbour.add(name);
            }
        }
        assertThat(harbour).containsExactly("harbour v1", "harbour v1", "harbour v1", "harbour v2", "harbour v3");
        // the zoo story was not held up behind the harbour story's retries
        assertThat(delivered.indexOf("zoo v1")).isLessThan(delivered.indexOf("harbour v2"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anEventTooOldIsGivenUpAndMarkedFailedAndTheStoryMovesOn(TestDatabase.Kind kind) {
        Receiver receiver = receiver(r -> r.text().contains("\"article\":{\"id\":\"quay\",\"version\":1,") ? 503 : 200);
        Rig rig = new Rig(kind, QUICK.withSchedule(new RetrySchedule(Duration.ofMillis(50), Duration.ofMillis(100), 0.5,
                Duration.ofMillis(1000))));
        long subscription = rig.subscribe(receiver).id();

        rig.ingestor().ingest(article("quay", "Quay", 0));
        rig.ingestor().ingest(article("quay", "Quay", 1));
        Receiver.await("settled", 20, () -> rig.events(subscription).stream()
                .noneMatch(e -> e.state().equals(OutboxRow.PENDING)));

        List<OutboxRow> events = rig.events(subscription);
        assertThat(events.get(0).state()).isEqualTo(OutboxRow.FAILED);
        assertThat(events.get(0).lastError()).isEqualTo("HTTP 503");
        assertThat(events.get(0).attempts()).isGreaterThanOrEqualTo(1);
        assertThat(events.get(0).finishedAt() - events.get(0).createdAt()).isGreaterThanOrEqualTo(1000);
        assertThat(events.get(1).state()).isEqualTo(OutboxRow.DELIVERED);
        SubscriptionView listed = rig.subscriptions.list().get(0);
        assertThat(listed.failed()).isEqualTo(1);
        assertThat(listed.delivered()).isEqualTo(1);
        assertThat(listed.secret()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void filtersPickTheirEvents(TestDatabase.Kind kind) {
        Rig rig = new Rig(kind, QUICK);
        // nothing listens at this port: the events stay pending, which is all this test reads
        String nowhere = "http://127.0.0.1:9/hook";
        long all = rig.subscriptions.create(new SubscriptionRequest(nowhere, SECRET, "ALL", null, null, null)).id();
        long harbourStory = rig.ingestor().ingest(article("harbour", "Harbour", 0)).storyId();
        long story = rig.subscriptions.create(new SubscriptionRequest(nowhere, SECRET, "STORY", harbourStory, null, null)).id();
        long revisions = rig.subscriptions.create(new SubscriptionRequest(nowhere, SECRET, "RELATION", null, "REVISION", "wire")).id();
        long otherSource = rig.subscriptions.create(new SubscriptionRequest(nowhere, SECRET, "RELATION", null, "REVISION", "gazette")).id();
        long duplicates = rig.subscriptions.create(new SubscriptionRequest(nowhere, SECRET, "RELATION", null, "DUPLICATE", null)).id();

        rig.ingestor().ingest(article("harbour", "Harbour", 1));           // REVISION of harbour, source wire
        rig.ingestor().ingest(article("zoo", "Zoological garden expansion", 0)); // NEW, another story
        ArticleRequest copy = article("harbour-copy", "Harbour", 1);
        rig.ingestor().ingest(new ArticleRequest(copy.id(), copy.title(), copy.body(), null, null, "gazette")); // DUPLICATE

        assertThat(names(rig.events(all))).containsExactly("harbour v1", "harbour v2", "zoo v1", "harbour-copy v1");
        assertThat(names(rig.events(story))).containsExactly("harbour v2", "harbour-copy v1");
        assertThat(names(rig.events(revisions))).containsExactly("harbour v2");
        assertThat(names(rig.events(otherSource))).isEmpty();
        assertThat(names(rig.events(duplicates))).containsExactly("harbour-copy v1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStorySubscriptionFollowsItsStoryIntoTheStoryItIsMergedInto(TestDatabase.Kind kind) {
        Rig rig = new Rig(kind, QUICK);
        String nowhere = "http://127.0.0.1:9/hook"; // the events stay pending, in the order the sender would keep
        // the same text dated two months apart: a next edition, so two stories
        long first = rig.ingestor().ingest(notice("notice-2025", NOTICE, "2025-01-10T09:00:00Z")).storyId();
        long second = rig.ingestor().ingest(notice("notice-2025b", NOTICE, "2025-03-10T09:00:00Z")).storyId();
        assertThat(second).isNotEqualTo(first);
        long watchingSecond = rig.subscriptions.create(new SubscriptionRequest(nowhere, SECRET, "STORY", second, null, null)).id();
        long watchingFirst = rig.subscriptions.create(new SubscriptionRequest(nowhere, SECRET, "STORY", first, null, null)).id();
        String updated = NOTICE + "\n\nThe council will publish the tender documents for the bridge in the coming weeks.";
        assertThat(rig.ingestor().ingest(notice("notice-2025b", updated, "2025-03-10T09:00:00Z")).storyId()).isEqualTo(second);

        // an undated copy is a duplicate made wholly of both: the second story is merged into the first
        var merging = rig.ingestor().ingest(notice("notice-copy", NOTICE, null));
        assertThat(merging.mergedStories()).containsExactly(second);
        assertThat(merging.storyId()).isEqualTo(first);
        // and the next version of the merged story's article lands in the first story too
        String again = updated + "\n\nA public meeting on the design is planned for the autumn at the town hall.";
        assertThat(rig.ingestor().ingest(notice("notice-2025b", again, "2025-03-10T09:00:00Z")).storyId()).isEqualTo(first);

        List<OutboxRow> followed = rig.events(watchingSecond);
        assertThat(names(followed)).containsExactly("notice-2025b v2", "notice-copy v1", "notice-2025b v3");
        // the event still waiting from before the merge moved with its story: one order for all three
        assertThat(followed).extracting(OutboxRow::storyId).containsOnly(first);
        assertThat(names(rig.events(watchingFirst))).containsExactly("notice-copy v1", "notice-2025b v3");
        // and the subscription shows the story it follows now
        assertThat(rig.subscriptions.get(watchingSecond).orElseThrow().storyId()).isEqualTo(first);
        assertThat(rig.subscriptions.list()).extracting(SubscriptionView::storyId).containsOnly(first);
    }

    private static final String NOTICE = "The council voted on Monday to approve funding for a new pedestrian bridge "
            + "across the harbour, ending a debate that lasted almost ten years.\n\n"
            + "Construction is expected to begin next spring and to take two years, the mayor told reporters at the "
            + "town hall after the vote.\n\n"
            + "Opponents said the money would be better spent on repairing the roads of the northern districts.";

    private static ArticleRequest notice(String id, String body, String publishedAt) {
        return new ArticleRequest(id, "Notice", body, publishedAt == null ? null : Instant.parse(publishedAt), null, null);
    }

    private static List<String> names(List<OutboxRow> events) {
        return events.stream().map(e -> e.articleId() + " v" + e.version()).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void bulkCommitsWriteEachEventOnceAndNoneForALineThatFailed(TestDatabase.Kind kind) {
        // the clock is read once per stored article, before its rows: the 4th article of the batch fails there,
        // which rolls the batch's transaction back and stores the others again
        AtomicInteger reads = new AtomicInteger();
        Clock failing = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                if (reads.incrementAndGet() == 4) {
                    throw new IllegalStateException("clock failed on purpose");
                }
                return Instant.now();
            }
        };
        Rig rig = new Rig(kind, QUICK, failing);
        long subscription = rig.subscriptions.create(new SubscriptionRequest("http://127.0.0.1:9/hook", SECRET, "ALL",
                null, null, null)).id();
        List<Ingestor.Prepared> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batch.add(rig.ingestor().prepare(article("bulk-" + i, "Subject " + i, 0)));
        }
        var attempts = rig.ingestor().commitAll(batch, Duration.ofSeconds(5));

        assertThat(attempts.get(3).failure()).hasMessageContaining("clock failed on purpose");
        assertThat(names(rig.events(subscription)))
                .containsExactly("bulk-0 v1", "bulk-1 v1", "bulk-2 v1", "bulk-4 v1", "bulk-5 v1");
        long articles = rig.store.read(dao -> dao.countArticles());
        assertThat(articles).isEqualTo(5);
    }
}
