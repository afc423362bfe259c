package io.redline.resources;

import io.redline.api.DiffSummaryView;
import io.redline.api.TimelineView;
import io.redline.diff.ParagraphOp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

/**
 * The story time line as a self-contained page: one row per version, linking each step to its diff. Dates follow
 * the page's rule: a version's publication time when known, else when it was stored, as "3 Nov 2017, 14:05 UTC";
 * changes are named in the editors' words ({@link ParagraphOp#word()}).
 */
final class TimelineHtml {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private TimelineHtml() {
    }

    static String render(TimelineView t) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Story %d: %s</title>
                <style>
                body{font:16px/1.5 system-ui,sans-serif;margin:1.5rem auto;max-width:60rem;padding:0 1rem;color:#222}
                table{border-collapse:collapse;width:100%%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
                th{background:#f4f4f4}.num{text-align:right}.add{color:#1a7f37}.del{color:#cf222e}
                @media (max-width:700px){td:nth-child(3),th:nth-child(3){display:none}}
                </style></head><body>
                """.formatted(t.storyId(), escapeHtml4(t.headline())));
        Comparator<Instant> order = Comparator.naturalOrder();
        Instant first = t.steps().stream().map(TimelineHtml::when).min(order).orElse(t.firstSeen());
        Instant last = t.steps().stream().map(TimelineHtml::when).max(order).orElse(t.lastSeen());
        html.append("<h1>").append(escapeHtml4(t.headline())).append("</h1>\n<p>Story ").append(t.storyId())
                .append(": ").append(t.steps().size()).append(" versions, first ").append(DATE.format(first))
                .append(", latest ").append(DATE.format(last)).append(".</p>\n");
        html.append("<table><thead><tr><th>#</th><th>Headline</th><th>Article</th><th class=num>Words</th>"
                + "<th>Changes from the version before</th></tr></thead><tbody>\n");
        for (TimelineView.Step s : t.steps()) {
            html.append("<tr><td>").append(s.step()).append("</td><td>").append(escapeHtml4(s.title()))
                    .append(Boolean.TRUE.equals(s.titleChanged()) ? " <small>(new headline)</small>" : "")
                    .append("</td><td>").append(escapeHtml4(s.articleId())).append(" v").append(s.version())
                    .append("<br><small>").append(DATE.format(when(s)))
                    .append(s.publishedAt() == null ? " (received)" : "").append("</small>").append(source(s)).append(lineage(s)).append("</td><td class=num>").append(s.words()).append("</td><td>");
            if (s.changes() == null) {
                html.append("first version");
            } else {
                DiffSummaryView c = s.changes();
                html.append("<a href=\"").append(escapeHtml4(s.diff())).append("&amp;format=html\">")
                        .append(Math.round(s.similarity() * 100)).append("% ").append(ParagraphOp.SIMILARITY).append("</a>: ")
                        .append(c.unchanged()).append(' ').append(ParagraphOp.UNCHANGED.word()).append(", ")
                        .append(c.modified()).append(' ').append(ParagraphOp.MODIFIED.word()).append(", ")
                        .append(c.moved()).append(' ').append(ParagraphOp.MOVED.word()).append(", ")
                        .append(c.inserted()).append(' ').append(ParagraphOp.INSERTED.word()).append(", ")
                        .append(c.deleted()).append(' ').append(ParagraphOp.DELETED.word()).append("; ")
                        .append("<span class=add>+").append(c.wordsAdded()).append("</span> / <span class=del>−")
                        .append(c.wordsRemoved()).append("</span> words");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</body></html>\n");
        return html.toString();
    }

    /** The date a version is shown under: its publication time when known, else when it was stored. */
    static Instant when(TimelineView.Step s) {
        return s.publishedAt() != null ? s.publishedAt() : s.ingestedAt();
    }

    /** The outlet, linked to the article when its address is a web one (no javascript: or data: links). */
    private static String source(TimelineView.Step s) {
        if (s.source() == null && s.url() == null) {
            return "";
        }
        String name = escapeHtml4(s.source() != null ? s.source() : "source");
        boolean web = s.url() != null && s.url().matches("(?i)https?://\\S+");
        return "<br><small>" + (web ? "<a rel=\"noopener noreferrer\" href=\"" + escapeHtml4(s.url()) + "\">" + name + "</a>" : name)
                + "</small>";
    }

    /** "from step k (REVISION)", or what it reuses when its parent is in another story. */
    private static String lineage(TimelineView.Step s) {
        if (s.derivedFrom() == null) {
            return "";
        }
        String relation = " (" + escapeHtml4(s.relation()) + ")";
        if (s.derivedFrom().step() != null) {
            return "<br><small>from step " + s.derivedFrom().step() + relation + "</small>";
        }
        TimelineView.Reuses r = s.reuses();
        return "<br><small>reuses the text of " + escapeHtml4(r.articleId()) + " v" + r.version()
                + (r.storyId() == null ? ", since deleted" : " (<a href=\"/stories/" + r.storyId()
                + "/timeline?format=html\">story " + r.storyId() + "</a>)") + relation + "</small>";
    }
}
