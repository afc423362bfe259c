package io.redline.health;

import com.codahale.metrics.health.HealthCheck;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Is the store taking writes? Stamps the one row of {@code health_probe} with the time, in a transaction of its
 * own, so a read-only store, a full disk or a lost database turns {@code /healthcheck} red where a
 * {@code SELECT 1} would stay green. The statement has a query timeout, and the whole probe runs on
 * {@code executor} and is given up after twice that (time to get a pooled connection, then the statement): a
 * server that hangs without answering, which no query timeout reaches, still makes {@code /healthcheck} answer,
 * red, in time. Thread-safe.
 */
public final class StoreWriteCheck extends HealthCheck {
    public static final String NAME = "database-writable";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    static final String PROBE = "UPDATE health_probe SET checked_at = :now WHERE id = 1";

    private final Jdbi jdbi;
    private final Clock clock;
    private final int timeoutSeconds;
    private final ExecutorService executor;

    /**
     * @param timeout  the probe statement's query timeout, in whole seconds of at least one
     * @param executor runs the probe, so that the caller can stop waiting for it
     */
    public StoreWriteCheck(Jdbi jdbi, Clock clock, Duration timeout, ExecutorService executor) {
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("timeout must be at least one second, got " + timeout);
        }
        this.jdbi = jdbi;
        this.clock = clock;
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE / 2, timeout.toSeconds());
        this.executor = executor;
    }

    @Override
    protected Result check() {
        long started = System.nanoTime();
        Future<Integer> probe = executor.submit(() -> jdbi.inTransaction(handle -> handle.createUpdate(PROBE)
                .bind("now", clock.millis())
                .setQueryTimeout(timeoutSeconds)
                .execute()));
        int rows;
        try {
            rows = probe.get(2L * timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            return Result.builder().unhealthy()
                    .withMessage("cannot write: no answer within " + 2 * timeoutSeconds + " s")
                    .withDetail("outage", DatabaseOutage.Kind.TIMED_OUT.name()).build();
        } catch (ExecutionException e) {
            return failed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            probe.cancel(true);
            return Result.unhealthy("cannot write: interrupted while waiting for the probe");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (rows != 1) {
            return Result.unhealthy("health_probe has no row 1: the migration that creates it did not run");
        }
        return Result.builder().healthy().withMessage("wrote the probe row in %d ms", millis)
                .withDetail("millis", millis).build();
    }

    private static Result failed(Throwable e) {
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
