package io.redline.diff;

import org.junit.jupiter.api.Test;

import java.util.List;

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

    /** Single letters joined by periods are a short form, as the pattern {@code (?:\p{L}\.)+\p{L}} says; nothing else is. */
    @Test
    void dottedShortFormsAreSingleLettersJoinedByPeriods() {
        for (String word : List.of("U.S", "a.m", "U.S.A", "é.à", "\uD835\uDC00.\uD835\uDC01", "Ph.D", "e.gg", "1.5", "U..S",
                ".U", "U.S.", "US", "A.1", "Xyzzyplugh")) {
            String text = "It was " + word + ". Then more.";
            boolean shortForm = word.matches("(?:\\p{L}\\.)+\\p{L}");
            assertThat(Sentences.split(text)).as(word).hasSize(shortForm ? 1 : 2);
        }
    }
}
