package io.redline.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    private static long[] hashes(String text) {
        LongList out = new LongList(16);
        int added = Tokenizer.hashTokens(text, out);
        assertThat(added).isEqualTo(out.size());
        return out.toArray();
    }

    @Test
    void tokenHashesArePinned() {
        assertThat(hashes("word")).containsExactly(0x4C785DB2FC3BB1CFL);
        assertThat(hashes("Islamic State")).containsExactly(0x628B9D8697A66695L, 0x9850243515E48F9AL);
        assertThat(hashes("2017")).containsExactly(0xC77FAF30091623D1L);
        assertThat(hashes("\u6211")).containsExactly(0x864A0DF29069F456L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "arabic          | \u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 \u064A\u0627 \u0635\u062F\u064A\u0642\u064A | 4",
            "arabic harakat  | \u0643\u064E\u062A\u064E\u0628\u064E \u0627\u0644\u0648\u064E\u0644\u064E\u062F\u064F | 2",
            "cyrillic        | \u041F\u0440\u0438\u0432\u0435\u0442, \u043A\u0430\u043A \u0434\u0435\u043B\u0430? | 3",
            "greek           | \u039A\u03B1\u03BB\u03B7\u03BC\u03AD\u03C1\u03B1 \u03BA\u03CC\u03C3\u03BC\u03B5 \u03C3\u03AE\u03BC\u03B5\u03C1\u03B1 | 3",
            "accented latin  | caf\u00E9 na\u00EFve fa\u00E7ade \u00FCber \u0142\u00F3d\u017A | 5",
            "devanagari      | \u0928\u092E\u0938\u094D\u0924\u0947 \u0926\u0941\u0928\u093F\u092F\u093E | 2",
            "hebrew          | \u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD | 2",
    })
    void wordsOfSpacedScriptsAreKeptWhole(String script, String text, int expected) {
        long[] h = hashes(text);
        assertThat(h).hasSize(expected);
        assertThat(Arrays.stream(h).distinct().count()).isEqualTo(expected);
    }

    @Test
    void accentedLettersAreNotDroppedFromTheirWord() {
        assertThat(hashes("caf\u00E9")).hasSize(1).doesNotContain(hashes("caf")[0]);
        assertThat(hashes("\u00FCber")).hasSize(1).doesNotContain(hashes("ber")[0]);
    }

    @Test
    void chineseGivesOneTokenPerCharacter() {
        long[] h = hashes("\u6211\u4EEC\u662F\u670B\u53CB");
        assertThat(h).hasSize(5);
        assertThat(h[0]).isEqualTo(hashes("\u6211")[0]);
    }

    @Test
    void japaneseKanaGivesOneTokenPerCharacter() {
        assertThat(hashes("\u3053\u3093\u306B\u3061\u306F")).hasSize(5);   // こんにちは
        long[] katakana = hashes("\u30AB\u30BF\u30AB\u30CA");            // カタカナ
        assertThat(katakana).hasSize(4);
        assertThat(katakana[0]).isEqualTo(katakana[2]).isNotEqualTo(katakana[1]);
    }

    @Test
    void unspacedCharactersEndALatinTokenBeforeThem() {
        assertThat(hashes("Tokyo\u6771\u4EACtower"))
                .containsExactly(hashes("tokyo")[0], hashes("\u6771")[0], hashes("\u4EAC")[0], hashes("tower")[0]);
    }

    @Test
    void caseDoesNotChangeTheHash() {
        assertThat(hashes("Word")).isEqualTo(hashes("WORD")).isEqualTo(hashes("word"));
        assertThat(hashes("\u00C9COLE")).isEqualTo(hashes("\u00E9cole"));
        assertThat(hashes("\u03A3\u039F\u03A6\u0399\u0391")).isEqualTo(hashes("\u03C3\u03BF\u03C6\u03B9\u03B1"));
    }

    @Test
    void punctuationOnlySeparatesTokens() {
        assertThat(hashes("ISIS-led")).isEqualTo(hashes("isis led"));
        assertThat(hashes("Baghdadi\u2019s")).isEqualTo(hashes("baghdadi s"));
        assertThat(hashes("a,b;c:d!e?f.g(h)i/j_k")).hasSize(11);
        assertThat(hashes("end.Start")).isEqualTo(hashes("end start"));
    }

    @Test
    void textWithoutWordCharactersGivesNoTokens() {
        assertThat(hashes("")).isEmpty();
        assertThat(hashes(" \u2014 \u2026 !? \"\u201C\u201D\" ")).isEmpty();
    }

    @Test
    void fullWidthDigitsAndLettersEqualAsciiAfterNfkc() {
        assertThat(hashes("\uFF12\uFF10\uFF11\uFF17")).isEqualTo(hashes("2017"));
        assertThat(hashes("\uFF29\uFF33")).isEqualTo(hashes("is"));
    }

    @Test
    void ligatureEqualsItsLetters() {
        assertThat(hashes("\uFB01nal")).isEqualTo(hashes("final"));
    }

    @Test
    void decomposedAccentEqualsPrecomposed() {
        assertThat(hashes("cafe\u0301")).isEqualTo(hashes("caf\u00E9"));
    }

    @Test
    void lettersAndDigitsTogetherFormOneToken() {
        assertThat(hashes("COVID19 2017abc")).hasSize(2);
    }

    @Test
    void tokensAreAppendedAfterExistingValues() {
        LongList out = new LongList(4);
        out.add(99L);
        int added = Tokenizer.hashTokens("two words", out);
        assertThat(added).isEqualTo(2);
        assertThat(out.toArray()).containsExactly(99L, hashes("two")[0], hashes("words")[0]);
    }

    @Test
    void wordOrderIsKept() {
        long[] ab = hashes("alpha beta");
        long[] ba = hashes("beta alpha");
        assertThat(ab[0]).isEqualTo(ba[1]);
        assertThat(ab[1]).isEqualTo(ba[0]);
    }
}
