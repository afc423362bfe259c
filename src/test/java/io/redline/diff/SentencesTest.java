package io.redline.diff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTest {
    @Test
    void aSentenceEndsAtAPeriodFollowedBySpaceAndACapital() {
        assertThat(Sentences.split("He left. She stayed.")).containsExactly("He left. ", "She stayed.");
        assertThat(Sentences.split("Why? \"Because.\" 3 died.")).containsExactly("Why? ", "\"Because.\" ", "3 died.");
    }

    @Test
    void dottedShortFormsDoNotEndASentence() {
        assertThat(Sentences.split("A spokesman for the U.S. Colonel Dillon said so. Then he left."))
                .containsExactly("A spokesman for the U.S. Colonel Dillon said so. ", "Then he left.");
        assertThat(Sentences.split("At 9 a.m. Police arrived.")).containsExactly("At 9 a.m. Police arrived.");
    }

    @Test
    void titlesAndMonthsDoNotEndASentence() {
        assertThat(Sentences.split("Col. Ryan Dillon spoke on Jan. 5 in St. Louis. Gen. Smith did not."))
                .containsExactly("Col. Ryan Dillon spoke on Jan. 5 in St. Louis. ", "Gen. Smith did not.");
        assertThat(Sentences.split("Mr. Brown (Dr. Green's aide) agreed.")).containsExactly("Mr. Brown (Dr. Green's aide) agreed.");
    }

    @Test
    void initialsDoNotEndASentence() {
        assertThat(Sentences.split("J. K. Rowling wrote it. It sold.")).containsExactly("J. K. Rowling wrote it. ", "It sold.");
    }

    @Test
    void anOrdinaryShortWordStillEndsASentence() {
        assertThat(Sentences.split("They said no. Then they left. It is in the US. More soon. Room No. 5 is shut."))
                .containsExactly("They said no. ", "Then they left. ", "It is in the US. ", "More soon. ", "Room No. 5 is shut.");
    }

    @Test
    void theSentencesCoverTheTextAndStartsPointAtThem() {
        String text = "Gen. A. Smith said so. The U.S. Army agreed.  It ended.";
        assertThat(String.join("", Sentences.split(text))).isEqualTo(text);
        assertThat(Sentences.starts(text)).containsExactly(0, 23, 46);
        assertThat(Sentences.starts("")).isEmpty();
    }
}
