package io.redline.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Dense int ids for the words of the texts being aligned, so that weights, frequencies, posting lists and overlaps
 * live in arrays indexed by id: each word is hashed once, when it is read, instead of at every look-up.
 * Example: "the fed, the bank" → the = 0, fed = 1, bank = 2. One per alignment; not thread-safe.
 */
final class WordVocabulary {
    /** Open addressing, at most half full; a word is found from its characters, no String is made for it. */
    private Word[] table = new Word[64];
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
        private final int hash;

        private Word(String text, int id, int hash) {
            this.text = text;
            this.id = id;
            this.hash = hash;
        }

        @Override
        public int hashCode() {
            return hash; // text.hashCode()
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
        return word(text, 0, text.length());
    }

    /** The word {@code text[start, end)}. */
    Word word(String text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i); // String.hashCode's formula
        }
        int mask = table.length - 1;
        for (int slot = (h ^ h >>> 16) & mask; ; slot = (slot + 1) & mask) {
            Word w = table[slot];
            if (w == null) {
                w = new Word(text.substring(start, end), byId.size(), h);
                table[slot] = w;
                byId.add(w);
                if (byId.size() * 2 > table.length) {
                    grow();
                }
                return w;
            }
            if (w.hash == h && w.text.length() == end - start && w.text.regionMatches(0, text, start, end - start)) {
                return w;
            }
        }
    }

    private void grow() {
        table = new Word[table.length * 2];
        int mask = table.length - 1;
        for (Word w : byId) {
            int slot = (w.hash ^ w.hash >>> 16) & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = w;
        }
    }

    Word byId(int id) {
        return byId.get(id);
    }

    int size() {
        return byId.size();
    }
}
