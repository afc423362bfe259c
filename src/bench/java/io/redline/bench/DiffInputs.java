package io.redline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.diff.ParagraphDiffer;
import io.redline.diff.TextDiff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Inputs of {@link DiffBenchmark}: a pair of versions read from {@code fixtures/seeds.jsonl}, generated pairs of
 * a ~1,500-word article and a newsroom revision of it, and a long article with a shuffled copy of itself.
 *
 * <p>The text is the {@link Corpus} generator's (Zipfian pseudo-words, sentences of 6–28 words), cut into
 * sentences and reassembled into news-style paragraphs, so originals and revisions are built from whole sentences
 * of that text. Everything is deterministic for a given seed.
 */
public final class DiffInputs {
    public static final long DEFAULT_SEED = 20240612L;
    /** Documents of the Corpus generator cut into sentences: about 35,000 sentences, 600,000 words. */
    private static final int SOURCE_DOCS = 1_000;

    /** Two versions of an article. */
    public record Pair(String fromTitle, String fromBody, String toTitle, String toBody) {
        public TextDiff diff() {
            return ParagraphDiffer.diff(fromTitle, fromBody, toTitle, toBody);
        }
    }

    private final Random rng;
    private final List<String> sentences = new ArrayList<>();
    private int nextSentence;

    DiffInputs(long seed) {
        rng = new Random(seed);
        for (String body : Corpus.generate(SOURCE_DOCS, seed)) {
            for (String paragraph : body.split("\n\n")) {
                for (String s : paragraph.split("(?<=[.?]) +")) {
                    if (!s.isBlank()) {
                        sentences.add(s.strip());
                    }
                }
            }
        }
    }

    // ---- the seed fixture ----

