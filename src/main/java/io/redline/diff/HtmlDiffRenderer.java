package io.redline.diff;

import io.redline.budget.Deadline;
import org.apache.commons.text.StringEscapeUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders a {@link TextDiff} as one self-contained HTML5 page: inline CSS, no script, no external
 * resource, every piece of text escaped. The page has a header (the two labels, the overall similarity and
 * a bar of kept / reworded / moved / added / cut paragraphs with the words added and removed), the
 * headline's change, and a side-by-side table with one row per entry, old text on the left and new on the
 * right. Below 700 px the table stacks into one column.
 *
 * <p>For example, an entry {@code MODIFIED 2→2, MINOR} with runs {@code EQUAL "Forces took ",
 * DELETE "the", INSERT "a", EQUAL " town."} becomes a row
 *
 * <pre>{@code
 * <tr id="to-3" class="entry op-modified cls-minor">
 *   <td class="change">"reworded" and "minor" badges, "75% similarity"</td>
 *   <td class="old">¶ 3 … Forces took <del>the</del> town.</td>
 *   <td class="new">¶ 3 … Forces took <ins>a</ins> town.</td>
 * </tr>
 * }</pre>
 *
 * <p>Anchors: the row of an entry is {@code to-N} for its first new paragraph (1-based), or
 * {@code from-N} for a deleted one; every other paragraph number in a cell carries its own {@code to-N} or
 * {@code from-N}. A MOVED entry links ("moved from ¶ 7") to a thin marker row {@code from-7} placed where
 * the paragraph used to be, which links back to it, so the page navigates without JavaScript. COSMETIC
 * rows are dimmed; INSERTED rows have an empty left cell, DELETED rows an empty right one, both shown as
 * plain text on a tinted cell rather than as one long {@code <ins>} or {@code <del>}.
 *
 * <p>The markup is also well-formed XML once the doctype is removed (void elements are self-closed), with
 * HTML 4 named entities from {@link StringEscapeUtils#escapeHtml4}. Stateless and thread-safe.
 */
public final class HtmlDiffRenderer {
    private static final String STYLE = """
            :root{--ink:#1f2328;--muted:#6a737d;--line:#e4e6e9;--paper:#fff;--bg:#f6f7f8;\
            --del-bg:#ffe1df;--del-ink:#a0111f;--ins-bg:#d8f5e0;--ins-ink:#0f6b33;--moved:#6f4bd8;--moved-bg:#f5f1ff}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--ink);font:17px/1.55 Georgia,Cambria,"Times New Roman",serif}
            main{max-width:1280px;margin:0 auto;padding:28px 24px 56px}
            header,.headline h2,.change,.num,.legend,.ghost,th,footer{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
            .kicker{margin:0;color:var(--muted);font-size:.8rem;letter-spacing:.08em;text-transform:uppercase}
            h1{margin:.2rem 0 .6rem;font-size:1.45rem;line-height:1.3;font-weight:650}
            h1 .arrow{color:var(--muted);font-weight:400;padding:0 .3rem}
            .similarity{margin:0 0 .6rem;font-size:1rem}
            .similarity strong{font-size:1.6rem;margin-right:.25rem}
            .bar{display:flex;height:12px;border-radius:6px;overflow:hidden;background:var(--line)}
            .bar span{display:block;height:100%}
            .kept{background:#c5cad1}.reworded{background:#e8a317}.moved{background:var(--moved)}.added{background:#2e9d57}.cut{background:#d2373c}
            .legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:.7rem 0 0;padding:0;list-style:none;font-size:.9rem}
            .legend i{display:inline-block;width:.75rem;height:.75rem;border-radius:2px;margin-right:.35rem;vertical-align:-1px}
            .legend .words-added{color:var(--ins-ink);font-weight:600}.legend .words-removed{color:var(--del-ink);font-weight:600}
            .headline{margin:28px 0 20px;padding:16px 20px;background:var(--paper);border:1px solid var(--line);border-radius:8px}
            .headline h2{margin:0 0 .4rem;font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.08em}
            .headline p{margin:0;font-size:1.3rem;line-height:1.45}
            .headline .note{font-size:.85rem;color:var(--muted)}
            del{background:var(--del-bg);color:var(--del-ink);text-decoration:line-through;text-decoration-thickness:1px}
            ins{background:var(--ins-bg);color:var(--ins-ink);text-decoration:none}
            .headline del+ins,.headline ins+del{margin-left:.3em}
            table{width:100%;border-collapse:collapse;table-layout:fixed;background:var(--paper);border:1px solid var(--line)}
            col.c-change{width:9.5rem}
            th{padding:10px 14px;text-align:left;font-size:.85rem;font-weight:600;background:#eef0f2;border-bottom:1px solid var(--line)}
            td{padding:12px 14px;vertical-align:top;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
            td.old{border-right:1px solid var(--line)}
            .text{white-space:pre-wrap}
            .num{display:block;margin-bottom:.2rem;color:var(--muted);font-size:.75rem}
            .change{font-size:.8rem;color:var(--muted)}
            .badge{display:inline-block;margin:0 4px 4px 0;padding:0 6px;border-radius:4px;border:1px solid currentColor;\
            font-size:.68rem;font-weight:650;line-height:1.6;letter-spacing:.04em;text-transform:uppercase}
            .badge.op-unchanged,.badge.cls-none{color:#7b8490}.badge.op-modified,.badge.op-split,.badge.op-merged{color:#9a6700}
            .badge.op-moved{color:var(--moved)}.badge.op-inserted{color:var(--ins-ink)}.badge.op-deleted{color:var(--del-ink)}
            .badge.cls-cosmetic{color:#7b8490}.badge.cls-minor{color:#9a6700}.badge.cls-substantive{color:#b42318}
            .sim{display:block}
            .change a,.ghost a{color:var(--moved);font-weight:600;text-decoration:none}
            .change a:hover,.ghost a:hover{text-decoration:underline}
            tr.op-unchanged .text{color:#4a5058}
            tr.cls-cosmetic td{opacity:.55}
            tr.op-moved td{background:var(--moved-bg)}
            tr.op-moved td.change{box-shadow:inset 4px 0 0 var(--moved)}
            tr.op-inserted td.new{background:#f0fbf3}
            tr.op-deleted td.old{background:#fff4f3}
            tr.ghost td{padding:5px 14px;background:#fbfaff;font-size:.8rem;color:var(--moved)}
            tr:target td{background:#fff6d5}
            footer{margin-top:18px;color:var(--muted);font-size:.8rem}
            @media (max-width:700px){
            body{font-size:16px}
            main{padding:18px 12px 40px}
            h1{font-size:1.2rem}
            table,tbody,tr,td{display:block;width:100%}
            thead{display:none}
            tr{border-bottom:1px solid var(--line)}
            td{border:0;padding:6px 12px}
            td.old{border-right:0}
            td.empty{display:none}
            td.old::before,td.new::before{content:attr(data-label);display:block;color:var(--muted);\
            font:600 .7rem system-ui,sans-serif;letter-spacing:.06em;text-transform:uppercase}
            tr.ghost td.old::before{content:none}
            }
            """;

    private HtmlDiffRenderer() {
    }

    /**
     * The page for a diff.
     *
     * @param diff      the diff; not null (its title may be null: the page then has no headline section)
     * @param fromLabel how to name the old version, e.g. "seed-07, 3 November"; not null
     * @param toLabel   how to name the new version; not null
     * @return a complete HTML5 document, UTF-8 declared
     */
    public static String render(TextDiff diff, String fromLabel, String toLabel) {
        Objects.requireNonNull(diff, "diff must not be null");
        Objects.requireNonNull(fromLabel, "from label must not be null");
        Objects.requireNonNull(toLabel, "to label must not be null");
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Redline: ").append(esc(fromLabel)).append(" → ").append(esc(toLabel))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        header(html, diff, fromLabel, toLabel);
        headline(html, diff.title());
        table(html, diff.paragraphs(), fromLabel, toLabel);
        html.append("<footer>Paragraph numbers count from 1 in each version. Rendered by Redline.</footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, TextDiff diff, String fromLabel, String toLabel) {
        DiffSummary s = diff.summary();
        int reworded = s.modified() + s.split() + s.merged();
        int[] counts = {s.unchanged(), reworded, s.moved(), s.inserted(), s.deleted()};
        String[] names = {ParagraphOp.UNCHANGED.word(), ParagraphOp.MODIFIED.word(), ParagraphOp.MOVED.word(),
                ParagraphOp.INSERTED.word(), ParagraphOp.DELETED.word()};
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        html.append("<header>\n<p class=\"kicker\">Redline · version diff</p>\n<h1><span class=\"from-label\">")
                .append(esc(fromLabel)).append("</span><span class=\"arrow\">→</span><span class=\"to-label\">")
                .append(esc(toLabel)).append("</span></h1>\n<p class=\"similarity\"><strong>")
                .append(percent(diff.similarity())).append("</strong> ").append(ParagraphOp.SIMILARITY).append("</p>\n")
                .append("<div class=\"bar\" aria-hidden=\"true\">");
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                html.append("<span class=\"").append(names[i]).append("\" style=\"width:")
                        .append(String.format(Locale.ROOT, "%.3f", 100.0 * counts[i] / total)).append("%\" title=\"")
                        .append(names[i]).append(": ").append(counts[i]).append("\"></span>");
            }
        }
        html.append("</div>\n<ul class=\"legend\">");
        for (int i = 0; i < counts.length; i++) {
            html.append("<li><i class=\"").append(names[i]).append("\"></i>").append(names[i]).append(' ')
                    .append("<b>").append(counts[i]).append("</b></li>");
        }
        html.append("<li>words <span class=\"words-added\">+").append(s.wordsAdded())
                .append("</span> <span class=\"words-removed\">−").append(s.wordsRemoved())
                .append("</span></li></ul>\n</header>\n");
    }

    private static void headline(StringBuilder html, TextDiff.TitleChange title) {
        if (title == null) {
            return;
        }
        html.append("<section class=\"headline\">\n<h2>Headline</h2>\n<p>");
        if (!title.changed()) {
            html.append(esc(title.to())).append("</p>\n<p class=\"note\">").append(ParagraphOp.UNCHANGED.word())
                    .append("</p>\n</section>\n");
            return;
        }
        if (title.changes().isEmpty()) {
            wrap(html, "del", title.from());
            html.append(' ');
            wrap(html, "ins", title.to());
        } else {
            for (WordChange run : title.changes()) {
                switch (run.op()) {
                    case EQUAL -> html.append(esc(run.text()));
                    case DELETE -> wrap(html, "del", run.text());
                    case INSERT -> wrap(html, "ins", run.text());
                }
            }
        }
        html.append("</p>\n</section>\n");
    }

    private static void table(StringBuilder html, List<ParagraphChange> entries, String fromLabel, String toLabel) {
        html.append("<table class=\"paragraphs\">\n<colgroup><col class=\"c-change\"/><col/><col/></colgroup>\n")
                .append("<thead><tr><th>Change</th><th>").append(esc(fromLabel)).append("</th><th>")
                .append(esc(toLabel)).append("</th></tr></thead>\n<tbody>\n");
        int[] ghostAt = ghostPositions(entries);
        List<List<Integer>> ghosts = ghostsBefore(entries, ghostAt);
        for (int i = 0; i <= entries.size(); i++) {
            Deadline.check();
            for (int moved : ghosts.get(i)) {
                ghostRow(html, entries.get(moved), moved < i, fromLabel);
            }
            if (i < entries.size()) {
                entryRow(html, entries.get(i), ghostAt[i] <= i, fromLabel, toLabel);
            }
        }
        html.append("</tbody>\n</table>\n");
    }

    /** For each row position (and the end), the MOVED entries (by position) whose old place is just before it. */
    private static List<List<Integer>> ghostsBefore(List<ParagraphChange> entries, int[] ghostAt) {
        List<List<Integer>> ghosts = new ArrayList<>();
        for (int i = 0; i <= entries.size(); i++) {
            ghosts.add(new ArrayList<>());
        }
        for (int k = 0; k < entries.size(); k++) {
            if (ghostAt[k] >= 0) {
                ghosts.get(ghostAt[k]).add(k);
            }
        }
        ghosts.forEach(at -> at.sort((a, b) -> Integer.compare(entries.get(a).fromIndex(), entries.get(b).fromIndex())));
        return ghosts;
    }

    /**
     * For each entry, where a moved paragraph used to be: before the first row that is in place and came after
     * it; -1 for the others. A binary search over the running maximum of those rows' old positions, so that a
     * page of thousands of moves is not quadratic.
     */
    private static int[] ghostPositions(List<ParagraphChange> entries) {
        int n = entries.size();
        int[] highestFrom = new int[n];
        int highest = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            ParagraphChange e = entries.get(i);
            if (e.op() != ParagraphOp.MOVED && !e.fromIndexes().isEmpty()) {
                highest = Math.max(highest, e.fromIndexes().get(0));
            }
            highestFrom[i] = highest;
        }
        int[] at = new int[n];
        for (int k = 0; k < n; k++) {
            ParagraphChange moved = entries.get(k);
            if (!hasOrigin(moved)) {
                at[k] = -1;
                continue;
            }
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (highestFrom[mid] > moved.fromIndex()) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            at[k] = lo;
        }
        return at;
    }

    /**
     * Only what changed, as a small HTML fragment for a feed entry or a mail: the headline's change, then each
     * paragraph that is not unchanged, its removed words in {@code <del>} and added ones in {@code <ins>}, in new
     * order. Stops before {@code maxChars} characters and says how many changes it left out. Example: a modified
     * paragraph with runs {@code EQUAL "Forces took ", DELETE "the", INSERT "a", EQUAL " town."} becomes
     * {@code <p><small>¶ 3, modified, minor</small><br>Forces took <del>the</del><ins>a</ins> town.</p>}.
     */
    public static String changes(TextDiff diff, int maxChars) {
        StringBuilder html = new StringBuilder();
        if (diff.title() != null && diff.title().changed()) {
            html.append("<p><small>headline</small><br>");
            runs(html, diff.title().changes(), diff.title().from(), diff.title().to());
            html.append("</p>\n");
        }
        int left = 0;
        for (ParagraphChange e : diff.paragraphs()) {
            if (e.op() == ParagraphOp.UNCHANGED || e.op() == ParagraphOp.MOVED && e.changeClass() == ChangeClass.NONE) {
                continue;
            }
            if (left > 0 || html.length() >= maxChars) {
                left++;
                continue;
            }
            int start = html.length();
            html.append("<p><small>¶ ").append(e.toIndex() != null ? "" + (e.toIndex() + 1) : "was " + (e.fromIndex() + 1))
                    .append(", ").append(e.op().name().toLowerCase(Locale.ROOT)).append(", ")
                    .append(e.changeClass().name().toLowerCase(Locale.ROOT)).append("</small><br>");
            runs(html, e.changes(), e.fromText(), e.toText());
            html.append("</p>\n");
            if (html.length() > maxChars) {
                html.setLength(start);
                left++;
            }
        }
        if (left > 0) {
            html.append("<p><small>").append(left).append(left == 1 ? " more change" : " more changes")
                    .append(" in the full diff</small></p>\n");
        }
        if (html.isEmpty()) {
            html.append("<p><small>no change in the text</small></p>\n");
        }
        return html.toString();
    }

    /** Word runs inline: kept words plain, removed in del, added in ins; or a whole side when there are none. */
    private static void runs(StringBuilder html, List<WordChange> changes, String from, String to) {
        if (!changes.isEmpty() && from != null && to != null) {
            for (WordChange run : changes) {
                switch (run.op()) {
                    case EQUAL -> html.append(esc(run.text()));
                    case DELETE -> wrap(html, "del", run.text());
                    case INSERT -> wrap(html, "ins", run.text());
                    default -> throw new IllegalStateException("unknown run " + run.op());
                }
            }
        } else if (to == null) {
            wrap(html, "del", from == null ? "" : from);
        } else if (from == null) {
            wrap(html, "ins", to);
        } else {
            html.append(esc(to));
        }
    }

    private static boolean hasOrigin(ParagraphChange e) {
        return e.op() == ParagraphOp.MOVED && e.fromIndex() != null && e.toIndex() != null;
    }

    private static void ghostRow(StringBuilder html, ParagraphChange moved, boolean rowIsAbove, String fromLabel) {
        int from = moved.fromIndex() + 1;
        html.append("<tr id=\"from-").append(from).append("\" class=\"ghost\"><td class=\"change\">")
                .append("<span class=\"badge op-moved\">moved away</span></td><td class=\"old\" data-label=\"")
                .append(esc(fromLabel)).append("\">¶ ").append(from).append(" was here: <a href=\"#")
                .append(rowId(moved)).append("\">moved to ¶ ").append(moved.toIndex() + 1)
                .append(rowIsAbove ? " ↑" : " ↓").append("</a></td><td class=\"new empty\"></td></tr>\n");
    }

    private static void entryRow(StringBuilder html, ParagraphChange e, boolean originIsAbove,
                                 String fromLabel, String toLabel) {
        String op = e.op().name().toLowerCase(Locale.ROOT);
        String cls = e.changeClass().name().toLowerCase(Locale.ROOT);
        html.append("<tr id=\"").append(rowId(e)).append("\" class=\"entry op-").append(op).append(" cls-")
                .append(cls).append("\">\n<td class=\"change\"><span class=\"badge op-").append(op).append("\">")
                .append(e.op().word()).append("</span><span class=\"badge cls-").append(cls).append("\">")
                .append(e.changeClass() == ChangeClass.NONE ? "identical" : cls).append("</span>");
        if (e.fromText() != null && e.toText() != null && e.changeClass() != ChangeClass.NONE) {
            html.append("<span class=\"sim\">").append(percent(e.similarity())).append(' ').append(ParagraphOp.SIMILARITY).append("</span>");
        }
        if (hasOrigin(e)) {
            html.append("<a href=\"#from-").append(e.fromIndex() + 1).append("\">moved from ¶ ")
                    .append(e.fromIndex() + 1).append(originIsAbove ? " ↑" : " ↓").append("</a>");
        }
        html.append("</td>\n");
        cell(html, e, true, fromLabel);
        cell(html, e, false, toLabel);
        html.append("</tr>\n");
    }

    /** One side of an entry: its paragraph numbers, then its text with the other side's words marked. */
    private static void cell(StringBuilder html, ParagraphChange e, boolean old, String label) {
        String text = old ? e.fromText() : e.toText();
        String side = old ? "old" : "new";
        if (text == null) {
            html.append("<td class=\"").append(side).append(" empty\"></td>\n");
            return;
        }
        html.append("<td class=\"").append(side).append("\" data-label=\"").append(esc(label)).append("\">");
        numbers(html, e, old);
        html.append("<div class=\"text\">");
        boolean runs = !e.changes().isEmpty() && e.fromText() != null && e.toText() != null;
        if (runs) {
            WordChange.Op shown = old ? WordChange.Op.DELETE : WordChange.Op.INSERT;
            for (WordChange run : e.changes()) {
                if (run.op() == WordChange.Op.EQUAL) {
                    html.append(esc(run.text()));
                } else if (run.op() == shown) {
                    wrap(html, old ? "del" : "ins", run.text());
                }
            }
        } else {
            html.append(esc(text));
        }
        html.append("</div></td>\n");
    }

    /** "¶ 4, 5", each number an anchor unless the row itself (or, for a move, the marker row) has it. */
    private static void numbers(StringBuilder html, ParagraphChange e, boolean old) {
        List<Integer> indexes = old ? e.fromIndexes() : e.toIndexes();
        if (indexes.isEmpty()) {
            return;
        }
        String prefix = old ? "from-" : "to-";
        html.append("<span class=\"num\">¶ ");
        for (int i = 0; i < indexes.size(); i++) {
            String id = prefix + (indexes.get(i) + 1);
            boolean anchored = !id.equals(rowId(e)) && !(old && hasOrigin(e));
            html.append(i == 0 ? "" : ", ");
            if (anchored) {
                html.append("<span id=\"").append(id).append("\">").append(indexes.get(i) + 1).append("</span>");
            } else {
                html.append(indexes.get(i) + 1);
            }
        }
        html.append("</span>");
    }

    private static String rowId(ParagraphChange e) {
        if (e.toIndex() != null) {
            return "to-" + (e.toIndex() + 1);
        }
        return "from-" + (e.fromIndex() == null ? 0 : e.fromIndex() + 1);
    }

    private static void wrap(StringBuilder html, String tag, String text) {
        html.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag).append('>');
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    private static String esc(String text) {
        return StringEscapeUtils.escapeHtml4(text);
    }
}
