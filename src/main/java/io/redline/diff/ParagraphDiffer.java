package io.redline.diff;

import io.redline.budget.Deadline;
import io.redline.text.Paragraph;
import io.redline.text.Paragraphs;
import io.redline.text.TextNormalizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Paragraph-level diff of two versions of an article: which paragraphs were kept, reworded (with the word
 * changes), moved, added, cut, split or merged.
 *
 * <p>Example: old "A.\n\nB.\n\nC." and new "C.\n\nA.\n\nB, reworded." give C MOVED (from 2 to 0), A UNCHANGED,
 * B MODIFIED with its word runs. Pairing is explained in {@link ParagraphAligner}, word changes in
 * {@link WordDiff}. Entries come in the reading order of the new version; a deleted paragraph stands where
 * it stood in the old one. Immutable and thread-safe.
 */
public final class ParagraphDiffer {
    private final DiffOptions options;

    public ParagraphDiffer(DiffOptions options) {
        this.options = options;
    }

    /** Diff with the default options. */
    public static TextDiff diff(String fromTitle, String fromBody, String toTitle, String toBody) {
        return new ParagraphDiffer(DiffOptions.defaults()).compare(fromTitle, fromBody, toTitle, toBody);
    }

    /**
     * @param fromTitle may be null (treated as empty)
     * @param fromBody  not null
     * @param toTitle   may be null
     * @param toBody    not null
     */
    public TextDiff compare(String fromTitle, String fromBody, String toTitle, String toBody) {
        List<Paragraph> a = Paragraphs.split(fromBody);
        List<Paragraph> b = Paragraphs.split(toBody);
        // normal forms made once: for the alignment, and to tell a cosmetic change in a paired paragraph
        List<String> normalA = ParagraphAligner.normalized(texts(a));
        List<String> normalB = ParagraphAligner.normalized(texts(b));
        List<ParagraphAligner.Link> links = ParagraphAligner.alignNormalized(normalA, normalB, options);

        Map<Integer, ParagraphAligner.Link> byFirstTo = new HashMap<>();
        boolean[] linkedA = new boolean[a.size()];
        boolean[] laterPiece = new boolean[b.size()];
        for (ParagraphAligner.Link link : links) {
            byFirstTo.put(link.firstTo(), link);
            link.from().forEach(i -> linkedA[i] = true);
            link.to().subList(1, link.to().size()).forEach(j -> laterPiece[j] = true);
        }
        // the old position of the next paragraph kept in place, from each new position on: deleted paragraphs
        // before it are shown before what was inserted there, as "-" lines come before "+" lines
        int[] nextAnchor = new int[b.size() + 1];
        nextAnchor[b.size()] = a.size();
        for (int j = b.size() - 1; j >= 0; j--) {
            ParagraphAligner.Link link = byFirstTo.get(j);
            nextAnchor[j] = link != null && link.inPlace() ? link.firstFrom() : nextAnchor[j + 1];
        }
        Tally tally = new Tally();
        List<ParagraphChange> entries = new ArrayList<>();
        int nextDeleted = 0;
        for (int j = 0; j < b.size(); j++) {
            Deadline.check();
            ParagraphAligner.Link link = byFirstTo.get(j);
            if (link == null && laterPiece[j]) {
                continue;
            }
            if (link == null || link.inPlace()) {
                for (; nextDeleted < nextAnchor[j]; nextDeleted++) {
                    if (!linkedA[nextDeleted]) {
                        entries.add(tally.count(deleted(a.get(nextDeleted))));
                    }
                }
            }
            entries.add(tally.count(link == null ? inserted(b.get(j))
                    : paired(link, fromBody, a, normalA, toBody, b, normalB)));
        }
        for (; nextDeleted < a.size(); nextDeleted++) {
            if (!linkedA[nextDeleted]) {
                entries.add(tally.count(deleted(a.get(nextDeleted))));
            }
        }
        String ft = fromTitle == null ? "" : fromTitle;
        String tt = toTitle == null ? "" : toTitle;
        WordDiff.Result title = WordDiff.diff(ft, tt);
        return new TextDiff(tally.similarity(), new TextDiff.TitleChange(ft, tt, !ft.equals(tt),
                ft.equals(tt) ? List.of() : title.changes()), tally.summary(), entries);
    }

