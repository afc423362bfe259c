package io.redline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.cli.RelationTable.Outcome;
import io.redline.cli.RelationTable.ReferenceLine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RelationTable}: hand-built outcomes, exact tables. */
class RelationTableTest {
    @Test
    void theJavadocExample() {
        RelationTable t = RelationTable.of(List.of(
                new Outcome("original", "NEW", null, null),
                new Outcome("revision", "REVISION", "parent", "REVISION"),
                new Outcome("recurring", "REVISION", "source", "TEMPLATE"),
                new Outcome("recurring", "TEMPLATE", "source", RelationTable.NOT_MATCHED)));

        assertThat(t.columns()).containsExactly("REVISION", "TEMPLATE", "NEW");
        assertThat(t.byKind()).containsExactly(
                Map.entry("original", Map.of("REVISION", 0, "TEMPLATE", 0, "NEW", 1)),
                Map.entry("revision", Map.of("REVISION", 1, "TEMPLATE", 0, "NEW", 0)),
                Map.entry("recurring", Map.of("REVISION", 1, "TEMPLATE", 1, "NEW", 0)));
        assertThat(t.toReference()).containsExactly(
                new ReferenceLine("revision", "parent", Map.of("REVISION", 1), 0),
                new ReferenceLine("recurring", "source", Map.of("TEMPLATE", 1), 1));
        assertThat(t.lines()).containsExactly(
                "kind       REVISION  TEMPLATE  NEW",
                "original          0         0    1",
                "revision          1         0    0",
                "recurring         1         1    0",
                "revision -> its parent: REVISION 1, not matched 0",
                "recurring -> its source: TEMPLATE 1, not matched 1");
    }

    @Test
    void knownRelationsAndKindsComeInTheirOrderWhateverTheInputOrderAndUnknownOnesAfterAlphabetically() {
        RelationTable t = RelationTable.of(List.of(
                new Outcome("wire copy", "SYNDICATED", null, null),
                new Outcome("recurring", "NEW", "source", "NEW"),
                new Outcome("digest", "EXCERPT", "source", "EXCERPT"),
                new Outcome("template", "TEMPLATE", "source", "TEMPLATE"),
                new Outcome("recurring", "ANNUAL", "source", "ANNUAL"),
                new Outcome("recurring", "DUPLICATE", "source", "DUPLICATE"),
                new Outcome("original", "REVISION", null, null)));

        assertThat(t.columns()).containsExactly("DUPLICATE", "REVISION", "EXCERPT", "TEMPLATE", "NEW", "ANNUAL",
                "SYNDICATED");
        assertThat(t.byKind().keySet()).containsExactly("original", "template", "recurring", "digest", "wire copy");
        assertThat(t.byKind().get("recurring").values()).containsExactly(1, 0, 0, 0, 1, 1, 0);
        assertThat(t.toReference()).extracting(ReferenceLine::kind).containsExactly("template", "recurring", "digest");
        assertThat(t.toReference().get(1).relations().keySet()).containsExactly("DUPLICATE", "NEW", "ANNUAL");
    }

    @Test
    void columnsWidenToTheirCountsAndAKindWithTwoReferenceFieldsGetsALineForEach() {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 12345; i++) {
            outcomes.add(new Outcome("revision", "NEW", i % 2 == 0 ? "parent" : "source", RelationTable.NOT_MATCHED));
        }
        RelationTable t = RelationTable.of(outcomes);

        assertThat(t.lines()).containsExactly(
                "kind        NEW",
                "revision  12345",
                "revision -> its parent: not matched 6173",
                "revision -> its source: not matched 6172");
    }

    @Test
    void noOutcomesGiveAnEmptyTable() {
        RelationTable t = RelationTable.of(List.of());

        assertThat(t.columns()).isEmpty();
        assertThat(t.byKind()).isEmpty();
        assertThat(t.lines()).containsExactly("kind");
    }

    @Test
    void theJsonFormIsTheRecordInOrder() throws Exception {
        RelationTable t = RelationTable.of(List.of(new Outcome("revision", "REVISION", "parent", "NEW"),
                new Outcome("original", "NEW", null, null)));

        assertThat(new ObjectMapper().writeValueAsString(t)).isEqualTo("{\"columns\":[\"REVISION\",\"NEW\"],"
                + "\"byKind\":{\"original\":{\"REVISION\":0,\"NEW\":1},\"revision\":{\"REVISION\":1,\"NEW\":0}},"
                + "\"toReference\":[{\"kind\":\"revision\",\"reference\":\"parent\",\"relations\":{\"NEW\":1},"
                + "\"notMatched\":0}]}");
    }

    @Test
    void aReferenceAndItsRelationComeTogether() {
        assertThatThrownBy(() -> new Outcome("revision", "NEW", "parent", null))
                .hasMessage("a reference needs its relation and a relation its reference, got parent and null");
        assertThatThrownBy(() -> new Outcome("revision", "NEW", null, "NEW"))
                .hasMessage("a reference needs its relation and a relation its reference, got null and NEW");
    }
}
