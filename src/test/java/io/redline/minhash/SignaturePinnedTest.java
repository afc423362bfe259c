package io.redline.minhash;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.text.WorstCaseInputs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures and fingerprints are stored and decide story assignments, so a faster pipeline must give the very same
 * values. The SHA-256 of the signatures (and, separately, of the whole fingerprints: shingle sets, paragraph keys,
 * paragraph terms) of the fixture articles and 600 generated texts, under several settings, were taken by running
 * {@link #signatureDigest} and {@link #fingerprintDigest} against the code before the signing path was made faster
 * (commit 02ebe6f). Any change of any value fails here.
 */
class SignaturePinnedTest {
    static final String SIGNATURES_BEFORE = "4b015d8b6b523e21b4b11c351bfbede3e2d5c1531aa8fff9db443b88d788d5ed";
    static final String FINGERPRINTS_BEFORE = "afe074ba5a2e8934b5a7ab967aa066991da8748d1ffd2669ea9d56cfef03c92e";

    /** Default settings first; then odd lengths, another shingle size and seeds, to pin bin choice and densification. */
    private static final List<Fingerprinter> SETTINGS = List.of(
            new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED),
            new Fingerprinter(3, 200, 42L),
            new Fingerprinter(1, 1, -7L),
            new Fingerprinter(2, 7, 0L),
            new Fingerprinter(5, 64, 0x1234_5678_9ABC_DEF0L),
            new Fingerprinter(4, 1000, MinHasher.DEFAULT_SEED));

    @Test
    void signaturesAreBitForBitWhatTheyWere() throws Exception {
        assertThat(signatureDigest()).isEqualTo(SIGNATURES_BEFORE);
    }

    @Test
    void fingerprintsAreBitForBitWhatTheyWere() throws Exception {
        assertThat(fingerprintDigest()).isEqualTo(FINGERPRINTS_BEFORE);
    }

    @Test
    void signEqualsTheFingerprintsSignature() throws Exception {
        for (Fingerprinter f : SETTINGS) {
            for (String body : texts()) {
                assertThat(f.sign(body)).as(body).isEqualTo(f.fingerprint(body).signature());
            }
        }
    }

    static String signatureDigest() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Fingerprinter f : SETTINGS) {
            sha.update(f.version().id().getBytes(StandardCharsets.UTF_8));
            for (String body : texts()) {
                add(sha, f.sign(body).values());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String fingerprintDigest() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Fingerprinter f : SETTINGS) {
            for (String body : texts()) {
                Fingerprint fp = f.fingerprint(body);
                add(sha, fp.signature().values());
                add(sha, fp.shingles());
                add(sha, fp.paragraphKeys());
                for (Fingerprint.ParagraphTerms t : fp.paragraphs()) {
                    sha.update(t.paragraph().toString().getBytes(StandardCharsets.UTF_8));
                    add(sha, new long[] {t.boilerplate() ? 1 : 0, t.words()});
                    add(sha, t.terms());
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void add(MessageDigest sha, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(Long.BYTES * (values.length + 1));
        b.putLong(values.length);
        for (long v : values) {
            b.putLong(v);
        }
        sha.update(b.array());
    }

    /** The fixture bodies, then 600 generated ones: news-like, boilerplate, datelines, other scripts, edge cases. */
    static List<String> texts() throws IOException {
        List<String> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("fixtures/seeds.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(json.readTree(line).get("body").asText());
            }
        }
        out.addAll(List.of("", " \n\n ", "word", "two words", "By Raya Jalabi",
                "By Raya Jalabi\n\nA Yazidi woman walks. REUTERS/Ari Jalal\n\n(Reporting by Raya Jalabi; Editing by Giles Elgood)",
                "BEIRUT (Reuters) - \n\nBEIRUT (Reuters) – Fighting went on.", "line one\nline two\nline three",
                "東京都で地震があった。被害は不明。", "Ça fait déjà “trois” ans — l’été 2014.", "ﬁ ① Ⅻ ＡＢＣ"));
        Random rnd = new Random(20261127L);
        for (int i = 0; i < 600; i++) {
            out.add(generated(rnd));
        }
        out.add(WorstCaseInputs.body(WorstCaseInputs.article(300, 5)));
        out.add(WorstCaseInputs.body(WorstCaseInputs.sameWord(500)));
        return out;
    }

    private static final String[] EXTRA = {"Zürich", "naïve", "Ölçek", "Москва", "Αθήνα", "北京", "ภาษาไทย", "ﬁnal",
        "O’Neill", "don’t", "“quoted”", "—", "2014", "19-year-old", "U.S.", "$1.5", "e\u0301t\u0301e", "🙂", "x\u00A0y"};
    private static final String[] OPENERS = {"", "", "", "BEIRUT/ERBIL (Reuters) – ", "Aleppo, Syria (AP) - ",
        "WASHINGTON (Reuters) —", "By Angus McDowall and Tom Perry\n\n",
        "A man walks in Al-Qaim, Iraq November 3, 2017.\n\n", "FILE PHOTO: a street.\n\n"};
    private static final String[] CLOSERS = {"", "", "", "\n\n(Reporting by Tom Perry; Editing by Giles Elgood)",
        "\n\n© 2026 Example News", "\n\nOur Standards: The Thomson Reuters Trust Principles.", "\n\n"};

    private static String generated(Random rnd) {
        StringBuilder b = new StringBuilder(OPENERS[rnd.nextInt(OPENERS.length)]);
        int paragraphs = 1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 40 : 12);
        String separator = rnd.nextInt(10) == 0 ? "\n" : rnd.nextInt(10) == 0 ? "\n \n\u00A0\n" : "\n\n";
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) {
                b.append(separator);
            }
            int words = rnd.nextInt(6) == 0 ? 1 + rnd.nextInt(3) : 5 + rnd.nextInt(60);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    b.append(rnd.nextInt(15) == 0 ? ", " : " ");
                }
                String word = rnd.nextInt(12) == 0 ? EXTRA[rnd.nextInt(EXTRA.length)]
                        : WorstCaseInputs.word(rnd.nextInt(rnd.nextInt(3) == 0 ? 40 : 3_000));
                b.append(rnd.nextInt(7) == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            }
            b.append(rnd.nextInt(5) == 0 ? "" : ".");
        }
        return b.append(CLOSERS[rnd.nextInt(CLOSERS.length)]).toString();
    }
}
