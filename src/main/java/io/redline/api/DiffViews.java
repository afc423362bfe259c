package io.redline.api;

import io.redline.diff.ChangeClass;
import io.redline.diff.DiffSummary;
import io.redline.diff.ParagraphChange;
import io.redline.diff.ParagraphOp;
import io.redline.diff.Span;
import io.redline.diff.TextDiff;
import io.redline.diff.WordChange;

import java.util.List;

/**
 * The one place where the diff engine's values become the API's JSON records (diffs, time line counts, the
 * spans of a match's shared paragraphs, which {@link SharedParagraphReader} reads): a field or constant added to a
 * {@code diff} type changes no answer until it is mapped here, and the switches over its enums stop compiling
 * when a constant is added. Example: {@code span(new Span(0, 131))} → {@code SpanView[start=0, end=131]}.
 * Stateless; null in gives null out for the optional parts (a span, a step's summary).
 */
public final class DiffViews {
    private DiffViews() {
    }

    /** A diff as {@code /diff} answers it; {@code from}/{@code to} null for texts that are not stored. */
    public static DiffResponse response(VersionRef from, VersionRef to, TextDiff diff) {
        return new DiffResponse(from, to, diff.similarity(), title(diff.title()), summary(diff.summary()),
                diff.paragraphs().stream().map(DiffViews::paragraph).toList());
    }

    public static DiffSummaryView summary(DiffSummary s) {
        return s == null ? null : new DiffSummaryView(s.unchanged(), s.modified(), s.moved(), s.inserted(),
                s.deleted(), s.split(), s.merged(), s.wordsAdded(), s.wordsRemoved());
    }

    static List<SpanView> spans(List<Span> spans) {
        return spans.stream().map(DiffViews::span).toList();
    }

    static SpanView span(Span s) {
        return s == null ? null : new SpanView(s.start(), s.end());
    }

    static TitleChangeView title(TextDiff.TitleChange t) {
        return new TitleChangeView(t.from(), t.to(), t.changed(), words(t.changes()));
    }

    static ParagraphChangeView paragraph(ParagraphChange p) {
        return new ParagraphChangeView(op(p.op()), p.fromIndex(), p.toIndex(), p.fromIndexes(), p.toIndexes(),
                p.similarity(), changeClass(p.changeClass()), p.modified(), span(p.fromSpan()), span(p.toSpan()),
                p.fromText(), p.toText(), words(p.changes()));
    }

    static List<WordChangeView> words(List<WordChange> changes) {
        return changes.stream().map(w -> new WordChangeView(switch (w.op()) {
            case EQUAL -> WordChangeView.Op.EQUAL;
            case INSERT -> WordChangeView.Op.INSERT;
            case DELETE -> WordChangeView.Op.DELETE;
        }, w.text())).toList();
    }

    static ParagraphChangeView.Op op(ParagraphOp op) {
        return switch (op) {
            case UNCHANGED -> ParagraphChangeView.Op.UNCHANGED;
            case MODIFIED -> ParagraphChangeView.Op.MODIFIED;
            case MOVED -> ParagraphChangeView.Op.MOVED;
            case INSERTED -> ParagraphChangeView.Op.INSERTED;
            case DELETED -> ParagraphChangeView.Op.DELETED;
            case SPLIT -> ParagraphChangeView.Op.SPLIT;
            case MERGED -> ParagraphChangeView.Op.MERGED;
        };
    }

    static ParagraphChangeView.ChangeClass changeClass(ChangeClass c) {
        return switch (c) {
            case NONE -> ParagraphChangeView.ChangeClass.NONE;
            case COSMETIC -> ParagraphChangeView.ChangeClass.COSMETIC;
            case MINOR -> ParagraphChangeView.ChangeClass.MINOR;
            case SUBSTANTIVE -> ParagraphChangeView.ChangeClass.SUBSTANTIVE;
        };
    }
}
