package io.redline.api;

import io.redline.budget.Deadline;
import io.redline.diff.ParagraphPair;
import io.redline.match.SharedParagraph;
import io.redline.text.Paragraph;
import io.redline.text.Paragraphs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared paragraphs of one text with each of its matches, read as the diff reads them ({@link ParagraphPair}).
 * The matches of a text are mostly versions of one story, which repeat most of their paragraphs word for word, so
 * each pair of one of this text's paragraphs with a counterpart's text is read once, not once per match: a text
 * matching ten versions costs about one word diff per distinct counterpart. Holds what it read until dropped, at
 * most one entry per shared paragraph it was asked for; one per request, not thread-safe.
 */
public final class SharedParagraphReader {
    private final List<Paragraph> mine;
    private final Map<PairKey, ParagraphPair> read = new HashMap<>();

    private record PairKey(int index, String counterpart, boolean exact) {
    }

    public SharedParagraphReader(String body) {
        this.mine = Paragraphs.split(body);
    }

    /** The shared paragraphs with the text {@code matchBody}, checked against the request's deadline. */
    public List<SharedParagraphView> shared(List<SharedParagraph> shared, String matchBody) {
        if (shared.isEmpty()) {
            return List.of();
        }
        List<Paragraph> theirs = Paragraphs.split(matchBody);
        return shared.stream().map(s -> {
            Deadline.check();
            String counterpart = theirs.get(s.matchIndex()).text();
            ParagraphPair pair = read.computeIfAbsent(new PairKey(s.index(), counterpart, s.exact()),
                    k -> ParagraphPair.of(mine.get(k.index()).text(), k.counterpart(), k.exact()));
            return new SharedParagraphView(s.index(), s.matchIndex(), pair.similarity(), s.exact(),
                    DiffViews.spans(pair.sentences()), DiffViews.spans(pair.counterpartSentences()));
        }).toList();
    }
}
