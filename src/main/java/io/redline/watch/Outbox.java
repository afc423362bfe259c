package io.redline.watch;

import io.redline.store.OutboxRow;
import io.redline.store.SubscriptionRow;
import io.redline.store.Writes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the events a new version causes, one per subscription that asks for it, in the transaction that stores
 * the version: they are committed with it or not at all, and once committed no crash can lose them. A STORY
 * subscription follows its story into the stories it is merged into (the merge record, {@code story_merges}, is
 * kept pointing at where a story is now), so it hears of the merging version and of every one after it.
 */
public final class Outbox {
    private Outbox() {
    }

    /** What happened: a version stored, as the ingest answered it. */
    public record NewVersion(String articleId, int version, long storyId, String event, String relation, String source,
                             long at) {
    }

    /** Adds the events of {@code version} to the outbox of the open transaction; none when nobody subscribed. */
    public static void record(Writes writes, NewVersion version) {
        List<SubscriptionRow> subscriptions = writes.subscriptions();
        if (subscriptions.isEmpty()) {
            return;
        }
        // the subscribed stories that now live in this version's story: read only when a STORY subscription names another
        boolean elsewhere = subscriptions.stream().anyMatch(s -> SubscriptionKind.STORY.name().equals(s.kind())
                && s.storyId() != null && s.storyId() != version.storyId());
        Set<Long> mergedHere = elsewhere ? Set.copyOf(writes.watch().subscribedStoriesMergedInto(version.storyId()))
                : Set.of();
        List<OutboxRow> rows = new ArrayList<>();
        for (SubscriptionRow s : subscriptions) {
            if (wants(s, version, mergedHere)) {
                rows.add(new OutboxRow(0, s.id(), version.storyId(), version.articleId(), version.version(),
                        version.event(), version.relation(), OutboxRow.PENDING, version.at(), 0, version.at(), null,
                        null, null));
            }
        }
        if (!rows.isEmpty()) {
            writes.watch().insertEvents(rows);
        }
    }

    /**
     * Whether a subscription asks for this version; {@code mergedHere} holds the stories merged into the version's
     * story (so a STORY subscription to one of them wants it).
     */
    public static boolean wants(SubscriptionRow s, NewVersion v, Set<Long> mergedHere) {
        return switch (SubscriptionKind.valueOf(s.kind())) {
            case ALL -> true;
            case STORY -> s.storyId() != null && (s.storyId() == v.storyId() || mergedHere.contains(s.storyId()));
            case RELATION -> v.relation().equals(s.relation())
                    && (s.source() == null || Objects.equals(s.source(), v.source()));
        };
    }
}
