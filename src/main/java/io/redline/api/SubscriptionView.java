package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A subscription as listed: never its secret, except in the answer to the {@code POST} that created it
 * ({@code secret} is omitted everywhere else). Counts of its events pending, delivered and failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(long id, String url, String kind, Long storyId, String relation, String source,
                               Instant createdAt, Long pending, Long delivered, Long failed, String secret) {
    @Override
    public String toString() {
        return "SubscriptionView[id=" + id + ", url=" + url + "]";
    }
}
