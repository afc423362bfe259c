package io.redline.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense int ids for the words of the texts being aligned, so that weights, frequencies, posting lists and overlaps
 * live in arrays indexed by id: each word is hashed once, when it is read, instead of at every look-up.
 * Example: "the fed, the bank" → the = 0, fed = 1, bank = 2. One per alignment; not thread-safe.
 */
final class WordVocabulary {
    private final Map<String, Word> byText = new HashMap<>();
    private final List<Word> byId = new ArrayList<>();

    /**
     * A word and its id; one instance per distinct text, so equality is identity. It hashes and compares as its
     * text does: a {@code HashSet<Word>} built by the same calls as a {@code HashSet<String>} of the texts holds
     * its entries in the same buckets and trees, so it iterates them in the same order (see
     * {@link ParagraphAligner}: the order in which weights are added up is kept bit for bit).
     */
    static final class Word implements Comparable<Word> {
        final String text;
        final int id;

        private Word(String text, int id) {
            this.text = text;
            this.id = id;
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return this == other; // one instance per text
        }

        @Override
        public int compareTo(Word other) {
            return text.compareTo(other.text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    Word word(String text) {
        Word w = byText.get(text);
        if (w == null) {
            w = new Word(text, byId.size());
            byText.put(text, w);
            byId.add(w);
        }
        return w;
    }

    Word byId(int id) {
        return byId.get(id);
    }

    int size() {
        return byId.size();
    }
}
