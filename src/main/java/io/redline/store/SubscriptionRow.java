package io.redline.store;

/**
 * A stored webhook subscription. {@code kind} is {@code ALL}, {@code STORY} (then {@code storyId} is set) or
 * {@code RELATION} (then {@code relation}, and optionally {@code source}). The secret never leaves the store except
 * to sign deliveries.
 */
public record SubscriptionRow(long id, String url, String secret, String kind, Long storyId, String relation,
                              String source, long createdAt) {
    @Override
    public String toString() {
        // never the secret, should a row reach a log
        return "SubscriptionRow[id=" + id + ", url=" + url + ", kind=" + kind + "]";
    }
}
