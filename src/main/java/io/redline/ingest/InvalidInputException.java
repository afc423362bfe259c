package io.redline.ingest;

/** Input that cannot be accepted: answered with {@code status} and a message naming the field. */
public final class InvalidInputException extends RuntimeException {
    private final int status;
    private final String field;

    public InvalidInputException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
