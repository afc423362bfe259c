package io.redline.watch;

/** What a subscription asks for. */
public enum SubscriptionKind {
    /** Every new version of every article. */
    ALL,
    /** Every new version that lands in one story. */
    STORY,
    /** Every new version classified as one relation (REVISION, DUPLICATE, EXCERPT, TEMPLATE), optionally from one source. */
    RELATION
}
