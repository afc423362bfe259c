package io.redline.bench;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.jackson.Jackson;
import io.redline.Components;
import io.redline.DetectionFactory;
import io.redline.api.ArticleRequest;
import io.redline.api.SubscriptionRequest;
import io.redline.ingest.InputLimits;
import io.redline.store.ArticleStore;
import io.redline.store.Migrations;
import io.redline.store.OutboxRow;
import io.redline.watch.EventBodies;
import io.redline.watch.Subscriptions;
import io.redline.watch.TargetPolicy;
import io.redline.watch.WebhookSender;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook delivery under ingest load (BENCHMARKS.md). Ingests {@code docs} generated articles one at a time into a
 * fresh H2 file store, twice in one JVM: first with no subscription (the baseline), then into another fresh
 * store with {@code subscribers} subscriptions to a loopback receiver (the JDK's HttpServer, answering 204) while
 * the sender (config.yml defaults) delivers in the background. Reports ingest CPU-seconds and wall time of both,
 * the delivery latency (commit to 2xx answer: median, 95th percentile) and how long the outbox took to drain
 * after the last commit. Arguments: docs (default 2000), subscribers (default 2), and {@code reverse} to run the
 * subscribed store first (the first run also pays for JIT warm-up).
 */
public final class WebhookLoad {
    public static void main(String[] args) throws Exception {
        int docs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int subscribers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String[] bodies = Corpus.load("", docs);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicLong received = new AtomicLong();
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        // the first run also warms the JIT: "reverse" runs the subscribed one first, to see how much order matters
        boolean reverse = args.length > 2 && args[2].equals("reverse");
        if (reverse) {
            run(subscribers + " subscription(s)", bodies, subscribers, url, received);
        }
        run("baseline (no subscription)", bodies, 0, url, received);
        if (!reverse) {
            run(subscribers + " subscription(s)", bodies, subscribers, url, received);
        }
        receiver.stop(0);
        System.exit(0);
    }

    private static void run(String label, String[] bodies, int subscribers, String url, AtomicLong received)
            throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:" + Files.createTempDirectory("redline-webhook-bench-").resolve("r") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Migrations.migrate(ds);
        ArticleStore store = new ArticleStore(Jdbi.create(ds).installPlugin(new SqlObjectPlugin()));
        MetricRegistry metrics = new MetricRegistry();
        Components c = Components.create(new DetectionFactory().buildDetector(store, metrics), store,
                InputLimits.defaults(), Clock.systemUTC(), metrics);
        Subscriptions subs = new Subscriptions(store, new TargetPolicy(true), 100, Clock.systemUTC());
        for (int i = 0; i < subscribers; i++) {
            subs.create(new SubscriptionRequest(url, "bench-secret-0123456789", "ALL", null, null, null));
        }
        WebhookSender sender = new WebhookSender(store, new EventBodies(c.history(), "http://127.0.0.1:8080"),
                Jackson.newObjectMapper(), new TargetPolicy(true), WebhookSender.Settings.DEFAULT, Clock.systemUTC(),
                new Random(1), metrics);
        sender.start();
        long before = received.get();
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < bodies.length; i++) {
            c.ingestor().ingest(new ArticleRequest("a" + i, "Title " + i, bodies[i], null, null, "bench"));
        }
        long ingestNanos = System.nanoTime() - t0;
        long ingestCpu = threads.getCurrentThreadCpuTime() - cpu0;
        long expected = (long) bodies.length * subscribers;
        long drainStart = System.nanoTime();
        while (store.watch(dao -> dao.count(OutboxRow.PENDING)) > 0) {
            Thread.sleep(20);
        }
        long drainMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStart);
        sender.stop();
        Snapshot latency = metrics.timer("redline.watch.latency").getSnapshot();
        System.out.printf("%s: %d articles ingested in %.1f s wall, %.2f CPU-s on the ingest thread (%.0f articles/s);"
                        + " %d events delivered (expected %d)%n", label, bodies.length, ingestNanos / 1e9, ingestCpu / 1e9,
                bodies.length / (ingestNanos / 1e9), received.get() - before, expected);
        if (subscribers > 0) {
            System.out.printf("  delivery latency commit->2xx: median %.0f ms, p95 %.0f ms, max %.0f ms;"
                            + " outbox drained %d ms after the last commit; %.0f deliveries/s over the run%n",
                    latency.getMedian() / 1e6, latency.get95thPercentile() / 1e6, latency.getMax() / 1e6, drainMs,
                    expected / ((ingestNanos + TimeUnit.MILLISECONDS.toNanos(drainMs)) / 1e9));
        }
    }
}
