package io.redline.watch;

import io.redline.api.SubscriptionRequest;
import io.redline.api.SubscriptionView;
import io.redline.ingest.InvalidInputException;
import io.redline.store.ArticleStore;
import io.redline.store.OutboxRow;
import io.redline.store.SubscriptionRow;
import io.redline.store.WatchDao;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Creates, lists and deletes webhook subscriptions. The secret is returned only by {@link #create}; it is
 * stored as given (the sender needs it to sign) and appears in no listing, log line or error. Thread-safe.
 */
public final class Subscriptions {
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 200;
    public static final int MAX_SOURCE = 500;
    public static final Set<String> RELATIONS = Set.of("REVISION", "DUPLICATE", "EXCERPT", "TEMPLATE");

    private final ArticleStore store;
    private final TargetPolicy targets;
    private final int maxSubscriptions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Subscriptions(ArticleStore store, TargetPolicy targets, int maxSubscriptions, Clock clock) {
        if (maxSubscriptions < 1) {
            throw new IllegalArgumentException("maxSubscriptions must be at least 1, got " + maxSubscriptions);
        }
        this.store = store;
        this.targets = targets;
        this.maxSubscriptions = maxSubscriptions;
        this.clock = clock;
    }

    /**
     * Stores a subscription; its events start with the next version committed.
     *
     * @throws InvalidInputException saying which field is wrong
     */
    public SubscriptionView create(SubscriptionRequest request) {
        if (request == null) {
            throw InvalidInputException.invalid("body", "request needs {\"url\", \"kind\", ...}");
        }
        targets.refusal(request.url()).ifPresent(why -> {
            throw InvalidInputException.invalid("url", why);
        });
        String kindName = request.kind() == null ? "ALL" : request.kind().toUpperCase(Locale.ROOT);
        SubscriptionKind kind;
        try {
            kind = SubscriptionKind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.invalid("kind", "kind must be ALL, STORY or RELATION, got '" + request.kind() + "'");
        }
        Long storyId = null;
        String relation = null;
        String source = null;
        switch (kind) {
            case ALL -> requireAbsent(request, "storyId", "relation", "source");
            case STORY -> {
                if (request.storyId() == null || request.storyId() < 1) {
                    throw InvalidInputException.invalid("storyId", "kind STORY needs a storyId of 1 or more, got "
                            + request.storyId());
                }
                requireAbsent(request, "relation", "source");
                storyId = request.storyId();
            }
            case RELATION -> {
                relation = request.relation() == null ? null : request.relation().toUpperCase(Locale.ROOT);
                if (relation == null || !RELATIONS.contains(relation)) {
                    throw InvalidInputException.invalid("relation", "kind RELATION needs a relation, one of "
                            + "REVISION, DUPLICATE, EXCERPT, TEMPLATE; got '" + request.relation() + "'");
                }
                requireAbsent(request, "storyId");
                if (request.source() != null && (request.source().isBlank() || request.source().length() > MAX_SOURCE)) {
                    throw InvalidInputException.invalid("source", "source must have 1 to " + MAX_SOURCE + " characters");
                }
                source = request.source();
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        String secret = request.secret();
        if (secret == null) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            secret = HexFormat.of().formatHex(bytes);
        } else if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            // the length only: the secret itself is never echoed
            throw InvalidInputException.invalid("secret", "secret must have " + MIN_SECRET + " to " + MAX_SECRET
                    + " characters, got " + secret.length());
        }
        long now = clock.millis();
        SubscriptionRow row = new SubscriptionRow(0, request.url(), secret, kind.name(), storyId, relation, source, now);
        long id = store.inTransactionWatch(dao -> {
            if (dao.subscriptionCount() >= maxSubscriptions) {
                throw InvalidInputException.invalid("url", "at most " + maxSubscriptions
                        + " subscriptions may exist (watch.maxSubscriptions); delete one first");
            }
            return dao.insertSubscription(row);
        });
        return new SubscriptionView(id, row.url(), row.kind(), storyId, relation, source, Instant.ofEpochMilli(now),
                0L, 0L, 0L, secret);
    }

    private static void requireAbsent(SubscriptionRequest r, String... fields) {
        for (String f : fields) {
            Object value = switch (f) {
                case "storyId" -> r.storyId();
                case "relation" -> r.relation();
                case "source" -> r.source();
                default -> throw new IllegalArgumentException(f);
            };
            if (value != null) {
                throw InvalidInputException.invalid(f, f + " does not apply to kind " + (r.kind() == null ? "ALL" : r.kind()));
            }
        }
    }

    public List<SubscriptionView> list() {
        return store.watch(dao -> dao.subscriptions().stream().map(s -> view(dao, s)).toList());
    }

    public java.util.Optional<SubscriptionView> get(long id) {
        return store.watch(dao -> dao.subscription(id).map(s -> view(dao, s)));
    }

    /** A subscription as it works now: a STORY subscription shows the story it follows since merges. */
    private static SubscriptionView view(WatchDao dao, SubscriptionRow s) {
        Long story = s.storyId() == null ? null : dao.mergedInto(s.storyId()).orElse(s.storyId());
        return new SubscriptionView(s.id(), s.url(), s.kind(), story, s.relation(), s.source(),
                Instant.ofEpochMilli(s.createdAt()), dao.count(s.id(), OutboxRow.PENDING),
                dao.count(s.id(), OutboxRow.DELIVERED), dao.count(s.id(), OutboxRow.FAILED), null);
    }

    /** Deletes a subscription and its events, sent or not; false when there is no such subscription. */
    public boolean delete(long id) {
        return store.inTransactionWatch(dao -> {
            dao.deleteEvents(id);
            return dao.deleteSubscription(id) > 0;
        });
    }
}
