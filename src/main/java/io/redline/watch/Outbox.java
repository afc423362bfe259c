package io.redline.watch;

import io.redline.store.OutboxRow;
import io.redline.store.SubscriptionRow;
import io.redline.store.Writes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the events a new version causes, one per subscription that asks for it, in the transaction that stores
 * the version: they are committed with it or not at all, and once committed no crash can lose them.
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
        List<OutboxRow> rows = new ArrayList<>();
        for (SubscriptionRow s : subscriptions) {
            if (wants(s, version)) {
                rows.add(new OutboxRow(0, s.id(), version.storyId(), version.articleId(), version.version(),
                        version.event(), version.relation(), OutboxRow.PENDING, version.at(), 0, version.at(), null,
                        null, null));
            }
        }
        if (!rows.isEmpty()) {
            writes.watch().insertEvents(rows);
        }
    }

    /** Whether a subscription asks for this version. */
    public static boolean wants(SubscriptionRow s, NewVersion v) {
        return switch (SubscriptionKind.valueOf(s.kind())) {
            case ALL -> true;
            case STORY -> s.storyId() != null && s.storyId() == v.storyId();
            case RELATION -> v.relation().equals(s.relation())
                    && (s.source() == null || Objects.equals(s.source(), v.source()));
        };
    }
}
