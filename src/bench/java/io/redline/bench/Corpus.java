package io.redline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark corpus: article bodies either read from a JSONL file ({@code {"id": ..., "body": ...}} per line, as
 * written by {@code shared/eval/gen_corpus.py}) or generated here, deterministically, by a Java port of that
 * script's model of an original document: a 30,000-word Zipfian (s = 1.07) vocabulary of syllable pseudo-words,
 * short words on the frequent ranks (mean token ≈ 4.8 letters); 300–900 words per document; sentences of 6–28
 * words (capitalised, an occasional comma, "." or rarely "?"); paragraphs of 2–6 sentences separated by a blank
 * line. The Java generator's random stream differs from Python's, so the texts differ from the script's, but their
 * statistics are the same. Revisions are not generated: they cost the same to fingerprint as originals.
 */
public final class Corpus {
    public static final int DEFAULT_DOCS = 2_000;
    public static final long DEFAULT_SEED = 20240611L;

    private static final String[] ONSETS = {"", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r",
        "s", "t", "v", "w", "z", "br", "cr", "dr", "fl", "gr", "pl", "pr", "sh", "st", "th", "tr", "ch", "sl", "sp",
        "cl", "gl", "qu"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rk", "ng", "x"};

    private static final Map<String, String[]> CACHE = new HashMap<>();

    private Corpus() {
    }

    /**
     * The bodies of the corpus. {@code path} blank: {@code docs} generated documents (0 means
     * {@link #DEFAULT_DOCS}); otherwise the first {@code docs} bodies of that JSONL file (0 means all).
     */
    public static synchronized String[] load(String path, int docs) {
        String key = path + "#" + docs;
        return CACHE.computeIfAbsent(key, k -> path == null || path.isBlank()
                ? generate(docs > 0 ? docs : DEFAULT_DOCS, DEFAULT_SEED)
                : readJsonl(Path.of(path.trim()), docs));
    }

    public static String describe(String path) {
        return path == null || path.isBlank() ? "generated" : path.trim();
    }

    static String[] readJsonl(Path file, int limit) {
        ObjectMapper mapper = new ObjectMapper();
        List<String> bodies = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null && (limit <= 0 || bodies.size() < limit)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode body = mapper.readTree(line).get("body");
                if (body == null || !body.isTextual()) {
                    throw new IllegalArgumentException(file + ": a line without a \"body\" string: "
                            + line.substring(0, Math.min(80, line.length())));
                }
                bodies.add(body.asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + file, e);
        }
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no document");
        }
        return bodies.toArray(String[]::new);
    }

    /** {@code n} documents; the same {@code n} and {@code seed} always give the same texts. */
    public static String[] generate(int n, long seed) {
        return new Generator(seed, 30_000, 1.07).documents(n, 300, 900);
    }

    /** Summary figures of a corpus, for reports. */
    public record Stats(int docs, double meanChars, double meanUtf8Bytes, double meanWords, double meanParagraphs) {
        public static Stats of(String[] bodies) {
            long chars = 0;
            long bytes = 0;
            long words = 0;
            long paragraphs = 0;
            for (String b : bodies) {
                chars += b.length();
                bytes += b.getBytes(StandardCharsets.UTF_8).length;
                words += b.isBlank() ? 0 : b.strip().split("\\s+").length;
                paragraphs += b.split("\n\\s*\n").length;
            }
            double n = bodies.length;
            return new Stats(bodies.length, chars / n, bytes / n, words / n, paragraphs / n);
        }
    }

    private static final class Generator {
        private final Random rng;
        private final String[] vocab;
        private final double[] cum;

        Generator(long seed, int vocabSize, double zipfS) {
            rng = new Random(seed);
            vocab = buildVocab(vocabSize);
            cum = new double[vocabSize];
            double total = 0;
            for (int r = 1; r <= vocabSize; r++) {
                total += 1.0 / Math.pow(r, zipfS);
                cum[r - 1] = total;
            }
        }

        private String[] buildVocab(int size) {
            Set<String> seen = new HashSet<>();
            List<String> words = new ArrayList<>(size);
            StringBuilder w = new StringBuilder();
            while (words.size() < size) {
                double u = rng.nextDouble() * 12; // syllables 1..4 with weights 3, 5, 3, 1
                int syllables = u < 3 ? 1 : u < 8 ? 2 : u < 11 ? 3 : 4;
                w.setLength(0);
                for (int i = 0; i < syllables; i++) {
                    w.append(pick(ONSETS)).append(pick(VOWELS)).append(pick(CODAS));
                }
                String word = w.toString();
                if (word.length() >= 2 && seen.add(word)) {
                    words.add(word);
                }
            }
            // Zipf's law of abbreviation: frequent (low-rank) words tend to be short.
            Map<String, Double> key = new HashMap<>();
            for (String s : words) {
                key.put(s, s.length() + rng.nextGaussian() * 3.5);
            }
            words.sort((a, b) -> Double.compare(key.get(a), key.get(b)));
            return words.toArray(String[]::new);
        }

        private String pick(String[] options) {
            return options[rng.nextInt(options.length)];
        }

        private int between(int lo, int hi) {
            return lo + rng.nextInt(hi - lo + 1);
        }

        private String word() {
            double u = rng.nextDouble() * cum[cum.length - 1];
            int i = Arrays.binarySearch(cum, u);
            return vocab[i >= 0 ? i : Math.min(-i - 1, vocab.length - 1)];
        }

        String[] documents(int n, int minWords, int maxWords) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = render(original(minWords, maxWords));
            }
            return out;
        }

        private List<List<List<String>>> original(int minWords, int maxWords) {
            int target = between(minWords, maxWords);
            List<List<List<String>>> paragraphs = new ArrayList<>();
            int n = 0;
            while (n < target) {
                List<List<String>> p = new ArrayList<>();
                int sentences = between(2, 6);
                int k = 0;
                for (int s = 0; s < sentences && n + k < target; s++) {
                    int len = Math.min(between(6, 28), target - n - k); // trim the last paragraph to the target
                    List<String> sentence = new ArrayList<>(len);
                    for (int j = 0; j < len; j++) {
                        sentence.add(word());
                    }
                    p.add(sentence);
                    k += len;
                }
                paragraphs.add(p);
                n += k;
            }
            return paragraphs;
        }

        private String render(List<List<List<String>>> paragraphs) {
            StringBuilder out = new StringBuilder(8192);
            for (List<List<String>> p : paragraphs) {
                if (out.length() > 0) {
                    out.append("\n\n");
                }
                boolean firstSentence = true;
                for (List<String> s : p) {
                    int comma = s.size() > 8 && rng.nextDouble() < 0.3 ? between(2, s.size() - 3) : -1;
                    if (!firstSentence) {
                        out.append(' ');
                    }
                    firstSentence = false;
                    for (int j = 0; j < s.size(); j++) {
                        String w = s.get(j);
                        if (j > 0) {
                            out.append(' ');
                        } else {
                            w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
                        }
                        out.append(w);
                        if (j == comma) {
                            out.append(',');
                        }
                    }
                    out.append(rng.nextDouble() < 0.03 ? '?' : '.');
                }
            }
            return out.toString();
        }
    }
}
