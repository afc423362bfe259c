package io.redline.watch;

import io.redline.api.WebhookEvent;
import io.redline.diff.ChangeClass;
import io.redline.diff.DiffSummary;
import io.redline.diff.ParagraphChange;
import io.redline.diff.TextDiff;
import io.redline.read.VersionHistory;
import io.redline.store.Lineage;
import io.redline.store.OutboxRow;
import io.redline.store.VersionRow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds the body of an event from what is stored: the version, the version it derives from and the diff
 * between them (read.VersionHistory, the same diff as {@code GET /diff}). A version deleted before its event was
 * first sent is described by its id and number only. Thread-safe.
 */
public final class EventBodies {
    private final VersionHistory history;
    private final String baseUrl;

    /** @param baseUrl where readers reach this service, for the links, e.g. {@code https://redline.example.org} */
    public EventBodies(VersionHistory history, String baseUrl) {
        this.history = history;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public WebhookEvent build(OutboxRow event) {
        Optional<VersionRow> stored = history.version(event.articleId(), event.version());
        WebhookEvent.Article article = stored
                .map(v -> new WebhookEvent.Article(v.articleId(), v.version(), v.title(), v.source(), v.url()))
                .orElse(new WebhookEvent.Article(event.articleId(), event.version(), null, null, null));
        Lineage lineage = stored.map(VersionRow::lineage).orElse(Lineage.NONE);
        Optional<VersionRow> parent = lineage.isNone() ? Optional.empty()
                : history.version(lineage.parentArticle(), lineage.parentVersion());
        WebhookEvent.VersionRef from = parent.map(p -> new WebhookEvent.VersionRef(p.articleId(), p.version(),
                lineage.relation())).orElse(null);
        WebhookEvent.Summary summary = parent.map(p -> summary(history.diff(p, stored.get()))).orElse(null);
        return new WebhookEvent("redline-" + event.id(), event.subscriptionId(), event.event(),
                Instant.ofEpochMilli(event.createdAt()), article, event.storyId(), event.relation(), from, summary,
                links(event, from));
    }

    static WebhookEvent.Summary summary(TextDiff diff) {
        DiffSummary s = diff.summary();
        ChangeClass largest = ChangeClass.NONE;
        for (ParagraphChange p : diff.paragraphs()) {
            if (p.changeClass() != null && p.changeClass().compareTo(largest) > 0) {
                largest = p.changeClass();
            }
        }
        return new WebhookEvent.Summary(s.unchanged(), s.modified(), s.moved(), s.inserted(), s.deleted(), s.split(),
                s.merged(), s.wordsAdded(), s.wordsRemoved(), largest.name(), diff.title().changed(), diff.similarity());
    }

    private WebhookEvent.Links links(OutboxRow event, WebhookEvent.VersionRef from) {
        String story = baseUrl + "/stories/" + event.storyId();
        if (from == null) {
            return new WebhookEvent.Links(story, null, null, null, null);
        }
        String query = "from=" + enc(from.articleId()) + "&fromVersion=" + from.version()
                + "&to=" + enc(event.articleId()) + "&toVersion=" + event.version();
        String diff = baseUrl + "/diff?" + query;
        return new WebhookEvent.Links(story, diff + "&format=json", diff + "&format=html", diff + "&format=unified",
                baseUrl + "/#/diff?" + query);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
