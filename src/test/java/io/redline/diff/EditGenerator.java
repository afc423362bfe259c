package io.redline.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.Fixtures;
import io.redline.testing.NewsCorpusGenerator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two versions of an article with a known edit script, for property tests of the paragraph diff.
 *
 * <p>The old version is a window of one of the ten Reuters articles in {@code fixtures/seeds.jsonl} with a few
 * news-like paragraphs from {@link NewsCorpusGenerator} mixed in, or only generated paragraphs. The new version
 * applies a random mix of: 1–3 deletions, 1–4 rewordings (10–30 % of the words substituted, sometimes two
 * sentences swapped), one split at a sentence boundary, one merge of two adjacent paragraphs, 1–3 moves over at
 * least two other paragraphs, 1–3 insertions. Each paragraph takes part in at most one of these, except that a
 * reworded paragraph may also move. No two paragraphs of a case are near-duplicates (word-set Dice below
 * {@value #MAX_DOC_OVERLAP}), and an inserted paragraph shares little with any old one (below
 * {@value #MAX_INSERT_OVERLAP}), so the ground truth is unambiguous.
 *
 * <p>Example: {@code generate(147, true)} takes 9 paragraphs, deletes old 3 and 5 and inserts a generated
 * paragraph at the top; its origins are INSERTED [] → [0], KEPT [0] → [1], [1] → [2], [2] → [3], [4] → [4],
 * [6] → [5], [7] → [6], [8] → [7], all IN_ORDER, and {@code deleted} is {3, 5}.
 *
 * <p>Which paragraphs "moved" is decided as a diff would: over the old indexes of the paired paragraphs in new
 * order, a paragraph in no longest increasing subsequence has certainly moved, one in all of them certainly has
 * not, and any other could be reported either way (a swap of two neighbours). Split and merged paragraphs are
 * tried both as anchors of that order and not, and only an answer that holds both ways counts as certain.
 *
 * <p>Immutable after construction; {@link #generate} depends only on its seed.
 */
final class EditGenerator {
    static final long POOL_SEED = 20240612L;
    static final int GENERATED_ARTICLES = 150;
    static final int MIN_PARAGRAPHS = 6;
    static final int MAX_PARAGRAPHS = 24;
    static final int MAX_MIXED_IN = 4;
    static final double SEED_ARTICLE_SHARE = 0.75;
    static final double MIN_SUBSTITUTED = 0.10;
    static final double MAX_SUBSTITUTED = 0.30;
    static final double SENTENCE_SWAP_CHANCE = 0.3;
    static final int MIN_REWORDED_WORDS = 8;
    static final int MIN_SPLIT_PART_WORDS = 3;
    static final int MIN_MOVE_DISTANCE = 2;
    static final double MAX_DOC_OVERLAP = 0.6;
    static final double MAX_INSERT_OVERLAP = 0.3;
    static final double EDIT_CHANCE = 0.55;
    static final double SPLIT_MERGE_CHANCE = 0.4;
    static final double TITLE_REWORD_CHANCE = 0.3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** A sentence end (., ? or ! and maybe a closing quote) then spaces then a capital, maybe after a quote. */
    private static final Pattern SENTENCE_GAP = Pattern.compile("(?<=[.?!][”\"’)]?) +(?=[“\"‘(]?\\p{Lu})");
    /** Word sets of the paragraphs seen so far; a cache, safe to share. */
    private static final Map<String, Set<String>> WORD_SETS = new ConcurrentHashMap<>();
    private static final List<String> IRREGULAR_GAPS = List.of("\n\n", "\n\n\n", "\n \n", " \n\n", "\n\n\t",
            "\r\n\r\n", "\n\u00a0\n");

    /** What became of an old paragraph, seen from the new version. */
    enum Fate { KEPT, REWORDED, SPLIT, MERGED, INSERTED }

    /** Whether a paired paragraph kept its place in the order (see the class comment). */
    enum Order { IN_ORDER, MOVED, EITHER }

    /**
     * One expected entry of the diff.
     *
     * @param from        old indexes (empty for INSERTED; two for MERGED)
     * @param to          new indexes (two for SPLIT)
     * @param movedByEdit whether a move edit was applied to it
     * @param order       for KEPT and REWORDED; null for the others
     */
    record Origin(Fate fate, List<Integer> from, List<Integer> to, boolean movedByEdit, Order order) {
    }

    /**
     * A generated pair of versions.
     *
     * @param origins  one per new-version entry (a split's two paragraphs share one)
     * @param deleted  old indexes deleted
     * @param regular  whether every paragraph gap is exactly {@code "\n\n"} (and nothing leads or trails)
     * @param edits    the edit script in words, for failure messages
     */
    record Case(long seed, String fromTitle, String fromBody, String toTitle, String toBody,
                List<String> fromParagraphs, List<String> toParagraphs, List<Span> fromSpans, List<Span> toSpans,
                List<Origin> origins, Set<Integer> deleted, boolean regular, List<String> edits) {

        List<Origin> of(Fate fate) {
            return origins.stream().filter(o -> o.fate() == fate).toList();
        }

        String describe() {
            return "case seed=" + seed + (regular ? "" : " (irregular gaps)") + ", " + fromParagraphs.size() + " → "
                    + toParagraphs.size() + " paragraphs, edits " + edits;
        }
    }

    private record Article(String title, List<String> paragraphs) {
    }

    /** A paragraph of the new version while it is being built. */
    private static final class Item {
        final Fate fate;
        final List<Integer> from;
        final List<String> texts;
        boolean moved;

        Item(Fate fate, List<Integer> from, List<String> texts) {
            this.fate = fate;
            this.from = from;
            this.texts = texts;
        }
    }

    private final List<Article> seeds;
    private final List<String> generated;
    private final Set<String> generatedSet;
    private final List<String> seedWords;
    private final List<String> generatedWords;
    private final List<String> generatedTitles;

    EditGenerator() {
        List<Article> articles = new ArrayList<>();
        for (JsonNode seed : Fixtures.seeds()) {
            articles.add(new Article(seed.get("title").asText(), distinct(List.of(seed.get("body").asText().split("\n\n")))));
        }
        this.seeds = List.copyOf(articles);
        List<String> paragraphs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (NewsCorpusGenerator.Doc doc : NewsCorpusGenerator.builder().seed(POOL_SEED).count(GENERATED_ARTICLES)
                .revisionFraction(0).words(200, 500).build().generate()) {
            List<String> ps = List.of(doc.body().split("\n\n"));
            titles.add(title(ps.get(0)));
            ps.stream().filter(p -> words(p) >= MIN_SPLIT_PART_WORDS).forEach(paragraphs::add);
        }
        this.generated = List.copyOf(new LinkedHashSet<>(paragraphs));
        this.generatedSet = Set.copyOf(generated);
        this.generatedTitles = List.copyOf(titles);
        this.seedWords = vocabulary(seeds.stream().flatMap(a -> a.paragraphs().stream()).toList());
        this.generatedWords = vocabulary(generated);
    }

    /** A case; {@code regular} false puts assorted blank lines (spaces, tabs, CRLF, no-break space) between paragraphs. */
    Case generate(long seed, boolean regular) {
        Random rnd = new Random(seed);
        Draft draft = draft(rnd);
        Script script = new Script(rnd, draft.paragraphs());
        int moves = rnd.nextDouble() < EDIT_CHANCE ? 1 + rnd.nextInt(3) : 0;
        int rewordings = rnd.nextDouble() < EDIT_CHANCE ? 1 + rnd.nextInt(4) : 0;
        int insertions = rnd.nextDouble() < EDIT_CHANCE ? 1 + rnd.nextInt(3) : 0;
        int deletions = rnd.nextDouble() < EDIT_CHANCE ? 1 + rnd.nextInt(3) : 0;
        boolean split = rnd.nextDouble() < SPLIT_MERGE_CHANCE;
        boolean merge = rnd.nextDouble() < SPLIT_MERGE_CHANCE;
        if (moves + rewordings + insertions + deletions == 0 && !split && !merge) {
            moves = 1;
        }
        if (merge) {
            script.merge();
        }
        if (split) {
            script.split();
        }
        script.reword(rewordings);
        script.delete(deletions);
        List<Item> items = script.items();
        script.move(items, moves);
        script.insert(items, insertions);
        String toTitle = draft.title();
        if (rnd.nextDouble() < TITLE_REWORD_CHANCE && words(toTitle) >= 4) {
            toTitle = reword(toTitle, rnd, new StringBuilder());
            script.edits.add("reword title");
        }
        return script.toCase(seed, regular, draft.title(), toTitle, items);
    }

    /** The old version: a window of a Reuters article with some generated paragraphs, or generated ones only. */
    private Draft draft(Random rnd) {
        List<String> draft;
        String title;
        if (rnd.nextDouble() < SEED_ARTICLE_SHARE) {
            Article a = seeds.get(rnd.nextInt(seeds.size()));
            int len = Math.min(a.paragraphs().size(), MIN_PARAGRAPHS + rnd.nextInt(MAX_PARAGRAPHS - MIN_PARAGRAPHS + 1));
            int start = rnd.nextInt(a.paragraphs().size() - len + 1);
            draft = new ArrayList<>(a.paragraphs().subList(start, start + len));
            int mixed = rnd.nextInt(MAX_MIXED_IN + 1);
            for (int i = 0; i < mixed; i++) {
                draft.add(rnd.nextInt(draft.size() + 1), generated.get(rnd.nextInt(generated.size())));
            }
            title = a.title();
        } else {
            int len = MIN_PARAGRAPHS + rnd.nextInt(MAX_PARAGRAPHS - MIN_PARAGRAPHS + 1);
            draft = new ArrayList<>();
            for (int i = 0; i < len; i++) {
                draft.add(generated.get(rnd.nextInt(generated.size())));
            }
            title = generatedTitles.get(rnd.nextInt(generatedTitles.size()));
        }
        return new Draft(title, distinct(draft));
    }

    private record Draft(String title, List<String> paragraphs) {
    }

    /**
     * The edits of one case, chosen over the old paragraphs (each takes part in at most one of merge, split,
     * rewording and deletion), then applied to the list of new paragraphs (moves, insertions).
     */
    private final class Script {
        final Random rnd;
        final List<String> old;
        final boolean[] taken;
        final String[] reworded;
        final Set<Integer> deleted = new TreeSet<>();
        final List<String> edits = new ArrayList<>();
        int mergeAt = -1;
        int splitAt = -1;
        String[] halves;

        Script(Random rnd, List<String> old) {
            this.rnd = rnd;
            this.old = old;
            this.taken = new boolean[old.size()];
            this.reworded = new String[old.size()];
        }

        void merge() {
            if (old.size() >= 2) {
                mergeAt = rnd.nextInt(old.size() - 1);
                taken[mergeAt] = true;
                taken[mergeAt + 1] = true;
                edits.add("merge " + mergeAt + "+" + (mergeAt + 1));
            }
        }

        void split() {
            List<Integer> at = free(i -> !cuts(old.get(i)).isEmpty());
            if (!at.isEmpty()) {
                splitAt = at.get(rnd.nextInt(at.size()));
                taken[splitAt] = true;
                List<Integer> cuts = cuts(old.get(splitAt));
                halves = cut(old.get(splitAt), cuts.get(rnd.nextInt(cuts.size())));
                edits.add("split " + splitAt + " after \"" + tail(halves[0]) + "\"");
            }
        }

        void reword(int count) {
            List<Integer> rewordable = free(i -> words(old.get(i)) >= MIN_REWORDED_WORDS);
            Collections.shuffle(rewordable, rnd);
            for (int i : rewordable.subList(0, Math.min(count, rewordable.size()))) {
                taken[i] = true;
                StringBuilder how = new StringBuilder();
                reworded[i] = EditGenerator.this.reword(old.get(i), rnd, how);
                edits.add("reword " + i + " (" + how + ")");
            }
        }

        /** Deletes up to {@code count} untouched paragraphs, leaving at least two untouched. */
        void delete(int count) {
            List<Integer> deletable = free(i -> true);
            Collections.shuffle(deletable, rnd);
            for (int i : deletable.subList(0, Math.min(count, Math.max(0, deletable.size() - 2)))) {
                taken[i] = true;
                deleted.add(i);
                edits.add("delete " + i);
            }
        }

        /** The new paragraphs in the old order, before moves and insertions. */
        List<Item> items() {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < old.size(); i++) {
                if (deleted.contains(i)) {
                    continue;
                }
                if (i == mergeAt) {
                    items.add(new Item(Fate.MERGED, List.of(i, i + 1), List.of(old.get(i) + " " + old.get(i + 1))));
                    i++;
                } else if (i == splitAt) {
                    items.add(new Item(Fate.SPLIT, List.of(i), List.of(halves)));
                } else if (reworded[i] != null) {
                    items.add(new Item(Fate.REWORDED, List.of(i), List.of(reworded[i])));
                } else {
                    items.add(new Item(Fate.KEPT, List.of(i), List.of(old.get(i))));
                }
            }
            return items;
        }

        /** Moves up to {@code count} kept or reworded paragraphs, each over at least {@link #MIN_MOVE_DISTANCE} others. */
        void move(List<Item> items, int count) {
            for (int m = 0; m < count && items.size() > MIN_MOVE_DISTANCE + 1; m++) {
                List<Integer> movable = new ArrayList<>();
                for (int p = 0; p < items.size(); p++) {
                    Item it = items.get(p);
                    if ((it.fate == Fate.KEPT || it.fate == Fate.REWORDED) && !it.moved) {
                        movable.add(p);
                    }
                }
                if (movable.isEmpty()) {
                    return;
                }
                int p = movable.get(rnd.nextInt(movable.size()));
                Item it = items.remove(p);
                List<Integer> targets = new ArrayList<>();
                for (int q = 0; q <= items.size(); q++) {
                    if (Math.abs(q - p) >= MIN_MOVE_DISTANCE) {
                        targets.add(q);
                    }
                }
                int q = targets.get(rnd.nextInt(targets.size()));
                it.moved = true;
                items.add(q, it);
                edits.add("move " + it.from.get(0) + " from position " + p + " to " + q);
            }
        }

        void insert(List<Item> items, int count) {
            List<String> present = new ArrayList<>(old);
            for (int k = 0; k < count; k++) {
                String text = insertable(rnd, present);
                present.add(text);
                int q = rnd.nextInt(items.size() + 1);
                items.add(q, new Item(Fate.INSERTED, List.of(), List.of(text)));
                edits.add("insert at position " + q + " \"" + head(text) + "\"");
            }
        }

        Case toCase(long seed, boolean regular, String fromTitle, String toTitle, List<Item> items) {
            List<String> neu = new ArrayList<>();
            List<List<Integer>> toIndexes = new ArrayList<>();
            for (Item it : items) {
                List<Integer> to = new ArrayList<>();
                for (String t : it.texts) {
                    to.add(neu.size());
                    neu.add(t);
                }
                toIndexes.add(List.copyOf(to));
            }
            Order[] withGroups = orders(items, true);
            Order[] withoutGroups = orders(items, false);
            List<Origin> origins = new ArrayList<>();
            for (int k = 0; k < items.size(); k++) {
                Item it = items.get(k);
                Order order = null;
                if (it.fate == Fate.KEPT || it.fate == Fate.REWORDED) {
                    order = withGroups[k] == withoutGroups[k] ? withGroups[k] : Order.EITHER;
                }
                origins.add(new Origin(it.fate, it.from, toIndexes.get(k), it.moved, order));
            }
            List<Span> fromSpans = new ArrayList<>();
            List<Span> toSpans = new ArrayList<>();
            String fromBody = body(old, regular, rnd, fromSpans);
            String toBody = body(neu, regular, rnd, toSpans);
            return new Case(seed, fromTitle, fromBody, toTitle, toBody, List.copyOf(old), List.copyOf(neu),
                    List.copyOf(fromSpans), List.copyOf(toSpans), List.copyOf(origins), Set.copyOf(deleted), regular,
                    List.copyOf(edits));
        }

        private List<Integer> free(java.util.function.IntPredicate ok) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < old.size(); i++) {
                if (!taken[i] && ok.test(i)) {
                    out.add(i);
                }
            }
            return out;
        }
    }

    /** {@code count} distinct paragraphs, none a near-duplicate of another, seed and generated ones shuffled. */
    List<String> distinctParagraphs(int count, Random rnd) {
        List<String> all = new ArrayList<>(generated);
        seeds.forEach(a -> all.addAll(a.paragraphs()));
        Collections.shuffle(all, rnd);
        List<String> out = distinct(all, count);
        if (out.size() < count) {
            throw new IllegalArgumentException("only " + out.size() + " distinct paragraphs, asked for " + count);
        }
        return List.copyOf(out);
    }

    /** The paragraphs separated by blank lines. */
    static String join(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /** For each element of {@code seq} (distinct values): in all, in none, or in some longest increasing subsequences. */
    static Order[] orders(int[] seq) {
        int n = seq.length;
        int[] ending = new int[n];
        int[] starting = new int[n];
        int longest = 0;
        for (int i = 0; i < n; i++) {
            ending[i] = 1;
            for (int j = 0; j < i; j++) {
                if (seq[j] < seq[i]) {
                    ending[i] = Math.max(ending[i], ending[j] + 1);
                }
            }
            longest = Math.max(longest, ending[i]);
        }
        for (int i = n - 1; i >= 0; i--) {
            starting[i] = 1;
            for (int j = i + 1; j < n; j++) {
                if (seq[j] > seq[i]) {
                    starting[i] = Math.max(starting[i], starting[j] + 1);
                }
            }
        }
        int[] onLevel = new int[longest + 1];
        for (int i = 0; i < n; i++) {
            if (ending[i] + starting[i] - 1 == longest) {
                onLevel[ending[i]]++;
            }
        }
        Order[] out = new Order[n];
        for (int i = 0; i < n; i++) {
            boolean inSome = ending[i] + starting[i] - 1 == longest;
            out[i] = !inSome ? Order.MOVED : onLevel[ending[i]] == 1 ? Order.IN_ORDER : Order.EITHER;
        }
        return out;
    }

    /** Length of the longest increasing subsequence. */
    static int longestInOrder(int[] seq) {
        List<Integer> tails = new ArrayList<>();
        for (int v : seq) {
            int at = Collections.binarySearch(tails, v);
            at = at < 0 ? -at - 1 : at;
            if (at == tails.size()) {
                tails.add(v);
            } else {
                tails.set(at, v);
            }
        }
        return tails.size();
    }

    /** Word-set Dice of two texts, case-folded. */
    static double overlap(String a, String b) {
        Set<String> x = wordSet(a);
        Set<String> y = wordSet(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return 2.0 * both.size() / (x.size() + y.size());
    }

    static int words(String text) {
        int count = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            count++;
        }
        return count;
    }

    private Order[] orders(List<Item> items, boolean groupsAsAnchors) {
        List<Integer> positions = new ArrayList<>();
        List<Integer> seq = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            Item it = items.get(k);
            boolean single = it.fate == Fate.KEPT || it.fate == Fate.REWORDED;
            boolean group = it.fate == Fate.SPLIT || it.fate == Fate.MERGED;
            if (single || (group && groupsAsAnchors)) {
                positions.add(k);
                seq.add(it.from.get(0));
            }
        }
        Order[] found = orders(seq.stream().mapToInt(Integer::intValue).toArray());
        Order[] out = new Order[items.size()];
        for (int i = 0; i < positions.size(); i++) {
            out[positions.get(i)] = found[i];
        }
        return out;
    }

    private String insertable(Random rnd, List<String> present) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String text;
            if (rnd.nextBoolean()) {
                text = generated.get(rnd.nextInt(generated.size()));
            } else {
                List<String> ps = seeds.get(rnd.nextInt(seeds.size())).paragraphs();
                text = ps.get(rnd.nextInt(ps.size()));
            }
            if (present.stream().allMatch(p -> overlap(p, text) < MAX_INSERT_OVERLAP)) {
                return text;
            }
        }
        throw new IllegalStateException("no paragraph unlike the " + present.size() + " present ones");
    }

    /** Substitutes 10–30 % of the words (keeping punctuation and capitals), maybe after swapping two sentences. */
    private String reword(String text, Random rnd, StringBuilder how) {
        List<String> vocab = generatedSet.contains(text) ? generatedWords : seedWords;
        String swapped = text;
        List<String> sentences = new ArrayList<>();
        int from = 0;
        for (int at : sentenceGaps(text)) {
            sentences.add(text.substring(from, at));
            from = at + 1;
        }
        sentences.add(text.substring(from));
        if (sentences.size() >= 2 && rnd.nextDouble() < SENTENCE_SWAP_CHANCE) {
            List<String> s = new ArrayList<>(sentences);
            int i = rnd.nextInt(s.size() - 1);
            Collections.swap(s, i, i + 1);
            swapped = String.join(" ", s);
            how.append("sentences ").append(i).append('/').append(i + 1).append(" swapped, ");
        }
        String[] tokens = swapped.split(" ", -1);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            if (WORD.matcher(tokens[i]).find()) {
                candidates.add(i);
            }
        }
        double share = MIN_SUBSTITUTED + (MAX_SUBSTITUTED - MIN_SUBSTITUTED) * rnd.nextDouble();
        int k = Math.max(1, (int) Math.round(share * candidates.size()));
        Collections.shuffle(candidates, rnd);
        for (int i : candidates.subList(0, k)) {
            tokens[i] = substitute(tokens[i], vocab, rnd);
        }
        how.append(k).append('/').append(candidates.size()).append(" words");
        return String.join(" ", tokens);
    }

    private static String substitute(String token, List<String> vocab, Random rnd) {
        int first = 0;
        while (!Character.isLetterOrDigit(token.charAt(first))) {
            first++;
        }
        int last = token.length();
        while (!Character.isLetterOrDigit(token.charAt(last - 1))) {
            last--;
        }
        String core = token.substring(first, last);
        String word;
        do {
            word = vocab.get(rnd.nextInt(vocab.size()));
        } while (word.equalsIgnoreCase(core));
        if (Character.isUpperCase(core.charAt(0))) {
            word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        return token.substring(0, first) + word + token.substring(last);
    }

    /** Offsets of the gaps at which the paragraph can be cut into two sentences of enough words each. */
    private static List<Integer> cuts(String text) {
        return sentenceGaps(text).stream().filter(at -> words(text.substring(0, at)) >= MIN_SPLIT_PART_WORDS
                && words(text.substring(at)) >= MIN_SPLIT_PART_WORDS).toList();
    }

    /** Offsets of the spaces between sentences, not after an abbreviation such as "U.S." or "St.". */
    private static List<Integer> sentenceGaps(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = SENTENCE_GAP.matcher(text);
        while (m.find()) {
            String before = text.substring(0, m.start());
            String lastWord = before.substring(before.lastIndexOf(' ') + 1).replaceAll("[.?!”\"’)]+$", "");
            if (!lastWord.contains(".") && lastWord.replaceAll("[^\\p{L}\\p{N}]", "").length() >= 4
                    && m.end() - m.start() == 1) {
                out.add(m.start());
            }
        }
        return out;
    }

    private static String[] cut(String text, int at) {
        return new String[] {text.substring(0, at), text.substring(at).strip()};
    }

    private static String body(List<String> paragraphs, boolean regular, Random rnd, List<Span> spans) {
        StringBuilder b = new StringBuilder();
        if (!regular && rnd.nextBoolean()) {
            b.append(rnd.nextBoolean() ? "\n" : "\n\n  ");
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i > 0) {
                b.append(regular ? "\n\n" : IRREGULAR_GAPS.get(rnd.nextInt(IRREGULAR_GAPS.size())));
            }
            spans.add(new Span(b.length(), b.length() + paragraphs.get(i).length()));
            b.append(paragraphs.get(i));
        }
        if (!regular && rnd.nextBoolean()) {
            b.append(rnd.nextBoolean() ? "\n" : " \n\n");
        }
        return b.toString();
    }

    /** The paragraphs in order, without exact or near duplicates of an earlier one. */
    private static List<String> distinct(List<String> paragraphs) {
        return distinct(paragraphs, Integer.MAX_VALUE);
    }

    private static List<String> distinct(List<String> paragraphs, int limit) {
        List<String> out = new ArrayList<>();
        for (String p : paragraphs) {
            if (out.size() == limit) {
                break;
            }
            String t = p.strip();
            if (!t.isEmpty() && out.stream().allMatch(q -> overlap(q, t) < MAX_DOC_OVERLAP)) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> vocabulary(List<String> paragraphs) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : paragraphs) {
            Matcher m = WORD.matcher(p);
            while (m.find()) {
                if (m.group().length() >= 3 && m.group().chars().allMatch(Character::isLetter)) {
                    out.add(m.group().toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(out);
    }

    private static Set<String> wordSet(String text) {
        return WORD_SETS.computeIfAbsent(text, EditGenerator::wordsOf);
    }

    private static Set<String> wordsOf(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static String title(String paragraph) {
        String[] ws = paragraph.split(" ");
        return String.join(" ", List.of(ws).subList(0, Math.min(10, ws.length))).replaceAll("[.,?]$", "");
    }

    private static String head(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String tail(String text) {
        return text.length() <= 30 ? text : "…" + text.substring(text.length() - 30);
    }
}
