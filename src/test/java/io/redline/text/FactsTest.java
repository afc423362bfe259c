package io.redline.text;

import io.redline.text.Facts.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FactsTest {
    private static List<String> kinds(String text) {
        return Facts.tokens(text).stream().map(t -> t.text() + ":" + t.kind()).toList();
    }

    @Test
    void javadocExample() {
        assertThat(kinds("A magnitude 4.6 earthquake struck 12 km north of Tripoli on Tuesday.")).containsExactly(
                "a:WORD", "magnitude:WORD", "4.6:NUMBER", "earthquake:WORD", "struck:WORD", "12:NUMBER", "km:WORD",
                "north:WORD", "of:WORD", "tripoli:NAME", "on:WORD", "tuesday:DATE");
    }

    @Test
    void yearsAreFourDigitsFrom1800To2199Alone() {
        assertThat(kinds("In 2024, 1,500 people and 3000 cars; 1799 or 2025.")).containsExactly(
                "in:WORD", "2024:YEAR", "1,500:NUMBER", "people:WORD", "and:WORD", "3000:NUMBER", "cars:WORD",
                "1799:NUMBER", "or:WORD", "2025:YEAR");
    }

    @Test
    void numbersKeepTheirInnerSeparatorsButNotTrailingPunctuation() {
        assertThat(kinds("at 10:30, up 4.5%. 324,522 G7")).containsExactly(
                "at:WORD", "10:30:NUMBER", "up:WORD", "4.5:NUMBER", "324,522:NUMBER", "g7:NUMBER");
    }

    @Test
    void theFirstWordOfASentenceIsNotAName() {
        assertThat(kinds("Police said. \"Rescuers arrived,\" Ali Hassan said: Today we go.")).containsExactly(
                "police:WORD", "said:WORD", "rescuers:WORD", "arrived:WORD", "ali:NAME", "hassan:NAME",
                "said:WORD", "today:WORD", "we:WORD", "go:WORD");
    }

    @Test
    void calendarNamesInSeveralLanguagesAreDatesWhenCapitalisedOrNextToANumber() {
        assertThat(kinds("on March 12 and le 12 mars, am 3 März")).containsExactly(
                "on:WORD", "march:DATE", "12:NUMBER", "and:WORD", "le:WORD", "12:NUMBER", "mars:DATE",
                "am:WORD", "3:NUMBER", "märz:DATE");
        // a lower-case "may" alone is the verb
        assertThat(kinds("it may rain")).containsExactly("it:WORD", "may:WORD", "rain:WORD");
        assertThat(kinds("until may 5")).containsExactly("until:WORD", "may:DATE", "5:NUMBER");
    }

    @Test
    void scriptsWithoutCaseHaveNumbersAndYearsButNoNames() {
        assertThat(Facts.tokens("في عام 2024 قتل 12 شخصا").stream().map(Facts.Token::kind))
                .containsExactly(Kind.WORD, Kind.WORD, Kind.YEAR, Kind.WORD, Kind.NUMBER, Kind.WORD);
    }

    @Test
    void everyMonthAndWeekdayNameOfTheSevenLanguagesIsADateWhenCapitalised() {
        int checked = 0;
        for (String tag : List.of("en", "fr", "de", "es", "it", "pt", "nl")) {
            java.text.DateFormatSymbols symbols = java.text.DateFormatSymbols.getInstance(java.util.Locale.forLanguageTag(tag));
            for (String[] names : List.of(symbols.getMonths(), symbols.getWeekdays())) {
                for (String name : names) {
                    if (name.isEmpty() || !name.chars().allMatch(Character::isLetter)) { // "segunda-feira" is two tokens
                        continue;
                    }
                    String capitalised = name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1);
                    List<Facts.Token> tokens = Facts.tokens("It happened on " + capitalised + " here");
                    assertThat(tokens.get(3).kind()).as(capitalised).isEqualTo(Kind.DATE);
                    // the same word in lower case, alone: a word
                    assertThat(Facts.tokens("it happened on " + name.toLowerCase(java.util.Locale.ROOT) + " here")
                            .get(3).kind()).as(name).isEqualTo(Kind.WORD);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }
}
