package io.redline.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BoilerplateTest {

    private static final String DATED_CAPTION = "Shi'ite Popular Mobilization Forces (PMF) fighters fire a cannon "
            + "against Islamic State militants in Al-Qaim, Iraq November 3, 2017.";

    @ParameterizedTest
    @ValueSource(strings = {"By Raya Jalabi", "By Angus McDowall and Raya Jalabi", "BY JOHN SMITH", "  By Lisa Barrington  "})
    void bylinesAreBoilerplateAtAnyPosition(String byline) {
        assertThat(Boilerplate.isBoilerplate(byline, 0)).isTrue();
        assertThat(Boilerplate.isBoilerplate(byline, 7)).isTrue();
    }

    @Test
    void aSentenceStartingWithByIsNotAByline() {
        assertThat(Boilerplate.isBoilerplate("By the end of the day, 40 people were dead.", 1)).isFalse();
    }

    @Test
    void aByLineLongerThanTwelveWordsIsNotAByline() {
        assertThat(Boilerplate.isBoilerplate("By One Two Three Four Five Six Seven Eight Nine Ten Eleven", 0)).isTrue();
        assertThat(Boilerplate.isBoilerplate("By One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve", 0))
                .isFalse();
    }

    @Test
    void aQuestionOrLowerCasePhraseIsNotAByline() {
        assertThat(Boilerplate.isBoilerplate("By how much will prices rise?", 2)).isFalse();
        assertThat(Boilerplate.isBoilerplate("by the end of the week", 2)).isFalse();
    }

    @Test
    void titleCaseAndUpperCaseDatelinesAreStripped() {
        String title = "Aleppo (Reuters) - Rebels said";
        assertThat(title.substring(Boilerplate.contentStart(title))).isEqualTo("Rebels said");
        String upper = "ALEPPO, SYRIA (REUTERS) \u2013 Rebels said";
        assertThat(upper.substring(Boilerplate.contentStart(upper))).isEqualTo("Rebels said");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5})
    void reutersPhotoCaptionIsBoilerplateAtAnyPosition(int index) {
        assertThat(Boilerplate.isBoilerplate("Islamic State fighters and their families walk as they surrendered "
                + "in the village of Baghouz, Syria. REUTERS/Rodi Said", index)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5})
    void filePhotoCaptionIsBoilerplateAtAnyPosition(int index) {
        assertThat(Boilerplate.isBoilerplate("FILE PHOTO: Kurdish-led militiamen ride atop military vehicles as they "
                + "celebrate victory over Islamic State", index)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AFP PHOTO / Delil Souleiman", "Photo: Ahmed Jadallah", "Fighters rest (Photo by Ahmad Al-Rubaye)"})
    void otherPhotoCreditsAreBoilerplate(String caption) {
        assertThat(Boilerplate.isBoilerplate(caption, 4)).isTrue();
    }

    @Test
    void captionEndingWithAPictureDateIsBoilerplateOnlyInTheFirstTwoParagraphs() {
        assertThat(Boilerplate.isBoilerplate(DATED_CAPTION, 0)).isTrue();
        assertThat(Boilerplate.isBoilerplate(DATED_CAPTION, 1)).isTrue();
        assertThat(Boilerplate.isBoilerplate(DATED_CAPTION, 2)).isFalse();
        assertThat(Boilerplate.isBoilerplate(DATED_CAPTION, 10)).isFalse();
    }

    @Test
    void datedCaptionWithoutFinalPeriodIsStillACaption() {
        assertThat(Boilerplate.isBoilerplate("Smoke rises over Baghouz, Syria March 18, 2019", 0)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "(Reporting by Angus McDowall and Tom Perry in Beirut and Raya Jalabi in Erbil; "
                    + "Writing by Angus McDowall; Editing by Peter Graf)",
            "(Reporting by Raya Jalabi; Editing by Giles Elgood).",
            "(Writing by Tom Perry)",
            "(Additional reporting by Ellen Francis in Beirut)",
            "(Compiled by Cairo newsroom)",
    })
    void creditLinesAreBoilerplateAtAnyPosition(String credit) {
        assertThat(Boilerplate.isBoilerplate(credit, 0)).isTrue();
        assertThat(Boilerplate.isBoilerplate(credit, 25)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A9 2017 Reuters", "Copyright 2019 Thomson Reuters", "Our Standards: The Thomson Reuters Trust Principles."})
    void copyrightAndStandardsFootersAreBoilerplate(String footer) {
        assertThat(Boilerplate.isBoilerplate(footer, 12)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SHARYA CAMP, Iraq (Reuters) \u2013 Islamic State leader Abu Bakr al-Baghdadi\u2019s death will mean nothing "
                    + "to 19-year-old rape victim Jamila unless the Islamic State militants who enslaved her are brought to justice.",
            "Iraq has been carrying out its final campaign to crush the Islamic State caliphate while also mounting a "
                    + "military offensive in the north against Kurds who held an independence referendum in September.",
            "\u201CWe do expect them now to try to flee,\u201D spokesman U.S. Colonel Ryan Dillon said.",
            "BESIEGED IN ALL DIRECTIONS",
            "Islamic State flag",
            "(The group denied the claim.)",
            "The offensive began on November 3, 2017.",
    })
    void normalStoryParagraphsAreNotBoilerplate(String paragraph) {
        assertThat(Boilerplate.isBoilerplate(paragraph, 2)).isFalse();
        assertThat(Boilerplate.isBoilerplate(paragraph, 5)).isFalse();
    }

    @Test
    void datelineIsSkippedUpToTheFirstStoryWord() {
        String p = "SHARYA CAMP, Iraq (Reuters) \u2013 Islamic State leader Abu Bakr al-Baghdadi\u2019s death";
        int start = Boilerplate.contentStart(p);
        assertThat(start).isEqualTo(30);
        assertThat(p.substring(start)).startsWith("Islamic State leader");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "BEIRUT/ERBIL (Reuters) \u2013 Islamic State\u2019s self-proclaimed caliphate",
            "WASHINGTON (Reuters) - Islamic",
            "NEW YORK (AP) \u2014 Islamic",
            "ST. LOUIS, Missouri (Bloomberg) -- Islamic",
            "CAIRO (Reuters)\u2014Islamic",
    })
    void datelineVariantsAreSkipped(String paragraph) {
        assertThat(paragraph.substring(Boilerplate.contentStart(paragraph))).startsWith("Islamic");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Islamic State leader Abu Bakr al-Baghdadi\u2019s death will mean nothing.",
            "BEIRUT - Islamic State said",
            "BEIRUT (Reuters) Islamic State said",
            "",
    })
    void paragraphWithoutDatelineStartsAtZero(String paragraph) {
        assertThat(Boilerplate.contentStart(paragraph)).isZero();
    }

    @Test
    void aStorySentenceMentioningAFilePhotoIsNotACaption() {
        assertThat(Boilerplate.isBoilerplate("The agency released a file photo of the suspect on Monday.", 5)).isFalse();
    }
    @ParameterizedTest
    @ValueSource(strings = {"REUTERS/Rodi Said", "Men walk. REUTERS/", "Fighters in Raqqa, 2017. Reuters/File Photo",
            "Fighters in Raqqa. REUTERS/Rodi Said/FILE PHOTO", "(Photo by Delil Souleiman)", "Smoke (photo by staff)",
            "Smoke rises http://example.org/a/b (AFP PHOTO)"})
    void photoCreditMarksAreFoundAtTheStartTheEndAndBetweenOtherSlashesAndBrackets(String caption) {
        assertThat(Boilerplate.isBoilerplate(caption, 9)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Prices rose 3/4 of a point (the most since 2019) at Reuters/Ipsos polls",
            "EUTERS/ is not the mark", "He said (photographs by the police were shown)"})
    void slashesAndBracketsWithoutAPhotoCreditAreNotBoilerplate(String paragraph) {
        assertThat(Boilerplate.isBoilerplate(paragraph, 9)).isFalse();
    }

    @Test
    void aDatelineBracketMustStandWithinTheFirstHundredCharacters() {
        String place = "A".repeat(100);
        assertThat(Boilerplate.contentStart(place + " (Reuters) - Islamic")).isZero();
        String near = "A".repeat(99) + " (Reuters) - Islamic";
        assertThat(near.substring(Boilerplate.contentStart(near))).isEqualTo("Islamic");
    }

    @Test
    void aBracketThatIsNotAnAgencyIsNoDateline() {
        assertThat(Boilerplate.contentStart("BEIRUT (Reutersx) - Islamic")).isZero();
        assertThat(Boilerplate.contentStart("BEIRUT (Reuters - Islamic")).isZero();
    }
}
