package io.redline.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lineage names all of parent article, version and relation, or none of them. */
class LineageTest {
    @Test
    void noneHasNothingAndAnUpdateNamesThePreviousVersion() {
        assertThat(Lineage.NONE.isNone()).isTrue();
        assertThat(new Lineage(null, null, null)).isEqualTo(Lineage.NONE);
        Lineage update = new Lineage("a", 2, Lineage.UPDATE);
        assertThat(update.isNone()).isFalse();
        assertThat(Lineage.updateOf(new VersionHead("a", 2, 0, "h"))).isEqualTo(update);
    }

    @Test
    void aPartialLineageIsRefusedWithWhatWasGiven() {
        assertThatThrownBy(() -> new Lineage("a", null, "UPDATE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a lineage names the parent article, version and relation, or none of them; got a, null, UPDATE");
    }

    @Test
    void anUnknownRelationOrVersionIsRefused() {
        assertThatThrownBy(() -> new Lineage("a", 1, "COPY")).hasMessageStartingWith("relation must be one of ")
                .hasMessageEndingWith(", got 'COPY'");
        assertThatThrownBy(() -> new Lineage("a", 0, "UPDATE")).hasMessage("parentVersion must be at least 1, got 0");
    }

    @Test
    void aVersionRowWithoutALineageHasNone() {
        VersionRow row = new VersionRow("a", 1, 0, "", "body", null, null, null, 0, "h", "s", new byte[0],
                new byte[0], null);
        assertThat(row.lineage()).isEqualTo(Lineage.NONE);
    }
}