    private static ParagraphChange paired(ParagraphAligner.Link link, String fromBody, List<Paragraph> a,
                                          List<String> normalA, String toBody, List<Paragraph> b,
                                          List<String> normalB) {
        Span fromSpan = span(link.from(), a);
        Span toSpan = span(link.to(), b);
        String fromText = fromBody.substring(fromSpan.start(), fromSpan.end());
        String toText = toBody.substring(toSpan.start(), toSpan.end());
        boolean identical = fromText.equals(toText);
        WordDiff.Result words = WordDiff.diff(fromText, toText);
        ChangeClass changeClass = identical ? ChangeClass.NONE
                : classify(normalForm(link.from(), normalA, fromText), normalForm(link.to(), normalB, toText),
                        words.similarity());
        ParagraphOp op = switch (link.kind()) {
            case SPLIT -> ParagraphOp.SPLIT;
            case MERGE -> ParagraphOp.MERGED;
            case EXACT, FUZZY -> !link.inPlace() ? ParagraphOp.MOVED
                    : link.kind() == ParagraphAligner.Kind.EXACT ? ParagraphOp.UNCHANGED : ParagraphOp.MODIFIED;
        };
        boolean modified = link.kind() != ParagraphAligner.Kind.EXACT;
        // the same paragraph after normalisation: its runs show case or quote changes, but nothing was reworded
        double similarity = ParagraphPair.similarity(!modified, words);
        return new ParagraphChange(op, link.firstFrom(), link.firstTo(), link.from(), link.to(),
                similarity, changeClass, modified, fromSpan, toSpan, fromText, toText,
                identical ? List.of() : words.changes());
    }

    private static ParagraphChange inserted(Paragraph p) {
        return new ParagraphChange(ParagraphOp.INSERTED, null, p.index(), List.of(), List.of(p.index()), 0,
                ChangeClass.SUBSTANTIVE, false, null, new Span(p.start(), p.end()), null, p.text(), List.of());
    }

    private static ParagraphChange deleted(Paragraph p) {
        return new ParagraphChange(ParagraphOp.DELETED, p.index(), null, List.of(p.index()), List.of(), 0,
                ChangeClass.SUBSTANTIVE, false, new Span(p.start(), p.end()), null, p.text(), null, List.of());
    }

    /**
     * COSMETIC when the texts agree once punctuation, case, white space, quotes and dashes are set aside; given
     * the texts' normal forms ({@link TextNormalizer#normalize}).
     */
    static ChangeClass classify(String normalFrom, String normalTo, double similarity) {
        if (normalFrom.equals(normalTo) || DiffTokens.sameWords(normalFrom, normalTo)) {
            return ChangeClass.COSMETIC;
        }
        return similarity >= ChangeClass.MINOR_SIMILARITY ? ChangeClass.MINOR : ChangeClass.SUBSTANTIVE;
    }

    /** The normal form of the text of paragraphs {@code indexes}: kept from the alignment for one paragraph. */
    private static String normalForm(List<Integer> indexes, List<String> normal, String text) {
        return indexes.size() == 1 ? normal.get(indexes.get(0)) : TextNormalizer.normalize(text);
    }

    /** Words in a text, as the diff counts them. */
    public static int wordCount(String text) {
        return DiffTokens.countWords(text);
    }

    private static Span span(List<Integer> indexes, List<Paragraph> paragraphs) {
        return new Span(paragraphs.get(indexes.get(0)).start(), paragraphs.get(indexes.get(indexes.size() - 1)).end());
    }

    private static List<String> texts(List<Paragraph> paragraphs) {
        return paragraphs.stream().map(Paragraph::text).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** Counts entries and words as they are produced. */
    private static final class Tally {
        private int unchanged;
        private int modified;
        private int moved;
        private int inserted;
        private int deleted;
        private int split;
        private int merged;
        private long equalWords;
        private long addedWords;
        private long removedWords;

        ParagraphChange count(ParagraphChange c) {
            switch (c.op()) {
                case UNCHANGED -> unchanged++;
                case MODIFIED -> modified++;
                case MOVED -> moved++;
                case INSERTED -> inserted++;
                case DELETED -> deleted++;
                case SPLIT -> split++;
                case MERGED -> merged++;
            }
            if (c.fromText() == null) {
                addedWords += DiffTokens.countWords(c.toText());
            } else if (c.toText() == null) {
                removedWords += DiffTokens.countWords(c.fromText());
            } else if (c.changes().isEmpty() || !c.modified() && c.op() != ParagraphOp.SPLIT && c.op() != ParagraphOp.MERGED) {
                equalWords += DiffTokens.countWords(c.toText());
            } else {
                for (WordChange w : c.changes()) {
                    int words = DiffTokens.countWords(w.text());
                    switch (w.op()) {
                        case EQUAL -> equalWords += words;
                        case INSERT -> addedWords += words;
                        case DELETE -> removedWords += words;
                    }
                }
            }
            return c;
        }

        DiffSummary summary() {
            return new DiffSummary(unchanged, modified, moved, inserted, deleted, split, merged,
                    (int) addedWords, (int) removedWords);
        }

        double similarity() {
            long total = 2 * equalWords + addedWords + removedWords;
            return total == 0 ? 1.0 : round(2.0 * equalWords / total);
        }
    }
}
