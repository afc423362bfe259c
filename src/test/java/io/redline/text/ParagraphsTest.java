package io.redline.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParagraphsTest {

    private static List<String> texts(String body) {
        return Paragraphs.split(body).stream().map(Paragraph::text).toList();
    }

    @Test
    void blankLinesSeparateParagraphs() {
        assertThat(texts("First paragraph.\n\nSecond paragraph.\n\n\n\nThird."))
                .containsExactly("First paragraph.", "Second paragraph.", "Third.");
    }

    @Test
    void singleNewlinesStayInsideAParagraphWhenTheBodyHasBlankLines() {
        assertThat(texts("a line\nwrapped here\n\nnext paragraph"))
                .containsExactly("a line\nwrapped here", "next paragraph");
    }

    @Test
    void eachLineIsAParagraphWhenTheBodyHasNoBlankLine() {
        assertThat(texts("one\ntwo\nthree")).containsExactly("one", "two", "three");
    }

    @Test
    void leadingBlankLinesDoNotSwitchToBlankLineSeparation() {
        assertThat(texts("\n\nfirst line\nsecond line")).containsExactly("first line", "second line");
    }

    @Test
    void aLineOfSpacesAndTabsCountsAsBlank() {
        assertThat(texts("a\n  \t \nb")).containsExactly("a", "b");
    }

    @Test
    void windowsLineEndingsAreHandled() {
        assertThat(texts("a\r\n\r\nb\r\nc")).containsExactly("a", "b\r\nc");
        assertThat(texts("a\r\nb")).containsExactly("a", "b");
    }

    @Test
    void paragraphsAreTrimmedAndOffsetsPointAtTheTrimmedText() {
        String body = "  padded text \t\n\n\t second  ";
        List<Paragraph> paragraphs = Paragraphs.split(body);
        assertThat(paragraphs).containsExactly(
                new Paragraph(0, "padded text", 2, 13),
                new Paragraph(1, "second", 19, 25));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "By Raya Jalabi\n\nSHARYA CAMP, Iraq (Reuters) – Islamic State.\n\n“Quote,” she said.\n",
            "  one \n two\n\tthree\t",
            "\n\n\n  a  \n\n  b\nc  \n\n\n",
            "x\r\n\r\n y \r\n\r\nz",
            "单行没有换行",
    })
    void offsetsPointIntoTheOriginalBody(String body) {
        List<Paragraph> paragraphs = Paragraphs.split(body);
        assertThat(paragraphs).isNotEmpty();
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            assertThat(p.index()).isEqualTo(i);
            assertThat(body.substring(p.start(), p.end())).isEqualTo(p.text());
            assertThat(p.text()).isEqualTo(p.text().strip()).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n", "\n\n\n", " \n\t\n  ", "\r\n\r\n"})
    void blankBodiesGiveNoParagraphs(String body) {
        assertThat(Paragraphs.split(body)).isEmpty();
    }

    @Test
    void resultIsImmutable() {
        List<Paragraph> paragraphs = Paragraphs.split("a\n\nb");
        assertThatThrownBy(() -> paragraphs.add(new Paragraph(2, "c", 0, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void paragraphRejectsImpossibleOffsetsWithAMessage() {
        assertThatThrownBy(() -> new Paragraph(0, "x", 5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("paragraph needs index >= 0 and 0 <= start <= end, got 0, 5, 4");
        assertThatThrownBy(() -> new Paragraph(-1, "x", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("paragraph needs index >= 0 and 0 <= start <= end, got -1, 0, 1");
    }

    @Test
    void aTrailingBlankLineDoesNotTurnLinesIntoOneParagraph() {
        assertThat(texts("a\nb\n\n")).containsExactly("a", "b");
    }

    @Test
    void aLineOfNoBreakSpacesCountsAsBlank() {
        assertThat(texts("a\n\u00A0\nb")).containsExactly("a", "b");
    }
}
