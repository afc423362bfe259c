package io.redline.ingest;

/** Input that cannot be accepted: what kind of problem, the field (may be null) and a message naming it. */
public final class InvalidInputException extends RuntimeException {
    /** What is wrong, for the edge to answer with the matching status (see {@code api.ErrorBodies}). */
    public enum Problem {
        /** A request that cannot be read as asked: a parameter outside its values, a body that cannot be decoded. */
        MALFORMED,
        /** Content that is well-formed but cannot be accepted: a field missing, too long, out of range. */
        INVALID_CONTENT,
        /** Content over a configured size limit. */
        TOO_LARGE
    }

    private final Problem problem;
    private final String field;

    public InvalidInputException(Problem problem, String field, String message) {
        super(message);
        this.problem = problem;
        this.field = field;
    }

    /** A request that cannot be read as asked ({@link Problem#MALFORMED}). */
    public static InvalidInputException malformed(String field, String message) {
        return new InvalidInputException(Problem.MALFORMED, field, message);
    }

    /** Content that cannot be accepted ({@link Problem#INVALID_CONTENT}). */
    public static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(Problem.INVALID_CONTENT, field, message);
    }

    /** Content over a size limit ({@link Problem#TOO_LARGE}). */
    public static InvalidInputException tooLarge(String field, String message) {
        return new InvalidInputException(Problem.TOO_LARGE, field, message);
    }

    public Problem problem() {
        return problem;
    }

    public String field() {
        return field;
    }
}
