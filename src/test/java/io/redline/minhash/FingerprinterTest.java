package io.redline.minhash;

import io.redline.text.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerprinterTest {
    private static final Fingerprinter DEFAULT = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);

    private static final String PINNED_TEXT = "Islamic State fighters surrendered in the village of Baghouz on Friday.";

    private static final String STORY = String.join("\n\n",
            "SHARYA CAMP, Iraq (Reuters) \u2013 Islamic State leader Abu Bakr al-Baghdadi\u2019s death will mean "
                    + "nothing to 19-year-old rape victim Jamila unless the militants who enslaved her are brought to justice.",
            "Jamila, who asked not to be identified by her last name, is one of thousands of women from the Yazidi "
                    + "minority who were kidnapped by IS after it mounted an assault on their homeland in August 2014.",
            "\u201CEven if Abu Bakr is dead, it doesn\u2019t feel like justice yet,\u201D she said from the camp.");

    private static final String BYLINE = "By Raya Jalabi";
    private static final String CAPTION = "A Yazidi woman walks through the Sharya camp near Duhok, Iraq. REUTERS/Ari Jalal";
    private static final String CREDIT = "(Reporting by Raya Jalabi; Editing by Giles Elgood)";

    @Test
    void signatureAndShinglesOfAFixedTextArePinned() {
        Fingerprint fp = DEFAULT.fingerprint(PINNED_TEXT);
        assertThat(fp.shingles()).hasSize(9);
        assertThat(fp.shingles()[0]).isEqualTo(0x88FD2B15D45967BAL);
        assertThat(fp.shingles()[8]).isEqualTo(0x79A9A9F43995F8BDL);
        assertThat(Arrays.copyOf(fp.signature().values(), 8)).containsExactly(
                331449093L, 4097677506L, 1427887726L, 782120858L, 331449093L, 3233624274L, 782120858L, 2817012154L);
        assertThat(fp.signature().version().id()).isEqualTo("k3-n128-s7ed11e5eed-oph1-norm1");
    }

    @Test
    void versionDescribesTheSettings() {
        assertThat(DEFAULT.version())
                .isEqualTo(new SignatureVersion(3, 128, MinHasher.DEFAULT_SEED, TextNormalizer.VERSION));
    }

    @Test
    void twoInstancesGiveTheSameFingerprint() {
        Fingerprint a = DEFAULT.fingerprint(STORY);
        Fingerprint b = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED).fingerprint(STORY);
        assertThat(b.shingles()).isEqualTo(a.shingles());
        assertThat(b.signature()).isEqualTo(a.signature());
        assertThat(DEFAULT.sign(STORY)).isEqualTo(a.signature());
    }

    @Test
    void anotherSeedGivesAnotherSignatureOverTheSameShingles() {
        Fingerprint a = DEFAULT.fingerprint(STORY);
        Fingerprint b = new Fingerprinter(3, 128, 12345L).fingerprint(STORY);
        assertThat(b.shingles()).isEqualTo(a.shingles());
        assertThat(b.signature().values()).isNotEqualTo(a.signature().values());
        assertThat(b.signature().version()).isNotEqualTo(a.signature().version());
    }

    @Test
    void aTextWithThreeShinglesStillGetsAFullSignature() {
        Fingerprint fp = DEFAULT.fingerprint("one two three four five");
        assertThat(fp.shingles()).hasSize(3);
        assertThat(fp.signature().values()).hasSize(128).doesNotContain(MinHasher.EMPTY);
        assertThat(fp.signature().isEmpty()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\n  ", "\u2014 \u2026 !?"})
    void aTextWithoutWordsGivesAnEmptySignature(String body) {
        Fingerprint fp = DEFAULT.fingerprint(body);
        assertThat(fp.signature().isEmpty()).isTrue();
        assertThat(fp.shingles()).isEmpty();
        assertThat(fp.signature().values()).hasSize(128).containsOnly(MinHasher.EMPTY);
    }

    @Test
    void bylineCaptionAndCreditDoNotContributeShingles() {
        Fingerprint story = DEFAULT.fingerprint(STORY);
        Fingerprint wrapped = DEFAULT.fingerprint(String.join("\n\n", CAPTION, BYLINE, STORY, CREDIT));
        assertThat(wrapped.shingles()).isEqualTo(story.shingles());
        assertThat(wrapped.signature()).isEqualTo(story.signature());
        assertThat(wrapped.paragraphs()).extracting(Fingerprint.ParagraphTerms::boilerplate)
                .containsExactly(true, true, false, false, false, true);
    }

    @Test
    void theDatelineDoesNotContributeShingles() {
        String withDateline = "BEIRUT (Reuters) \u2013 Islamic State fighters surrendered in Baghouz on Friday.";
        String without = "Islamic State fighters surrendered in Baghouz on Friday.";
        assertThat(DEFAULT.fingerprint(withDateline).shingles()).isEqualTo(DEFAULT.fingerprint(without).shingles());
    }

    @Test
    void movingAParagraphDoesNotChangeTheShingleSet() {
        List<String> paragraphs = List.of(STORY.split("\n\n"));
        String reordered = String.join("\n\n", paragraphs.get(2), paragraphs.get(0), paragraphs.get(1));
        Fingerprint a = DEFAULT.fingerprint(STORY);
        Fingerprint b = DEFAULT.fingerprint(reordered);
        assertThat(b.shingles()).isEqualTo(a.shingles());
        assertThat(b.signature()).isEqualTo(a.signature());
    }

    @Test
    void shinglesDoNotCrossParagraphBoundaries() {
        assertThat(DEFAULT.fingerprint("alpha beta gamma delta epsilon zeta").shingles()).hasSize(4);
        assertThat(DEFAULT.fingerprint("alpha beta gamma\n\ndelta epsilon zeta").shingles()).hasSize(2);
    }

    @Test
    void aTextThatIsOnlyBoilerplateIsFingerprintedWhole() {
        Fingerprint fp = DEFAULT.fingerprint(String.join("\n\n", BYLINE, CREDIT));
        assertThat(fp.signature().isEmpty()).isFalse();
        assertThat(fp.signature().values()).doesNotContain(MinHasher.EMPTY);
        assertThat(fp.shingles()).isNotEmpty();
        assertThat(fp.paragraphs()).allMatch(Fingerprint.ParagraphTerms::boilerplate);
    }

    @Test
    void paragraphTermsAreWordBigramsAndWordCounts() {
        Fingerprint fp = DEFAULT.fingerprint("Solo\n\nthe cat saw the cat");
        Fingerprint.ParagraphTerms solo = fp.paragraphs().get(0);
        Fingerprint.ParagraphTerms cats = fp.paragraphs().get(1);
        assertThat(solo.words()).isEqualTo(1);
        assertThat(solo.terms()).hasSize(1);
        assertThat(cats.words()).isEqualTo(5);
        assertThat(cats.terms()).hasSize(3); // "the cat" twice, "cat saw", "saw the"
        assertThat(cats.paragraph().text()).isEqualTo("the cat saw the cat");
        assertThat(cats.paragraph().index()).isEqualTo(1);
    }

    @Test
    void caseAndTypographyDoNotChangeTheFingerprint() {
        assertThat(DEFAULT.sign("\u201CIt\u2019s OVER,\u201D the Colonel said \u2014 finally."))
                .isEqualTo(DEFAULT.sign("\"it's over,\" the colonel said - finally."));
    }

    @Test
    void badSettingsFailWithTheStageMessages() {
        assertThatThrownBy(() -> new Fingerprinter(0, 128, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shingle size must be between 1 and 16, got 0");
        assertThatThrownBy(() -> new Fingerprinter(3, 0, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signature length must be between 1 and 4096, got 0");
    }
}
