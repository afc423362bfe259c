package io.redline.diff;

import io.redline.budget.Deadline;
import io.redline.text.Paragraph;
import io.redline.text.Paragraphs;
import io.redline.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Follows paragraphs and sentences through a chain of versions (oldest first), diffing each version with
 * the one before: how often each paragraph of the last version was rewritten, and for each of its sentences
 * the version in which it first appeared and the one in which it last changed.
 *
 * <p>Example: v1 "A. B." → v2 "A. B changed." → v3 "A. B changed. C." gives, for v3: "A." first 1, last 1;
 * "B changed." first 1, last 2; "C." first 3, last 3. Steps are 1-based positions in the chain.
 * Immutable and thread-safe.
 */
public final class StoryHistory {
    private final DiffOptions options;

    public StoryHistory(DiffOptions options) {
        this.options = options;
    }

    /** A sentence of the last version and where it came from. */
    public record BlameLine(int paragraph, int start, int end, String text, int firstStep, int lastChangedStep) {
    }

    /** A paragraph of the last version: the step its lineage began and how many times it was rewritten since. */
    public record ParagraphHistory(int index, int firstStep, int rewrites) {
    }

    /** History of the last of {@code bodies}. */
    public record History(List<ParagraphHistory> paragraphs, List<BlameLine> sentences) {
    }

    public History follow(List<String> bodies) {
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("a history needs at least one version");
        }
        List<Paragraph> paragraphs = Paragraphs.split(bodies.get(0));
        State state = State.first(paragraphs);
        for (int step = 2; step <= bodies.size(); step++) {
            List<Paragraph> next = Paragraphs.split(bodies.get(step - 1));
            state = state.advance(paragraphs, next, step, options);
            paragraphs = next;
        }
        return state.history(paragraphs);
    }

    /** Per paragraph of the current version: lineage start, rewrite count, and each sentence's two steps. */
    private record State(int[] firstStep, int[] rewrites, List<int[][]> sentenceSteps) {
        static State first(List<Paragraph> paragraphs) {
            int n = paragraphs.size();
            int[] first = new int[n];
            Arrays.fill(first, 1);
            List<int[][]> sentences = new ArrayList<>();
            for (Paragraph p : paragraphs) {
                sentences.add(fresh(Sentences.split(p.text()).size(), 1));
            }
            return new State(first, new int[n], sentences);
        }

        State advance(List<Paragraph> before, List<Paragraph> after, int step, DiffOptions options) {
            int n = after.size();
            int[] first = new int[n];
            int[] nextRewrites = new int[n];
            List<int[][]> sentences = new ArrayList<>();
            for (Paragraph p : after) {
                first[p.index()] = step;
                sentences.add(fresh(Sentences.split(p.text()).size(), step));
            }
            List<ParagraphAligner.Link> links = ParagraphAligner.align(texts(before), texts(after), options);
            for (ParagraphAligner.Link link : links) {
                Deadline.check();
                int oldest = Integer.MAX_VALUE;
                int most = 0;
                for (int i : link.from()) {
                    oldest = Math.min(oldest, firstStep[i]);
                    most = Math.max(most, rewrites[i]);
                }
                boolean changed = link.kind() != ParagraphAligner.Kind.EXACT;
                for (int j : link.to()) {
                    first[j] = oldest;
                    nextRewrites[j] = most + (changed ? 1 : 0);
                }
                carrySentences(link, before, after, sentences, step);
            }
            return new State(first, nextRewrites, sentences);
        }

        /** Sentences of the linked new paragraphs that pair with old ones inherit their steps. */
        private void carrySentences(ParagraphAligner.Link link, List<Paragraph> before, List<Paragraph> after,
                                    List<int[][]> out, int step) {
            if (link.from().size() == 1 && link.to().size() == 1) {
                String was = before.get(link.from().get(0)).text();
                if (was.equals(after.get(link.to().get(0)).text())) {
                    // the same text: its sentences pair one to one, each unchanged (what the alignment below
                    // finds for identical lists), so they keep their steps without a sentence alignment
                    int[][] from = sentenceSteps.get(link.from().get(0));
                    int[][] slots = out.get(link.to().get(0));
                    for (int k = 0; k < slots.length; k++) {
                        slots[k][0] = from[k][0];
                        slots[k][1] = from[k][1];
                    }
                    return;
                }
            }
            List<String> oldSentences = new ArrayList<>();
            List<int[]> oldSteps = new ArrayList<>();
            for (int i : link.from()) {
                oldSentences.addAll(Sentences.split(before.get(i).text()));
                oldSteps.addAll(Arrays.asList(sentenceSteps.get(i)));
            }
            List<String> newSentences = new ArrayList<>();
            List<int[]> newSlots = new ArrayList<>();
            for (int j : link.to()) {
                newSentences.addAll(Sentences.split(after.get(j).text()));
                newSlots.addAll(Arrays.asList(out.get(j)));
            }
            for (int[] pair : WordDiff.alignSentences(oldSentences, newSentences)) {
                int[] from = oldSteps.get(pair[0]);
                int[] slot = newSlots.get(pair[1]);
                boolean same = TextNormalizer.normalize(oldSentences.get(pair[0]))
                        .equals(TextNormalizer.normalize(newSentences.get(pair[1])));
                slot[0] = from[0];
                slot[1] = same ? from[1] : step;
            }
        }

        History history(List<Paragraph> paragraphs) {
            List<ParagraphHistory> ps = new ArrayList<>();
            List<BlameLine> lines = new ArrayList<>();
            for (Paragraph p : paragraphs) {
                ps.add(new ParagraphHistory(p.index(), firstStep[p.index()], rewrites[p.index()]));
                int offset = p.start();
                List<String> sentences = Sentences.split(p.text());
                for (int k = 0; k < sentences.size(); k++) {
                    String s = sentences.get(k);
                    String shown = s.stripTrailing();
                    int[] steps = sentenceSteps.get(p.index())[k];
                    lines.add(new BlameLine(p.index(), offset, offset + shown.length(), shown, steps[0], steps[1]));
                    offset += s.length();
                }
            }
            return new History(ps, lines);
        }

        private static int[][] fresh(int sentences, int step) {
            int[][] steps = new int[sentences][];
            for (int k = 0; k < sentences; k++) {
                steps[k] = new int[]{step, step};
            }
            return steps;
        }

        private static List<String> texts(List<Paragraph> paragraphs) {
            return paragraphs.stream().map(Paragraph::text).toList();
        }
    }
}
