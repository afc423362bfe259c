package io.redline.api;

import io.redline.budget.Deadline;
import io.redline.ingest.BodyTooLarge;
import io.redline.ingest.InvalidInputException;

/**
 * The error answer for each failure the API expects, so that a single request and a bulk line say the same
 * thing about the same failure: the one place, with the resources, that knows HTTP status codes.
 */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    /** The answer for {@code e}, or null when it is not an expected failure (then it is a 500). */
    public static ErrorBody of(Throwable e) {
        if (e instanceof InvalidInputException invalid) {
            return new ErrorBody(status(invalid.problem()), invalid.getMessage(), invalid.field(), null, null);
        }
        if (e instanceof Deadline.WorkTimedOut timedOut) {
            return ErrorBody.of(503, "the work took longer than its budget of " + timedOut.budget().toMillis()
                    + " ms (limits.requestTime) and was stopped; nothing was stored");
        }
        if (e instanceof BodyTooLarge) {
            return ErrorBody.of(413, e.getMessage());
        }
        return null;
    }

    /** The database cannot serve now ({@code reason}: what an operator should look at): 503. */
    public static ErrorBody unavailable(String reason) {
        return ErrorBody.of(503, reason);
    }

    /** A failure nobody expected, logged where it happened; {@code message} names no internals: 500. */
    public static ErrorBody internal(String message) {
        return ErrorBody.of(500, message);
    }

    /** The HTTP status for a kind of invalid input. */
    static int status(InvalidInputException.Problem problem) {
        return switch (problem) {
            case MALFORMED -> 400;
            case INVALID_CONTENT -> 422;
            case TOO_LARGE -> 413;
        };
    }
}