    /**
     * The versions {@code fromId} → {@code toId} of a JSONL file of {@code {"id", "title", "body"}} lines.
     * {@code file} blank: the system property {@code seeds}, else {@code fixtures/seeds.jsonl} in the working
     * directory (the project directory under {@code mvn exec:exec}).
     */
    public static Pair seedPair(String file, String fromId, String toId) {
        Path path = seedsPath(file);
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> byId = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode node = mapper.readTree(line);
                    byId.put(node.path("id").asText(), node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seeds " + path.toAbsolutePath()
                    + " (run from the project directory, or pass -p seeds=/path/seeds.jsonl)", e);
        }
        JsonNode from = byId.get(fromId);
        JsonNode to = byId.get(toId);
        if (from == null || to == null) {
            throw new IllegalArgumentException(path + " holds no " + (from == null ? fromId : toId));
        }
        return new Pair(from.path("title").asText(""), from.path("body").asText(),
                to.path("title").asText(""), to.path("body").asText());
    }

    static Path seedsPath(String file) {
        String f = file == null || file.isBlank() ? System.getProperty("seeds", "") : file;
        return Path.of(f.isBlank() ? "fixtures/seeds.jsonl" : f.trim());
    }

    // ---- generated pairs ----

    /**
     * {@code n} pairs: an original of 1,400–1,600 words in 25–40 paragraphs, and a revision with a new lede,
     * 1–3 paragraphs cut, 2–5 reworded (10–30 % of their words substituted), one split into two in half the pairs,
     * 1–2 moved and 1–3 new ones inserted.
     */
    public static Pair[] generatedPairs(int n, long seed) {
        DiffInputs g = new DiffInputs(seed);
        Pair[] out = new Pair[n];
        for (int i = 0; i < n; i++) {
            out[i] = g.pair();
        }
        return out;
    }

    /** An article of {@code paragraphs} paragraphs (1–3 sentences each) and a shuffled copy of it. */
    public static Pair shuffled(int paragraphs, long seed) {
        DiffInputs g = new DiffInputs(seed);
        List<List<String>> article = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            article.add(g.freshParagraph(1, 3));
        }
        List<List<String>> copy = new ArrayList<>(article);
        Collections.shuffle(copy, g.rng);
        String title = g.title();
        return new Pair(title, render(article), title, render(copy));
    }

    /** A paragraph's sentences; {@code touched} once an edit has been made to it or around it. */
    private static final class Para {
        final List<String> sentences;
        boolean touched;

        Para(List<String> sentences) {
            this.sentences = new ArrayList<>(sentences);
        }
    }

    private Pair pair() {
        int targetWords = between(1_400, 1_600);
        int paragraphs = between(25, 40);
        List<String> body = new ArrayList<>();
        int words = 0;
        while (words < targetWords || body.size() < paragraphs) {
            String s = sentence();
            body.add(s);
            words += wordCount(s);
        }
        // paragraphs - 1 distinct cut points between sentences: paragraphs of uneven length, as in the news
        List<Integer> gaps = new ArrayList<>();
        for (int k = 1; k < body.size(); k++) {
            gaps.add(k);
        }
        Collections.shuffle(gaps, rng);
        List<Integer> cuts = new ArrayList<>(gaps.subList(0, paragraphs - 1));
        Collections.sort(cuts);
        cuts.add(body.size());
        List<List<String>> original = new ArrayList<>();
        int start = 0;
        for (int cut : cuts) {
            original.add(body.subList(start, cut));
            start = cut;
        }
        String title = title();
        return new Pair(title, render(original), rng.nextDouble() < 0.7 ? reword(List.of(title), between(1, 3)).get(0) : title,
                render(revise(original)));
    }

    private List<List<String>> revise(List<List<String>> original) {
        List<Para> doc = new ArrayList<>();
        original.forEach(p -> doc.add(new Para(p)));
        doc.get(0).touched = true; // the lede gets its own treatment at the end
        for (int k = between(1, 3); k > 0; k--) {
            doc.remove(untouched(doc));
        }
        for (int k = between(2, 5); k > 0; k--) {
            Para p = doc.get(untouched(doc));
            int words = p.sentences.stream().mapToInt(DiffInputs::wordCount).sum();
            List<String> reworded = reword(p.sentences, (int) Math.round(words * (0.10 + 0.20 * rng.nextDouble())));
            p.sentences.clear();
            p.sentences.addAll(reworded);
            p.touched = true;
        }
        if (rng.nextBoolean()) {
            for (int attempt = 0; attempt < 20; attempt++) {
                int i = untouched(doc);
                Para p = doc.get(i);
                if (p.sentences.size() >= 2) {
                    int cut = between(1, p.sentences.size() - 1);
                    Para first = new Para(p.sentences.subList(0, cut));
                    Para second = new Para(p.sentences.subList(cut, p.sentences.size()));
                    first.touched = true;
                    second.touched = true;
                    doc.set(i, first);
                    doc.add(i + 1, second);
                    break;
                }
            }
        }
        for (int k = between(1, 2); k > 0; k--) {
            int from = untouched(doc);
            Para p = doc.remove(from);
            int to;
            do {
                to = between(1, doc.size());
            } while (Math.abs(to - from) < 3);
            p.touched = true;
            doc.add(to, p);
        }
        for (int k = between(1, 3); k > 0; k--) {
            Para p = new Para(freshParagraph(1, 3));
            p.touched = true;
            doc.add(between(1, doc.size()), p);
        }
        Para lede = new Para(freshParagraph(1, 2));
        if (rng.nextBoolean()) {
            doc.set(0, lede); // the old lede is rewritten from scratch
        } else {
            Para old = doc.remove(0); // the old lede is pushed down under the new one
            doc.add(0, lede);
            doc.add(between(1, 3), old);
        }
        List<List<String>> out = new ArrayList<>();
        doc.forEach(p -> out.add(p.sentences));
        return out;
    }

    /** A random index ≥ 1 of a paragraph no edit has touched yet. */
    private int untouched(List<Para> doc) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int i = between(1, doc.size() - 1);
            if (!doc.get(i).touched) {
                return i;
            }
        }
        throw new IllegalStateException("no untouched paragraph left");
    }

    // ---- text ----

    private List<String> freshParagraph(int minSentences, int maxSentences) {
        List<String> p = new ArrayList<>();
        for (int k = between(minSentences, maxSentences); k > 0; k--) {
            p.add(sentence());
        }
        return p;
    }

    /** The next sentence of the source text, in order (cycling), so no sentence repeats within an article. */
    private String sentence() {
        String s = sentences.get(nextSentence);
        if (++nextSentence == sentences.size()) {
            nextSentence = 0;
        }
        return s;
    }

    /** A headline: the first 6–12 words of a sentence, without its final stop. */
    private String title() {
        String[] w = sentence().replaceAll("[.,?]", "").split(" ");
        return String.join(" ", List.of(w).subList(0, Math.min(w.length, between(6, 12))));
    }

    /** A word drawn from the source text, so with its Zipfian frequencies; lower case, no punctuation. */
    private String word() {
        String[] w = sentences.get(rng.nextInt(sentences.size())).split(" ");
        return strip(w[rng.nextInt(w.length)]).toLowerCase(Locale.ROOT);
    }

    /** Substitutes {@code count} distinct words of the sentences (at least one), keeping punctuation and capitals. */
    private List<String> reword(List<String> sentences, int count) {
        List<String[]> tokens = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            String[] t = sentences.get(s).split(" ");
            tokens.add(t);
            for (int k = 0; k < t.length; k++) {
                positions.add(new int[]{s, k});
            }
        }
        Collections.shuffle(positions, rng);
        for (int[] at : positions.subList(0, Math.max(1, Math.min(count, positions.size())))) {
            String[] t = tokens.get(at[0]);
            String core = strip(t[at[1]]);
            String replacement;
            do {
                replacement = word();
            } while (replacement.equalsIgnoreCase(core));
            if (Character.isUpperCase(core.charAt(0))) {
                replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
            }
            t[at[1]] = replacement + t[at[1]].substring(core.length());
        }
        List<String> out = new ArrayList<>();
        tokens.forEach(t -> out.add(String.join(" ", t)));
        return out;
    }

    private static String strip(String token) {
        int end = token.length();
        while (end > 1 && ",.?".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(0, end);
    }

    private int between(int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    private static String render(List<List<String>> paragraphs) {
        StringBuilder out = new StringBuilder(16_384);
        for (List<String> p : paragraphs) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(String.join(" ", p));
        }
        return out.toString();
    }

    static int wordCount(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    static int paragraphCount(String body) {
        return body.isBlank() ? 0 : body.strip().split("\n\\s*\n").length;
    }

    /** One line on a set of pairs: sizes, and the diff's mean counts (checks that the edits come out as meant). */
    public static String describe(Pair... pairs) {
        double fromWords = 0;
        double toWords = 0;
        double fromParagraphs = 0;
        double toParagraphs = 0;
        double[] ops = new double[7];
        double similarity = 0;
        for (Pair p : pairs) {
            fromWords += wordCount(p.fromBody());
            toWords += wordCount(p.toBody());
            fromParagraphs += paragraphCount(p.fromBody());
            toParagraphs += paragraphCount(p.toBody());
            TextDiff d = p.diff();
            var s = d.summary();
            int[] c = {s.unchanged(), s.modified(), s.moved(), s.inserted(), s.deleted(), s.split(), s.merged()};
            for (int k = 0; k < c.length; k++) {
                ops[k] += c[k];
            }
            similarity += d.similarity();
        }
        double n = pairs.length;
        return String.format(Locale.ROOT, "%d pair(s); mean words %.0f → %.0f, paragraphs %.1f → %.1f; diff: "
                        + "unchanged %.1f, modified %.1f, moved %.1f, inserted %.1f, deleted %.1f, split %.1f, "
                        + "merged %.1f, similarity %.3f",
                pairs.length, fromWords / n, toWords / n, fromParagraphs / n, toParagraphs / n, ops[0] / n,
                ops[1] / n, ops[2] / n, ops[3] / n, ops[4] / n, ops[5] / n, ops[6] / n, similarity / n);
    }
}
