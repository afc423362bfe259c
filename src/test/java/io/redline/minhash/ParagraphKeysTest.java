package io.redline.minhash;

import io.redline.text.LongList;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ParagraphKeysTest {
    private static final ParagraphKeys KEYS = new ParagraphKeys(MinHasher.DEFAULT_SEED);
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);

    @Test
    void aParagraphGetsOneKeyPerBandAndTheSameParagraphTheSameKeys() {
        long[] shingles = new Random(7).longs(40).toArray();
        assertThat(keys(shingles)).hasSize(ParagraphKeys.BANDS).isEqualTo(keys(shingles.clone()));
    }

    @Test
    void tooShortAParagraphGetsNoKeys() {
        assertThat(keys(LongStream.range(0, ParagraphKeys.MIN_SHINGLES - 1).toArray())).isEmpty();
        assertThat(keys(LongStream.range(0, ParagraphKeys.MIN_SHINGLES).toArray())).hasSize(ParagraphKeys.BANDS);
    }

    @Test
    void anExcerptSharesTheKeysOfItsParagraphsWithTheWholeText() {
        String a = "Rescue teams searched the flooded valley for a third day on Tuesday as the river kept rising.";
        String b = "Officials said more than two hundred homes had been evacuated overnight near the old mill.";
        String c = "The weather office warned that more heavy rain would arrive on Thursday in the hills above.";
        Fingerprint whole = FINGERPRINTER.fingerprint(a + "\n\n" + b + "\n\n" + c);
        Fingerprint excerpt = FINGERPRINTER.fingerprint(b);

        assertThat(whole.paragraphKeys()).hasSize(3 * ParagraphKeys.BANDS);
        assertThat(whole.paragraphKeys()).contains(excerpt.paragraphKeys());
    }

    @Test
    void paragraphKeysNeverEqualWholeTextBandKeys() {
        Fingerprint f = FINGERPRINTER.fingerprint("One two three four five six seven eight nine ten eleven twelve.");
        long[] bands = new LshBands(new LshParameters(64, 2)).bucketKeys(f.signature());
        assertThat(Arrays.stream(f.paragraphKeys()).filter(k -> Arrays.stream(bands).anyMatch(b -> b == k))).isEmpty();
    }

    private static long[] keys(long[] shingles) {
        LongList out = new LongList(8);
        KEYS.addKeys(shingles, out);
        return out.toArray();
    }
}
