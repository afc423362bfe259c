package io.redline.store;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

/** Webhook subscriptions and their outbox (migration 9-watch). */
@RegisterConstructorMapper(SubscriptionRow.class)
@RegisterConstructorMapper(OutboxRow.class)
public interface WatchDao {
    String OUTBOX_COLUMNS = "o.id, o.subscription_id, o.story_id, o.article_id, o.version, o.event, o.relation, o.state, "
            + "o.created_at, o.attempts, o.next_attempt_at, o.finished_at, o.last_error, o.payload";

    // --- subscriptions

    @SqlUpdate("INSERT INTO watch_subscriptions (url, secret, kind, story_id, relation, source, created_at) "
            + "VALUES (:url, :secret, :kind, :storyId, :relation, :source, :createdAt)")
    @GetGeneratedKeys("id")
    long insertSubscription(@BindMethods SubscriptionRow row);

    @SqlQuery("SELECT id, url, secret, kind, story_id, relation, source, created_at FROM watch_subscriptions ORDER BY id")
    List<SubscriptionRow> subscriptions();

    @SqlQuery("SELECT id, url, secret, kind, story_id, relation, source, created_at FROM watch_subscriptions WHERE id = :id")
    Optional<SubscriptionRow> subscription(@Bind("id") long id);

    @SqlQuery("SELECT COUNT(*) FROM watch_subscriptions")
    long subscriptionCount();

    @SqlUpdate("DELETE FROM watch_subscriptions WHERE id = :id")
    int deleteSubscription(@Bind("id") long id);

    @SqlUpdate("DELETE FROM watch_outbox WHERE subscription_id = :id")
    int deleteEvents(@Bind("id") long id);

    /**
     * The stories named by STORY subscriptions that were merged into {@code storyId} (directly or through other
     * merges: {@code story_merges} always points at where a story is now).
     */
    @SqlQuery("SELECT DISTINCT m.merged_id FROM watch_subscriptions s JOIN story_merges m ON m.merged_id = s.story_id "
            + "WHERE s.kind = 'STORY' AND m.into_id = :storyId")
    List<Long> subscribedStoriesMergedInto(@Bind("storyId") long storyId);

    /** The story a merged story now lives in (merges are re-pointed to the survivor, so one row says it). */
    @SqlQuery("SELECT into_id FROM story_merges WHERE merged_id = :storyId")
    Optional<Long> mergedInto(@Bind("storyId") long storyId);

    // --- outbox

    /**
     * Moves the waiting events of a story merged into another to that story, so that the merged story's events
     * and the new ones are sent in one order (see {@link #due}).
     */
    @SqlUpdate("UPDATE watch_outbox SET story_id = :into WHERE state = 'PENDING' AND story_id = :from")
    int repointPending(@Bind("from") long fromStory, @Bind("into") long intoStory);

    @SqlBatch("INSERT INTO watch_outbox (subscription_id, story_id, article_id, version, event, relation, state, created_at, "
            + "attempts, next_attempt_at) VALUES (:subscriptionId, :storyId, :articleId, :version, :event, :relation, "
            + "'PENDING', :createdAt, 0, :createdAt)")
    void insertEvents(@BindMethods List<OutboxRow> rows);

    /**
     * The events due now that are the oldest waiting one of their subscription and story: sending only these keeps
     * each story's events in order.
     */
    @SqlQuery("SELECT " + OUTBOX_COLUMNS + " FROM watch_outbox o WHERE o.state = 'PENDING' AND o.next_attempt_at <= :now "
            + "AND o.id = (SELECT MIN(p.id) FROM watch_outbox p WHERE p.state = 'PENDING' "
            + "AND p.subscription_id = o.subscription_id AND p.story_id = o.story_id) ORDER BY o.id LIMIT :limit")
    List<OutboxRow> due(@Bind("now") long now, @Bind("limit") int limit);

    @SqlQuery("SELECT " + OUTBOX_COLUMNS + " FROM watch_outbox o WHERE o.id = :id")
    Optional<OutboxRow> event(@Bind("id") long id);

    @SqlQuery("SELECT " + OUTBOX_COLUMNS + " FROM watch_outbox o WHERE o.subscription_id = :id ORDER BY o.id")
    List<OutboxRow> events(@Bind("id") long subscriptionId);

    /** Keeps the first body built for an event, so that retries send the same bytes; 0 when one was kept already. */
    @SqlUpdate("UPDATE watch_outbox SET payload = :payload WHERE id = :id AND payload IS NULL")
    int keepPayload(@Bind("id") long id, @Bind("payload") String payload);

    @SqlUpdate("UPDATE watch_outbox SET state = 'DELIVERED', attempts = attempts + 1, finished_at = :at, last_error = NULL "
            + "WHERE id = :id AND state = 'PENDING'")
    int delivered(@Bind("id") long id, @Bind("at") long at);

    @SqlUpdate("UPDATE watch_outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error "
            + "WHERE id = :id AND state = 'PENDING'")
    int retryLater(@Bind("id") long id, @Bind("next") long next, @Bind("error") String error);

    @SqlUpdate("UPDATE watch_outbox SET state = 'FAILED', attempts = attempts + 1, finished_at = :at, last_error = :error "
            + "WHERE id = :id AND state = 'PENDING'")
    int gaveUp(@Bind("id") long id, @Bind("at") long at, @Bind("error") String error);

    @SqlQuery("SELECT COUNT(*) FROM watch_outbox WHERE state = :state")
    long count(@Bind("state") String state);

    @SqlQuery("SELECT COUNT(*) FROM watch_outbox WHERE subscription_id = :id AND state = :state")
    long count(@Bind("id") long subscriptionId, @Bind("state") String state);

    /** When the oldest waiting event was written; -1 when none waits. */
    @SqlQuery("SELECT COALESCE(MIN(created_at), -1) FROM watch_outbox WHERE state = 'PENDING'")
    long oldestPendingAt();

    default Optional<Long> oldestPending() {
        long at = oldestPendingAt();
        return at < 0 ? Optional.empty() : Optional.of(at);
    }
}
