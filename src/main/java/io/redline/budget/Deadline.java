package io.redline.budget;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The time budget of the work running on this thread. A request (or one bulk line) runs inside
 * {@link #within}; long loops call {@link #check} now and then, which throws {@link WorkTimedOut} once the
 * budget is spent, so no input can hold a thread for long. Outside {@code within} there is no budget and
 * {@code check} costs a thread-local read.
 *
 * <p>Example: {@code Deadline.within(Duration.ofSeconds(5), () -> differ.diff(a, b))} ends with
 * {@code WorkTimedOut} after five seconds if the diff has not finished, wherever it calls {@code check()}.
 *
 * <p>A thread-local rather than a parameter: the checks sit deep in pure text and diff code that should not
 * have to pass a budget through every call. Budgets nest: an inner one never extends an outer one.
 */
public final class Deadline {
    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

    private Deadline() {
    }

    private record Budget(long endNanos, Duration length) {
    }

    /** Runs {@code work} on this thread with at most {@code budget} of time (an outer budget still applies). */
    public static <T> T within(Duration budget, Supplier<T> work) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive, got " + budget);
        }
        Budget outer = CURRENT.get();
        long end = System.nanoTime() + budget.toNanos();
        Budget inner = outer != null && outer.endNanos() - end < 0 ? outer : new Budget(end, budget);
        CURRENT.set(inner);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    public static void within(Duration budget, Runnable work) {
        within(budget, () -> {
            work.run();
            return null;
        });
    }

    /** @throws WorkTimedOut if this thread runs inside a budget that is spent */
    public static void check() {
        Budget b = CURRENT.get();
        if (b != null && System.nanoTime() - b.endNanos() > 0) {
            throw new WorkTimedOut(b.length());
        }
    }

    /** The work ran out of time; nothing it was doing has been stored. */
    public static final class WorkTimedOut extends RuntimeException {
        private final Duration budget;

        WorkTimedOut(Duration budget) {
            super("the work took longer than its budget of " + format(budget), null, false, false);
            this.budget = budget;
        }

        public Duration budget() {
            return budget;
        }

        private static String format(Duration d) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
        }
    }
}
