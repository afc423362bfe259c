package io.redline.store;

/**
 * One event for one subscription: the version that caused it and where its delivery stands. {@code state} is
 * {@code PENDING} until a receiver answered 2xx ({@code DELIVERED}) or the sender gave up ({@code FAILED});
 * {@code payload} is the body as first sent, kept so that every retry sends the same bytes.
 */
public record OutboxRow(long id, long subscriptionId, long storyId, String articleId, int version, String event,
                        String relation, String state, long createdAt, int attempts, long nextAttemptAt, Long finishedAt,
                        String lastError, String payload) {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
}
