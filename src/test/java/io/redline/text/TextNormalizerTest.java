package io.redline.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @Test
    void javadocExample() {
        assertThat(TextNormalizer.normalize("  The \u201CCaliphate\u201D \u2014 Falls\n"))
                .isEqualTo("the \"caliphate\" - falls");
    }

    @Test
    void fullWidthLettersAndDigitsBecomeAscii() {
        assertThat(TextNormalizer.normalize("\uFF32\uFF25\uFF35\uFF34\uFF25\uFF32\uFF33 \uFF12\uFF10\uFF11\uFF17"))
                .isEqualTo("reuters 2017");
    }

    @Test
    void ligaturesAreExpanded() {
        assertThat(TextNormalizer.normalize("\uFB01nal \uFB02ight")).isEqualTo("final flight");
    }

    @Test
    void compatibilityCharactersAreDecomposed() {
        assertThat(TextNormalizer.normalize("\u2460 \u00BD \u2026")).isEqualTo("1 1\u20442 ...");
    }

    @Test
    void caseIsFoldedInEveryScript() {
        assertThat(TextNormalizer.normalize("Hello WORLD")).isEqualTo("hello world");
        assertThat(TextNormalizer.normalize("\u00C9COLE \u00C7A")).isEqualTo("\u00E9cole \u00E7a");
        assertThat(TextNormalizer.normalize("\u041F\u0420\u0418\u0412\u0415\u0422")).isEqualTo("\u043F\u0440\u0438\u0432\u0435\u0442");
    }

    @Test
    void greekFinalAndCapitalSigmaFoldToTheSameLetter() {
        // ΟΔΟΣ and οδος (final sigma) compare equal
        assertThat(TextNormalizer.normalize("\u039F\u0394\u039F\u03A3"))
                .isEqualTo(TextNormalizer.normalize("\u03BF\u03B4\u03BF\u03C2"))
                .isEqualTo("\u03BF\u03B4\u03BF\u03C3");
    }

    @Test
    void decomposedAccentsEqualPrecomposedOnes() {
        assertThat(TextNormalizer.normalize("Cafe\u0301")).isEqualTo("caf\u00E9");
    }

    @Test
    void curlyAndAngleQuotesBecomeStraight() {
        assertThat(TextNormalizer.normalize("\u2018a\u2019 \u201Ab\u201B \u201Cc\u201D \u201Ed\u201F \u00ABe\u00BB `f`"))
                .isEqualTo("'a' 'b' \"c\" \"d\" \"e\" 'f'");
    }

    @Test
    void dashVariantsBecomeHyphenMinus() {
        assertThat(TextNormalizer.normalize("a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h\uFE58i\uFE63j"))
                .isEqualTo("a-b-c-d-e-f-g-h-i-j");
    }

    @Test
    void whitespaceRunsCollapseToOneSpaceAndEndsAreTrimmed() {
        assertThat(TextNormalizer.normalize(" \t a \t\n\r b\u00A0\u00A0c\u2003\u2028d \n"))
                .isEqualTo("a b c d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t\r", "\u00A0\u3000"})
    void blankTextNormalizesToEmpty(String text) {
        assertThat(TextNormalizer.normalize(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "  The \u201CCaliphate\u201D \u2014 Falls\n",
            "\uFF32\uFF25\uFF35\uFF34\uFF25\uFF32\uFF33 \uFB01nal",
            "Baghdadi\u2019s ISIS-led \u00C9COLE",
    })
    void normalizingTwiceChangesNothing(String text) {
        String once = TextNormalizer.normalize(text);
        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Test
    void foldMapsTheListedQuoteCodePoints() {
        assertThat(TextNormalizer.fold('\u00B4')).isEqualTo('\'');
        assertThat(TextNormalizer.fold('\u2033')).isEqualTo('"');
        assertThat(TextNormalizer.fold('A')).isEqualTo('a');
    }

    @Test
    void versionIsPinned() {
        assertThat(TextNormalizer.VERSION).isEqualTo(1);
    }

    @Test
    void acuteAccentUsedAsApostropheBecomesApostrophe() {
        assertThat(TextNormalizer.normalize("don\u00B4t")).isEqualTo("don't");
    }

    @Test
    void doublePrimeBecomesDoubleQuote() {
        assertThat(TextNormalizer.normalize("\u2033x\u2033")).isEqualTo("\"x\"");
    }

    @Test
    void normalHashIgnoresCaseAndWhitespaceRuns() {
        assertThat(TextNormalizer.normalHash("The  Fed,\nagain")).isEqualTo(TextNormalizer.normalHash("the fed, AGAIN "));
        assertThat(TextNormalizer.normalHash("`quoted'")).isEqualTo(TextNormalizer.normalHash("'QUOTED'"));
        assertThat(TextNormalizer.normalHash("a b")).isNotEqualTo(TextNormalizer.normalHash("ab"));
        assertThat(TextNormalizer.normalHash("ab c")).isNotEqualTo(TextNormalizer.normalHash("ab"));
    }

    @Test
    void normalHashIsTheHashOfTheNormalForm() {
        String alphabet = "aAbB ,\n\t`'\u001F\u00E9\u2014-\u201C\"\u00A0\u2003";
        java.util.Random random = new java.util.Random(20261126);
        for (int n = 0; n < 200_000; n++) {
            String a = randomText(random, alphabet);
            assertThat(TextNormalizer.normalHash(a)).as(a).isEqualTo(Hashes.ofChars(TextNormalizer.normalize(a)));
        }
    }

    @Test
    void normalizedUtf8IsTheUtf8OfTheNormalForm() {
        String alphabet = "aAbB ,\n\t`'\u001F\u001C\u000B\u007F\u0000\u00E9\u2014-\u201C\"\u00A0\u2003";
        java.util.Random random = new java.util.Random(20261127);
        for (int n = 0; n < 200_000; n++) {
            String a = randomText(random, alphabet);
            assertThat(TextNormalizer.normalizedUtf8(a)).as(a)
                    .isEqualTo(TextNormalizer.normalize(a).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String randomText(java.util.Random random, String alphabet) {
        // mostly ASCII, so that the fast path is taken; short, so that equal normal forms are frequent
        int bound = random.nextBoolean() ? 7 : alphabet.length();
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            s.append(alphabet.charAt(random.nextInt(bound)));
        }
        return s.toString();
    }
}
