package io.redline.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic news-like corpus with known revision chains: the Java counterpart of
 * {@code shared/eval/gen_corpus.py}, for quality tests that need labelled data without a file.
 *
 * <p>The model is the Python generator's, step for step; the random streams differ ({@link Random} instead
 * of Python's Mersenne Twister), so the texts are not the Python files, but the same options give the same
 * corpus on every run and machine.
 * <ul>
 *   <li>Vocabulary: {@value #DEFAULT_VOCABULARY} pseudo-words built from syllables, ordered by length plus
 *   noise, drawn with Zipfian frequency {@code 1 / rank^}{@value #DEFAULT_ZIPF_S}. Every article, original or
 *   not, draws from this one vocabulary: the whole corpus is "on one topic".</li>
 *   <li>Original: {@value #DEFAULT_MIN_WORDS}–{@value #DEFAULT_MAX_WORDS} words; sentences of 6–28 words,
 *   paragraphs of 2–6 sentences separated by a blank line.</li>
 *   <li>Revision (share {@link Builder#revisionFraction}): a rewrite of a uniformly chosen earlier article,
 *   {@link Rewording#LIGHT light} or {@link Rewording#HEAVY heavy}; it belongs to its parent's cluster.</li>
 *   <li>Template (share {@link Builder#templateFraction} of the non-revisions): a different story that reuses
 *   25–45 % of an earlier article's paragraphs, each word swapped with probability 0.05. Its own cluster.</li>
 *   <li>Boilerplate (optional): a byline {@code "By Name Name"}, a photo caption ending in
 *   {@code ". REUTERS/Name Name"} and a credit line {@code "(Reporting by X; Editing by Y)"} from small pools
 *   (20 names, 15 captions, 25 credits) shared by the whole corpus.</li>
 * </ul>
 *
 * <p>Example: {@code NewsCorpusGenerator.builder().count(3).build().generate()} gives {@code d000000},
 * {@code d000001}, {@code d000002}; a revision of {@code d000000} has cluster {@code "d000000"} and parent
 * {@code "d000000"}, an original or a template has its own id as cluster and a null parent.
 *
 * <p>Immutable; {@link #generate()} starts from the seed on every call, so it is thread-safe and repeatable.
 */
public final class NewsCorpusGenerator {
    public static final long DEFAULT_SEED = 20240611L;
    public static final int DEFAULT_COUNT = 20_000;
    public static final int DEFAULT_VOCABULARY = 30_000;
    public static final double DEFAULT_ZIPF_S = 1.07;
    public static final int DEFAULT_MIN_WORDS = 300;
    public static final int DEFAULT_MAX_WORDS = 900;
    public static final double DEFAULT_REVISION_FRACTION = 0.30;

    private static final String[] ONSETS = {"", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r",
            "s", "t", "v", "w", "z", "br", "cr", "dr", "fl", "gr", "pl", "pr", "sh", "st", "th", "tr", "ch", "sl", "sp",
            "cl", "gl", "qu"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rk", "ng", "x"};
    private static final int[] SYLLABLE_WEIGHTS = {3, 5, 3, 1};
    private static final int NAMES = 20;
    private static final int CAPTIONS = 15;
    private static final int CREDITS = 25;

    /** How a revision rewrites its parent. */
    public enum Rewording {
        /** 1–3 paragraphs lightly reworded (4–15 % of words), a sentence inserted or deleted, maybe one move. */
        LIGHT,
        /**
         * A newsroom rewrite: new lede, 15–35 % of paragraphs cut, 30–60 % reworded (8–25 % of words), 1–4 new
         * paragraphs, 1–2 moved.
         */
        HEAVY
    }

    /** How an article came about. */
    public enum Kind { ORIGINAL, REVISION, TEMPLATE }

    /**
     * One generated article.
     *
     * @param cluster    the id of the root original of its revision chain: the true story
     * @param parent     the article it revises; null for originals and templates
     * @param templateOf the earlier article whose paragraphs a template reuses; null otherwise
     */
    public record Doc(String id, String body, String cluster, String parent, String templateOf, Kind kind) {
    }

    private final long seed;
    private final int count;
    private final int vocabularySize;
    private final double zipfS;
    private final int minWords;
    private final int maxWords;
    private final double revisionFraction;
    private final double templateFraction;
    private final Rewording rewording;
    private final boolean boilerplate;

    private NewsCorpusGenerator(Builder b) {
        this.seed = b.seed;
        this.count = b.count;
        this.vocabularySize = b.vocabularySize;
        this.zipfS = b.zipfS;
        this.minWords = b.minWords;
        this.maxWords = b.maxWords;
        this.revisionFraction = b.revisionFraction;
        this.templateFraction = b.templateFraction;
        this.rewording = b.rewording;
        this.boilerplate = b.boilerplate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The whole corpus, in order of arrival: a revision or template always comes after its source. */
    public List<Doc> generate() {
        Random rng = new Random(seed);
        Run g = new Run(rng, buildVocabulary(rng, vocabularySize), zipfS);
        Pools pools = boilerplate ? Pools.of(new Random(seed + 1), g.vocab) : null;
        List<List<List<List<String>>>> structures = new ArrayList<>(count);
        List<Doc> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = id(i);
            List<List<List<String>>> paras;
            String cluster = id;
            String parent = null;
            String templateOf = null;
            Kind kind;
            if (i > 0 && rng.nextDouble() < revisionFraction) {
                int j = rng.nextInt(i);
                paras = rewording == Rewording.HEAVY ? g.reviseHeavy(structures.get(j)) : g.revise(structures.get(j));
                cluster = docs.get(j).cluster();
                parent = id(j);
                kind = Kind.REVISION;
            } else if (templateFraction > 0 && i > 0 && rng.nextDouble() < templateFraction) {
                int j = rng.nextInt(i);
                paras = g.fromTemplate(structures.get(j), minWords, maxWords);
                templateOf = id(j);
                kind = Kind.TEMPLATE;
            } else {
                paras = g.original(minWords, maxWords);
                kind = Kind.ORIGINAL;
            }
            structures.add(paras);
            String body = g.render(paras);
            if (pools != null) {
                body = String.join("\n\n", pools.bylines.get(i % pools.bylines.size()),
                        pools.captions.get(rng.nextInt(pools.captions.size())), body,
                        pools.credits.get(rng.nextInt(pools.credits.size())));
            }
            docs.add(new Doc(id, body, cluster, parent, templateOf, kind));
        }
        return List.copyOf(docs);
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "d%06d", i);
    }

    /** Distinct pseudo-words, short ones first (Zipf's law of abbreviation), with noise. */
    private static List<String> buildVocabulary(Random rng, int size) {
        Set<String> seen = new HashSet<>();
        List<String> words = new ArrayList<>(size);
        while (words.size() < size) {
            int syllables = 1 + weightedIndex(rng, SYLLABLE_WEIGHTS);
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                w.append(pick(rng, ONSETS)).append(pick(rng, VOWELS)).append(pick(rng, CODAS));
            }
            if (w.length() >= 2 && seen.add(w.toString())) {
                words.add(w.toString());
            }
        }
        double[] keys = new double[size];
        for (int i = 0; i < size; i++) {
            keys[i] = words.get(i).length() + rng.nextGaussian() * 3.5;
        }
        Integer[] order = new Integer[size];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(keys[a], keys[b]));
        List<String> sorted = new ArrayList<>(size);
        for (Integer i : order) {
            sorted.add(words.get(i));
        }
        return List.copyOf(sorted);
    }

    private static int weightedIndex(Random rng, int[] weights) {
        int r = rng.nextInt(Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }

    private static String pick(Random rng, String[] from) {
        return from[rng.nextInt(from.length)];
    }

    private static String capitalize(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** {@code k} distinct elements in random order (Python's {@code random.sample}). */
    private static <T> List<T> sample(Random rng, List<T> from, int k) {
        List<T> pool = new ArrayList<>(from);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(pool.size() - i);
            T t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return new ArrayList<>(pool.subList(0, k));
    }

    /** The shared boilerplate pools, from their own random stream as in the Python generator. */
    private record Pools(List<String> bylines, List<String> captions, List<String> credits) {
        static Pools of(Random b, List<String> vocab) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < NAMES; i++) {
                List<String> two = sample(b, vocab.subList(200, 2000), 2);
                names.add(capitalize(two.get(0)) + " " + capitalize(two.get(1)));
            }
            List<String> captions = new ArrayList<>();
            for (int i = 0; i < CAPTIONS; i++) {
                captions.add(capitalize(String.join(" ", sample(b, vocab.subList(0, 3000), 18)))
                        + ". REUTERS/" + names.get(b.nextInt(names.size())));
            }
            List<String> credits = new ArrayList<>();
            for (int i = 0; i < CREDITS; i++) {
                credits.add("(Reporting by " + names.get(b.nextInt(names.size())) + "; Editing by "
                        + names.get(b.nextInt(names.size())) + ")");
            }
            return new Pools(names.stream().map(n -> "By " + n).toList(), List.copyOf(captions), List.copyOf(credits));
        }
    }

    /** The random stream of one {@link #generate()} call and the vocabulary's cumulative Zipf weights. */
    private static final class Run {
        final Random rng;
        final List<String> vocab;
        final double[] cumulative;

        Run(Random rng, List<String> vocab, double zipfS) {
            this.rng = rng;
            this.vocab = vocab;
            this.cumulative = new double[vocab.size()];
            double sum = 0;
            for (int r = 1; r <= vocab.size(); r++) {
                sum += 1.0 / Math.pow(r, zipfS);
                cumulative[r - 1] = sum;
            }
        }

        int randint(int lo, int hi) {
            return lo + rng.nextInt(hi - lo + 1);
        }

        double uniform(double lo, double hi) {
            return lo + (hi - lo) * rng.nextDouble();
        }

        String word() {
            double x = rng.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, x);
            int at = i >= 0 ? i + 1 : -i - 1; // bisect_right, as Python's random.choices
            return vocab.get(Math.min(at, vocab.size() - 1));
        }

        List<String> sentence() {
            int n = randint(6, 28);
            List<String> s = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                s.add(word());
            }
            return s;
        }

        List<List<String>> paragraph() {
            int n = randint(2, 6);
            List<List<String>> p = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                p.add(sentence());
            }
            return p;
        }

        List<List<List<String>>> original(int minWords, int maxWords) {
            int target = randint(minWords, maxWords);
            List<List<List<String>>> paras = new ArrayList<>();
            int n = 0;
            while (n < target) {
                List<List<String>> p = paragraph();
                if (n + words(p) > target) { // trim the last paragraph to hit the target
                    int rem = target - n;
                    List<List<String>> cut = new ArrayList<>();
                    for (List<String> s : p) {
                        if (rem <= 0) {
                            break;
                        }
                        List<String> part = new ArrayList<>(s.subList(0, Math.min(rem, s.size())));
                        cut.add(part);
                        rem -= part.size();
                    }
                    p = cut;
                }
                paras.add(p);
                n += words(p);
            }
            return paras;
        }

        List<List<List<String>>> revise(List<List<List<String>>> source) {
            List<List<List<String>>> paras = copy(source);
            double pSub = uniform(0.04, 0.15);
            int reworded = Math.min(paras.size(), randint(1, 3));
            for (int pi : sample(rng, indices(paras.size()), reworded)) {
                List<List<String>> para = paras.get(pi);
                substitute(para, pSub);
                if (rng.nextDouble() < 0.5) {
                    para.add(randint(0, para.size()), sentence());
                }
                if (rng.nextDouble() < 0.4 && para.size() > 1) {
                    para.remove(rng.nextInt(para.size()));
                }
            }
            if (rng.nextDouble() < 0.5 && paras.size() > 1) {
                List<List<String>> p = paras.remove(rng.nextInt(paras.size()));
                paras.add(randint(0, paras.size()), p);
            }
            return paras;
        }

        List<List<List<String>>> reviseHeavy(List<List<List<String>>> source) {
            List<List<List<String>>> q = copy(source);
            q.add(0, paragraph());
            int cuts = (int) (q.size() * uniform(0.15, 0.35));
            for (int c = 0; c < cuts; c++) {
                if (q.size() > 3) {
                    q.remove(1 + rng.nextInt(q.size() - 1));
                }
            }
            double pSub = uniform(0.08, 0.25);
            for (List<List<String>> para : q.subList(1, q.size())) {
                double roll = rng.nextDouble();
                if (roll < uniform(0.3, 0.6)) {
                    substitute(para, pSub);
                    if (para.size() > 1 && rng.nextDouble() < 0.5) {
                        int i = rng.nextInt(para.size() - 1);
                        List<String> t = para.get(i);
                        para.set(i, para.get(i + 1));
                        para.set(i + 1, t);
                    }
                }
            }
            int added = randint(1, 4);
            for (int a = 0; a < added; a++) {
                q.add(randint(1, q.size()), paragraph());
            }
            int moves = randint(1, 2);
            for (int m = 0; m < moves; m++) {
                if (q.size() > 3) {
                    List<List<String>> x = q.remove(1 + rng.nextInt(q.size() - 1));
                    q.add(randint(1, q.size()), x);
                }
            }
            return q;
        }

        List<List<List<String>>> fromTemplate(List<List<List<String>>> source, int minWords, int maxWords) {
            List<List<List<String>>> fresh = original(minWords, maxWords);
            int keep = Math.max(1, (int) (source.size() * uniform(0.25, 0.45)));
            List<Integer> kept = sample(rng, indices(source.size()), keep);
            kept.sort(null);
            for (int pi : kept) {
                List<List<String>> para = copy(List.of(source.get(pi))).get(0);
                substitute(para, 0.05);
                fresh.add(Math.min(pi, fresh.size()), para);
            }
            return fresh;
        }

        String render(List<List<List<String>>> paras) {
            List<String> out = new ArrayList<>(paras.size());
            for (List<List<String>> p : paras) {
                List<String> sentences = new ArrayList<>(p.size());
                for (List<String> s : p) {
                    List<String> ws = new ArrayList<>(s);
                    if (ws.size() > 8 && rng.nextDouble() < 0.3) {
                        int ci = randint(2, ws.size() - 3);
                        ws.set(ci, ws.get(ci) + ",");
                    }
                    sentences.add(capitalize(String.join(" ", ws)) + (rng.nextDouble() < 0.03 ? "?" : "."));
                }
                out.add(String.join(" ", sentences));
            }
            return String.join("\n\n", out);
        }

        private void substitute(List<List<String>> para, double p) {
            for (List<String> s : para) {
                for (int wi = 0; wi < s.size(); wi++) {
                    if (rng.nextDouble() < p) {
                        s.set(wi, word());
                    }
                }
            }
        }

        private static int words(List<List<String>> para) {
            return para.stream().mapToInt(List::size).sum();
        }

        private static List<Integer> indices(int n) {
            List<Integer> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(i);
            }
            return out;
        }

        private static List<List<List<String>>> copy(List<List<List<String>>> paras) {
            List<List<List<String>>> out = new ArrayList<>(paras.size());
            for (List<List<String>> p : paras) {
                List<List<String>> q = new ArrayList<>(p.size());
                for (List<String> s : p) {
                    q.add(new ArrayList<>(s));
                }
                out.add(q);
            }
            return out;
        }
    }

    /** Options; each defaults to the Python generator's default. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private int count = DEFAULT_COUNT;
        private int vocabularySize = DEFAULT_VOCABULARY;
        private double zipfS = DEFAULT_ZIPF_S;
        private int minWords = DEFAULT_MIN_WORDS;
        private int maxWords = DEFAULT_MAX_WORDS;
        private double revisionFraction = DEFAULT_REVISION_FRACTION;
        private double templateFraction = 0;
        private Rewording rewording = Rewording.LIGHT;
        private boolean boilerplate = false;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder count(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must be >= 0, got " + count);
            }
            this.count = count;
            return this;
        }

        public Builder vocabularySize(int size) {
            if (size < 3000) {
                throw new IllegalArgumentException("vocabulary must hold at least 3000 words (captions draw from "
                        + "the first 3000), got " + size);
            }
            this.vocabularySize = size;
            return this;
        }

        public Builder zipfS(double s) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("Zipf exponent must be > 0, got " + s);
            }
            this.zipfS = s;
            return this;
        }

        /** Length range of originals and templates, in words; default 300..900. */
        public Builder words(int min, int max) {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("word range must satisfy 1 <= min <= max, got " + min + ".." + max);
            }
            this.minWords = min;
            this.maxWords = max;
            return this;
        }

        /** Share of articles after the first that revise an earlier one; default 0.30. */
        public Builder revisionFraction(double f) {
            this.revisionFraction = fraction("revision fraction", f);
            return this;
        }

        /** Share of the non-revisions built on an earlier article's template; default 0. */
        public Builder templateFraction(double f) {
            this.templateFraction = fraction("template fraction", f);
            return this;
        }

        /** Default {@link Rewording#LIGHT}. */
        public Builder rewording(Rewording rewording) {
            if (rewording == null) {
                throw new IllegalArgumentException("rewording must not be null");
            }
            this.rewording = rewording;
            return this;
        }

        /** Whether every article gets a byline, a caption and a credit line; default off. */
        public Builder boilerplate(boolean on) {
            this.boilerplate = on;
            return this;
        }

        public NewsCorpusGenerator build() {
            return new NewsCorpusGenerator(this);
        }

        private static double fraction(String what, double f) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException(what + " must be in [0, 1], got " + f);
            }
            return f;
        }
    }
}
