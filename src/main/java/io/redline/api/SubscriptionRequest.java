package io.redline.api;

/**
 * Body of {@code POST /subscriptions}. {@code kind}: {@code ALL} (every new version), {@code STORY} (with
 * {@code storyId}) or {@code RELATION} (with {@code relation}: REVISION, DUPLICATE, EXCERPT or TEMPLATE, and
 * optionally {@code source}). {@code secret}: 16 to 200 characters; when absent one is made and returned once.
 */
public record SubscriptionRequest(String url, String secret, String kind, Long storyId, String relation, String source) {
    @Override
    public String toString() {
        return "SubscriptionRequest[url=" + url + ", kind=" + kind + "]";
    }
}
