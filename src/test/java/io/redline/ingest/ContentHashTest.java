package io.redline.ingest;

import io.redline.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

    /** Stored versions keep this hash: a new way of computing it must give the same value, or updates stop matching. */
    @Test
    void isTheSha256OfTheNormalisedTitleAndBody() throws Exception {
        String[][] texts = {
                {"Quake hits Tripoli", "A magnitude 4.6 earthquake struck.\n\nNo reports of damage."},
                {"  \u201CCaliphate\u201D \u2014 Falls ", "Caf\u0065\u0301 \u00E9cole\u00A0\tTab\u2003space `x`"},
                {"", ""},
                {"\u001F", "\u0000 a\u000B b \u007F"},
        };
        for (String[] t : texts) {
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    (TextNormalizer.normalize(t[0]) + "\u0000" + TextNormalizer.normalize(t[1])).getBytes(StandardCharsets.UTF_8)));
            assertThat(Ingestor.contentHash(t[0], t[1])).as(t[1]).isEqualTo(expected);
        }
        assertThat(Ingestor.contentHash("A title", "Some body text."))
                .isEqualTo(Ingestor.contentHash("a  TITLE ", " some\nbody   text."));
    }
}
