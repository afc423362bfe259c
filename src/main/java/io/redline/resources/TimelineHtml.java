package io.redline.resources;

import io.redline.api.TimelineView;
import io.redline.diff.DiffSummary;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

/** The story time line as a self-contained page: one row per version, linking each step to its diff. */
final class TimelineHtml {
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
        html.append("<h1>").append(escapeHtml4(t.headline())).append("</h1>\n<p>Story ").append(t.storyId())
                .append(": ").append(t.steps().size()).append(" versions, first seen ").append(t.firstSeen())
                .append(", last seen ").append(t.lastSeen()).append(".</p>\n");
        html.append("<table><thead><tr><th>#</th><th>Headline</th><th>Article</th><th class=num>Words</th>"
                + "<th>Changes from the version before</th></tr></thead><tbody>\n");
        for (TimelineView.Step s : t.steps()) {
            html.append("<tr><td>").append(s.step()).append("</td><td>").append(escapeHtml4(s.title()))
                    .append(Boolean.TRUE.equals(s.titleChanged()) ? " <small>(new headline)</small>" : "")
                    .append("</td><td>").append(escapeHtml4(s.articleId())).append(" v").append(s.version())
                    .append("<br><small>").append(s.publishedAt() != null ? s.publishedAt() : s.ingestedAt())
                    .append("</small>").append(lineage(s)).append("</td><td class=num>").append(s.words()).append("</td><td>");
            if (s.changes() == null) {
                html.append("first version");
            } else {
                DiffSummary c = s.changes();
                html.append("<a href=\"").append(escapeHtml4(s.diff())).append("&amp;format=html\">")
                        .append(Math.round(s.similarity() * 100)).append("% kept</a>: ")
                        .append(c.modified()).append(" reworded, ").append(c.moved()).append(" moved, ")
                        .append(c.inserted()).append(" added, ").append(c.deleted()).append(" cut; ")
                        .append("<span class=add>+").append(c.wordsAdded()).append("</span> / <span class=del>−")
                        .append(c.wordsRemoved()).append("</span> words");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</body></html>\n");
        return html.toString();
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
