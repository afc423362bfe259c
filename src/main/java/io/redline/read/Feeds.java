package io.redline.read;

import io.redline.diff.HtmlDiffRenderer;
import io.redline.diff.TextDiff;
import io.redline.feed.AtomFeed;
import io.redline.store.ArticleStore;
import io.redline.store.Lineage;
import io.redline.store.VersionRow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Atom feeds of new versions: every version, newest first (optionally of one relation and source), or the
 * versions of one story. Each entry carries what changed against the version it derives from
 * ({@link HtmlDiffRenderer#changes}) and links to that diff on the editors' page. At most {@link #MAX_LIMIT}
 * entries, each at most {@link #ENTRY_CHARS} characters of HTML. Thread-safe.
 */
public final class Feeds {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final int ENTRY_CHARS = 64 * 1024;
    /** The authority and date of every tag: URI (RFC 4151); fixed, so ids never change. */
    static final String TAG = "tag:redline,2026:";

    private final ArticleStore store;
    private final VersionHistory history;
    private final String baseUrl;

    public Feeds(ArticleStore store, VersionHistory history, String baseUrl) {
        this.store = store;
        this.history = history;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The versions a feed shows, newest first; enough to answer a conditional GET before any diff is made. */
    public record Selection(String id, String title, String self, String alternate, List<VersionRow> versions) {
        /** When the newest version was stored; the epoch for an empty feed. */
        public Instant updated() {
            return versions.isEmpty() ? Instant.EPOCH : Instant.ofEpochMilli(versions.get(0).ingestedAt());
        }

        /** Changes whenever an entry comes or goes (a deleted version leaves, a new one arrives). */
        public String tag() {
            StringBuilder key = new StringBuilder(id);
            for (VersionRow v : versions) {
                key.append('\n').append(v.articleId()).append('\u0000').append(v.version()).append('\u0000')
                        .append(v.ingestedAt());
            }
            return io.redline.ingest.Ingestor.contentHash("", key.toString()).substring(0, 32);
        }
    }

    /** Every new version, newest first; {@code relation} and {@code source} filter when not null. */
    public Selection latest(String relation, String source, int limit) {
        List<VersionRow> rows = store.read(dao -> dao.newestVersions(relation, relation == null, source,
                source == null, limit));
        StringBuilder query = new StringBuilder();
        if (relation != null) {
            query.append("relation=").append(enc(relation));
        }
        if (source != null) {
            query.append(query.isEmpty() ? "" : "&").append("source=").append(enc(source));
        }
        String q = query.isEmpty() ? "" : "?" + query;
        String title = "Redline: new versions" + (relation == null ? "" : ", " + relation)
                + (source == null ? "" : ", from " + source);
        return new Selection(TAG + "feed" + q, title, baseUrl + "/feed" + q, baseUrl + "/#/stories", rows);
    }

    /**
     * The story a story that no longer exists was merged into (directly or not: merges point at where a story is
     * now); empty when it was not merged, or not at all stored.
     */
    public Optional<Long> mergedInto(long storyId) {
        return store.read(dao -> dao.mergedInto(storyId));
    }

    /** The story's versions, newest stored first; empty when there is no such story. */
    public Optional<Selection> story(long storyId, int limit) {
        return history.chain(storyId).map(chain -> {
            List<VersionRow> rows = chain.stream()
                    .sorted(Comparator.comparingLong(VersionRow::ingestedAt).reversed()
                            .thenComparing(VersionRow::articleId, Comparator.reverseOrder())
                            .thenComparing(Comparator.comparingInt(VersionRow::version).reversed()))
                    .limit(limit).toList();
            String title = "Redline: story " + storyId + (rows.isEmpty() ? "" : ", " + rows.get(0).title());
            return new Selection(TAG + "story/" + storyId, title, baseUrl + "/stories/" + storyId + "/feed",
                    baseUrl + "/#/stories/" + storyId, rows);
        });
    }

    /** The feed itself: each entry's diff against the version it derives from. */
    public String atom(Selection selection) {
        List<AtomFeed.Entry> entries = selection.versions().stream().map(this::entry).toList();
        return AtomFeed.write(new AtomFeed.Feed(selection.id(), selection.title(), selection.self(),
                selection.alternate(), selection.updated(), entries));
    }

    private AtomFeed.Entry entry(VersionRow v) {
        Lineage lineage = v.lineage();
        Optional<VersionRow> parent = lineage.isNone()
                ? (v.version() > 1 ? history.version(v.articleId(), v.version() - 1) : Optional.empty())
                : history.version(lineage.parentArticle(), lineage.parentVersion());
        String relation = lineage.isNone() ? (v.version() > 1 ? "UPDATE" : "NEW") : lineage.relation();
        String html;
        String link;
        if (parent.isPresent()) {
            TextDiff diff = history.diff(parent.get(), v);
            html = "<p><small>" + esc(relation) + " of " + esc(parent.get().articleId()) + " v" + parent.get().version()
                    + ": " + diff.summary().wordsAdded() + " words added, " + diff.summary().wordsRemoved()
                    + " removed</small></p>\n" + HtmlDiffRenderer.changes(diff, ENTRY_CHARS);
            link = baseUrl + "/#/diff?from=" + enc(parent.get().articleId()) + "&fromVersion=" + parent.get().version()
                    + "&to=" + enc(v.articleId()) + "&toVersion=" + v.version();
        } else {
            String body = v.body().length() > ENTRY_CHARS ? v.body().substring(0, ENTRY_CHARS) + " …" : v.body();
            html = "<p><small>" + esc(relation) + "</small></p>\n<p><ins>" + esc(body).replace("\n\n", "</ins></p>\n<p><ins>")
                    + "</ins></p>";
            link = baseUrl + "/#/stories/" + v.storyId();
        }
        Instant stored = Instant.ofEpochMilli(v.ingestedAt());
        return new AtomFeed.Entry(TAG + "version/" + enc(v.articleId()) + "/" + v.version(),
                (v.title() == null || v.title().isBlank() ? v.articleId() : v.title()) + " (v" + v.version() + ", "
                        + relation + ")", stored,
                v.publishedAt() == null ? null : Instant.ofEpochMilli(v.publishedAt()), v.source(), link, html);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
