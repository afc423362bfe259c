package io.redline.health;

import com.codahale.metrics.health.HealthCheck;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Is the store taking writes? Stamps the one row of {@code health_probe} with the time, in a transaction of its
 * own, so a read-only store, a full disk or a lost database turns {@code /healthcheck} red where a
 * {@code SELECT 1} would stay green. The statement has a query timeout and the connection comes from the pool
 * within its {@code maxWaitForConnection}, so a hung database makes the check fail rather than hang.
 * Thread-safe.
 */
public final class StoreWriteCheck extends HealthCheck {
    public static final String NAME = "database-writable";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    static final String PROBE = "UPDATE health_probe SET checked_at = :now WHERE id = 1";

    private final Jdbi jdbi;
    private final Clock clock;
    private final int timeoutSeconds;

    /** @param timeout the probe statement's query timeout, in whole seconds of at least one */
    public StoreWriteCheck(Jdbi jdbi, Clock clock, Duration timeout) {
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("timeout must be at least one second, got " + timeout);
        }
        this.jdbi = jdbi;
        this.clock = clock;
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds());
    }

    @Override
    protected Result check() {
        long started = System.nanoTime();
        int rows;
        try {
            rows = jdbi.inTransaction(handle -> handle.createUpdate(PROBE)
                    .bind("now", clock.millis())
                    .setQueryTimeout(timeoutSeconds)
                    .execute());
        } catch (RuntimeException e) {
            return failed(e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (rows != 1) {
            return Result.unhealthy("health_probe has no row 1: the migration that creates it did not run");
        }
        return Result.builder().healthy().withMessage("wrote the probe row in %d ms", millis)
                .withDetail("millis", millis).build();
    }

    private static Result failed(RuntimeException e) {
        Optional<DatabaseOutage> outage = DatabaseOutage.of(e);
        if (outage.isPresent()) {
            return Result.builder().unhealthy().withMessage("cannot write: " + outage.get().reason())
                    .withDetail("outage", outage.get().kind().name()).build();
        }
        // not a known outage: still red, naming the error but not its text, which may hold server internals
        return Result.unhealthy("cannot write: " + e.getClass().getSimpleName()
                + (e.getCause() == null ? "" : " caused by " + e.getCause().getClass().getSimpleName()));
    }
}
