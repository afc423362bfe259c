package io.redline.feed;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AtomFeedTest {
    @Test
    void charactersXmlCannotHoldAreReplacedAndTheRestKept() {
        assertThat(AtomFeed.xmlText("a\u001Bb\u0000c\uFFFEd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        assertThat(AtomFeed.xmlText("lone \uD800 high, lone \uDC00 low")).isEqualTo("lone \uFFFD high, lone \uFFFD low");
        assertThat(AtomFeed.xmlText("tab\tline\nreturn\r é \uD83D\uDCF0 \u001B\uD83D\uDCF0"))
                .isEqualTo("tab\tline\nreturn\r é \uD83D\uDCF0 \uFFFD\uD83D\uDCF0");
        String clean = "Quake hits Tripoli \uD83D\uDCF0";
        assertThat(AtomFeed.xmlText(clean)).isSameAs(clean);
    }

    @Test
    void aStoredTextWithControlCharactersStillGivesAFeed() {
        Instant t = Instant.parse("2026-11-27T05:00:00Z");
        String xml = AtomFeed.write(new AtomFeed.Feed("tag:redline,2026:feed", "Esc\u001B", "http://x/feed", "http://x/",
                t, List.of()));

        assertThat(xml).contains("<title>Esc\uFFFD</title>");
    }
}
