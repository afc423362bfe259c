package io.redline.watch;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import io.redline.store.ArticleStore;
import io.redline.store.OutboxRow;
import io.redline.store.SubscriptionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Delivers the outbox in the background. Every {@code pollInterval} it reads the events due now that are the
 * oldest waiting one of their subscription and story, and hands each to one of {@code senders} threads; an event
 * in flight is not read again, so a story's next event waits until the one before it was delivered or given up.
 * A delivery is one POST of the JSON body, signed ({@link Signer}); only a 2xx answer marks it delivered, after the
 * answer, so a crash at any point leaves it pending and it is sent again after a restart (at least once).
 * Any other answer, a refused connection or a timeout schedules the next try ({@link RetrySchedule}) until the
 * event is too old, when it is marked failed.
 *
 * <p>Bounded: connect and answer timeouts, no redirects, the answer's body is never read, at most
 * {@code senders * 4} events in flight. Ingest never waits for it: events are rows, written with the version.
 * Thread-safe.
 */
public final class WebhookSender implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int MAX_ERROR = 500;

    /** How the sender runs; {@link #DEFAULT} is what config.yml documents. */
    public record Settings(Duration pollInterval, int senders, Duration connectTimeout, Duration readTimeout,
                           RetrySchedule schedule) {
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(250), 4, Duration.ofSeconds(5),
                Duration.ofSeconds(10), RetrySchedule.DEFAULT);

        public Settings {
            if (senders < 1) {
                throw new IllegalArgumentException("senders must be at least 1, got " + senders);
            }
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive, got " + pollInterval);
            }
        }

        public Settings withSchedule(RetrySchedule s) {
            return new Settings(pollInterval, senders, connectTimeout, readTimeout, s);
        }
    }

    private final ArticleStore store;
    private final EventBodies bodies;
    private final ObjectMapper json;
    private final TargetPolicy targets;
    private final Settings settings;
    private final Clock clock;
    private final RandomGenerator random;
    private final HttpClient client;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Meter delivered;
    private final Meter retried;
    private final Meter failed;
    private final Timer latency;
    private ScheduledExecutorService poller;
    private ExecutorService workers;

    public WebhookSender(ArticleStore store, EventBodies bodies, ObjectMapper json, TargetPolicy targets,
                         Settings settings, Clock clock, RandomGenerator random, MetricRegistry metrics) {
        this.store = store;
        this.bodies = bodies;
        this.json = json;
        this.targets = targets;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.delivered = metrics.meter("redline.watch.delivered");
        this.retried = metrics.meter("redline.watch.retried");
        this.failed = metrics.meter("redline.watch.gaveUp");
        this.latency = metrics.timer("redline.watch.latency");
        metrics.gauge("redline.watch.pending", () -> new CachedGauge<Long>(1, TimeUnit.SECONDS) {
            @Override
            protected Long loadValue() {
                return store.watch(dao -> dao.count(OutboxRow.PENDING));
            }
        });
        metrics.gauge("redline.watch.failed", () -> new CachedGauge<Long>(1, TimeUnit.SECONDS) {
            @Override
            protected Long loadValue() {
                return store.watch(dao -> dao.count(OutboxRow.FAILED));
            }
        });
    }

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        workers = Executors.newFixedThreadPool(settings.senders(), daemon("webhook-send"));
        poller = Executors.newSingleThreadScheduledExecutor(daemon("webhook-poll"));
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (poller == null) {
            return;
        }
        poller.shutdownNow();
        workers.shutdownNow();
        poller.awaitTermination(10, TimeUnit.SECONDS);
        // a delivery cut short stays pending and is sent again at the next start
        workers.awaitTermination(settings.connectTimeout().plus(settings.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        poller = null;
        workers = null;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** One round: hand out the events due now that are not in flight. */
    void poll() {
        try {
            int room = settings.senders() * 4 - inFlight.size();
            if (room <= 0) {
                return;
            }
            List<OutboxRow> due = store.watch(dao -> dao.due(clock.millis(), room + inFlight.size()));
            for (OutboxRow event : due) {
                if (inFlight.add(event.id())) {
                    submit(event);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("reading the webhook outbox failed: {}", e.toString());
        }
    }

    private void submit(OutboxRow event) {
        try {
            workers.execute(() -> {
                try {
                    deliver(event);
                } catch (RuntimeException e) {
                    // the store failed: the event stays pending and is picked up again
                    LOG.warn("webhook event {} not recorded: {}", event.id(), e.toString());
                } finally {
                    inFlight.remove(event.id());
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(event.id()); // stopping
        }
    }

    /** Sends one event once and records how it went. */
    void deliver(OutboxRow seen) {
        // the row as it is now: the list it came from may predate an attempt that finished since
        Optional<OutboxRow> current = store.watch(dao -> dao.event(seen.id()));
        if (current.isEmpty() || !current.get().state().equals(OutboxRow.PENDING)
                || current.get().attempts() != seen.attempts() || current.get().nextAttemptAt() > clock.millis()) {
            return;
        }
        OutboxRow event = current.get();
        Optional<SubscriptionRow> subscription = store.watch(dao -> dao.subscription(event.subscriptionId()));
        if (subscription.isEmpty()) {
            return; // deleted with its events
        }
        SubscriptionRow target = subscription.get();
        Optional<String> refused = targets.refusal(target.url());
        if (refused.isPresent()) {
            store.watch(dao -> dao.gaveUp(event.id(), clock.millis(), clip("target refused: " + refused.get())));
            failed.mark();
            return;
        }
        byte[] body = payload(event).getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.millis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Redline-Webhooks")
                .header(Signer.EVENT_HEADER, "redline-" + event.id())
                .header(Signer.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(Signer.SIGNATURE_HEADER, Signer.header(target.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        String error;
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the answer's body is never read: closing drops it, whatever its size
            response.body().close();
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                long now = clock.millis();
                store.watch(dao -> dao.delivered(event.id(), now));
                delivered.mark();
                latency.update(Math.max(0, now - event.createdAt()), TimeUnit.MILLISECONDS);
                return;
            }
            error = "HTTP " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping: the event stays pending
        }
        failedAttempt(event, error);
    }

    private void failedAttempt(OutboxRow event, String error) {
        long now = clock.millis();
        if (settings.schedule().givesUp(event.createdAt(), now)) {
            store.watch(dao -> dao.gaveUp(event.id(), now, clip(error)));
            failed.mark();
            LOG.warn("webhook event {} for subscription {} given up after {} attempts: {}", event.id(),
                    event.subscriptionId(), event.attempts() + 1, clip(error));
            return;
        }
        long next = now + settings.schedule().delayMillis(event.attempts() + 1, random);
        store.watch(dao -> dao.retryLater(event.id(), next, clip(error)));
        retried.mark();
    }

    /** The body first built for the event, built and kept now if this is its first attempt. */
    private String payload(OutboxRow event) {
        if (event.payload() != null) {
            return event.payload();
        }
        String built;
        try {
            built = json.writeValueAsString(bodies.build(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook body of event " + event.id() + " could not be written", e);
        }
        if (store.watch(dao -> dao.keepPayload(event.id(), built)) == 1) {
            return built;
        }
        return store.watch(dao -> dao.event(event.id())).map(OutboxRow::payload).orElse(built);
    }

    private static String clip(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }
}
