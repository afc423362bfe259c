package io.redline.watch;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: {@code first} after the first failure, doubling after each further one up
 * to {@code max}, each wait shortened by a random share of up to {@code jitter} so that receivers coming back are
 * not hit by every sender at once; given up once the event is older than {@code giveUpAfter}.
 * Example: first 10 s, max 1 h, jitter 0.5: the third retry waits between 20 s and 40 s.
 */
public record RetrySchedule(Duration first, Duration max, double jitter, Duration giveUpAfter) {
    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), 0.5,
            Duration.ofHours(6));

    public RetrySchedule {
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("first retry must be after a positive delay, got " + first);
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("max retry delay must be at least the first, got " + max + " < " + first);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    /** The longest wait after the {@code failures}-th failure (1: the first), before jitter. */
    public long ceilingMillis(int failures) {
        long delay = first.toMillis();
        for (int i = 1; i < failures && delay < max.toMillis(); i++) {
            delay *= 2;
        }
        return Math.min(delay, max.toMillis());
    }

    /** The wait after the {@code failures}-th failure: the ceiling less a random share of up to {@code jitter}. */
    public long delayMillis(int failures, RandomGenerator random) {
        long ceiling = ceilingMillis(failures);
        return ceiling - (long) (ceiling * jitter * random.nextDouble());
    }

    /** Whether an event written at {@code createdAt} is too old to try again at {@code now}. */
    public boolean givesUp(long createdAt, long now) {
        return now - createdAt >= giveUpAfter.toMillis();
    }
}
