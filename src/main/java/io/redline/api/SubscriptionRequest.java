package io.redline.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /subscriptions}. {@code kind}: {@code ALL} (every new version), {@code STORY} (with
 * {@code storyId}) or {@code RELATION} (with {@code relation}: REVISION, DUPLICATE, EXCERPT or TEMPLATE, and
 * optionally {@code source}). {@code secret}: 16 to 200 characters; when absent one is made and returned once.
 */
public record SubscriptionRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url, String secret,
                                  String kind, Long storyId, String relation, String source) {
    @Override
    public String toString() {
        return "SubscriptionRequest[url=" + url + ", kind=" + kind + "]";
    }
}
