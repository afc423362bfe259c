package io.redline.health;

import com.codahale.metrics.health.HealthCheck;
import io.redline.store.ArticleStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Unhealthy when the oldest webhook event still waiting was written more than {@code maxLag} ago: receivers are
 * down or the sender cannot keep up. Healthy again once it is delivered or given up.
 */
public final class DeliveryLagCheck extends HealthCheck {
    public static final String NAME = "webhook-delivery";
    /** A hung database must not hold up the health page: the store-write check already waits for it and says so. */
    public static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);

    private final ArticleStore store;
    private final Duration maxLag;
    private final Clock clock;
    private final ExecutorService executor;

    public DeliveryLagCheck(ArticleStore store, Duration maxLag, Clock clock, ExecutorService executor) {
        this.store = store;
        this.maxLag = maxLag;
        this.clock = clock;
        this.executor = executor;
    }

    @Override
    protected Result check() {
        Future<Optional<Long>> query = executor.submit(() -> store.watch(dao -> dao.oldestPending()));
        Optional<Long> oldest;
        try {
            oldest = query.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            query.cancel(true);
            return Result.unhealthy("the outbox did not answer within %d s", ANSWER_WITHIN.toSeconds());
        } catch (ExecutionException e) {
            return Result.unhealthy("cannot read the outbox: %s", e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            query.cancel(true);
            return Result.unhealthy("interrupted while reading the outbox");
        }
        if (oldest.isEmpty()) {
            return Result.healthy("no webhook event waiting");
        }
        long waited = clock.millis() - oldest.get();
        if (waited > maxLag.toMillis()) {
            return Result.unhealthy("the oldest waiting webhook event was written %d s ago (limit %d s)",
                    waited / 1000, maxLag.toSeconds());
        }
        return Result.healthy("the oldest waiting webhook event was written %d s ago", waited / 1000);
    }
}
