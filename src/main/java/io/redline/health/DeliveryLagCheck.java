package io.redline.health;

import com.codahale.metrics.health.HealthCheck;
import io.redline.store.ArticleStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Unhealthy when the oldest webhook event still waiting was written more than {@code maxLag} ago: receivers are
 * down or the sender cannot keep up. Healthy again once it is delivered or given up.
 */
public final class DeliveryLagCheck extends HealthCheck {
    public static final String NAME = "webhook-delivery";

    private final ArticleStore store;
    private final Duration maxLag;
    private final Clock clock;

    public DeliveryLagCheck(ArticleStore store, Duration maxLag, Clock clock) {
        this.store = store;
        this.maxLag = maxLag;
        this.clock = clock;
    }

    @Override
    protected Result check() {
        Optional<Long> oldest = store.watch(dao -> dao.oldestPending());
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
