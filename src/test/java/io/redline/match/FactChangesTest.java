package io.redline.match;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FactChangesTest {
    @Test
    void anotherPlaceAndDayOnTheSameTemplateIsARenaming() {
        FactChanges c = FactChanges.of(
                "A magnitude 4.6 earthquake struck 12 km north of Tripoli on Tuesday, the agency said.",
                "A magnitude 5.1 earthquake struck 40 km south of Valparaiso on Friday, the agency said.");
        assertThat(c).isEqualTo(new FactChanges(1, 1, 3, 1, 0, 1));
        assertThat(c.facts()).isEqualTo(4);
        assertThat(c.factShare()).isEqualTo(0.8);
    }

    @Test
    void aRisingTollIsNoRenaming() {
        FactChanges c = FactChanges.of("At least 12 people were killed in Kabul on Sunday, police said.",
                "At least 30 people were killed in Kabul on Sunday, police said.");
        assertThat(c).isEqualTo(new FactChanges(1, 0, 1, 0, 0, 0));
    }

    @Test
    void aYearMovedOnIsARenaming() {
        assertThat(FactChanges.of("The 2025 festival opens in June.", "The 2026 festival opens in June.").renamed())
                .isEqualTo(1);
    }

    @Test
    void aCorrectedSpellingIsNotANewName() {
        FactChanges c = FactChanges.of("said spokesman John Smtih on Monday.", "said spokesman John Smith on Monday.");
        assertThat(c.names()).isEqualTo(1);
        assertThat(c.renamed()).isZero();
    }

    @Test
    void aNameAddedWithoutOneRemovedIsNoRenaming() {
        assertThat(FactChanges.of("Police said the road was closed.", "Police chief Ali Hassan said the road was closed.")
                .renamed()).isZero();
    }

    @Test
    void thousandsOfNamesAreComparedInBoundedTime() {
        StringBuilder before = new StringBuilder("Present were");
        StringBuilder after = new StringBuilder("Present were");
        for (int i = 0; i < 5000; i++) {
            before.append(" Name").append(Integer.toString(i, 26).replaceAll("\\d", "x"));
            after.append(" Other").append(Integer.toString(i, 26).replaceAll("\\d", "y"));
        }
        FactChanges c = FactChanges.of(before.toString(), after.toString());
        assertThat(c.renamed()).isEqualTo(1);
    }

    @Test
    void rewordingIsWordChanges() {
        FactChanges c = FactChanges.of("The river kept rising above its banks.", "The river went on rising over its banks.");
        assertThat(c.words()).isEqualTo(3);
        assertThat(c.facts()).isZero();
        assertThat(c.plus(c)).isEqualTo(new FactChanges(2, 6, 0, 0, 0, 0));
        assertThat(FactChanges.NONE.factShare()).isZero();
    }
}
