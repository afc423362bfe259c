package io.redline.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Generates hostile and unusual requests for every endpoint, deterministically from a seed: truncated and
 * malformed JSON, wrong types, invalid UTF-8, control, zero-width and right-to-left characters, emoji, a 5 MB
 * word, 100,000 one-word paragraphs, only punctuation or white space, duplicate ids in one bulk request, odd
 * ids, huge and negative numbers, gzip bombs and corrupt gzip.
 */
public final class HostileRequests {
    /** One request: method, path (already encoded), body bytes or null, and header name/value pairs. */
    public record Probe(String kind, String method, String path, byte[] body, String... headers) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
            return kind + " " + method + " " + path + (body == null ? "" : " (" + body.length + " bytes) " + shown);
        }
    }

    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String[] WEIRD = {"\u0001", "\u0007", "\u001b[31m", "\u200b", "\u200d", "\ufeff", "\u202e", "\u202b",
            "\u2066", "🎉", "👩‍👩‍👧", "é", "e\u0301", "\u00a0", "\u2028", "\ud83d\ude00", "\t", "\r", "\\", "\"", "<script>",
            "&amp;", "%00", "'; DROP TABLE article; --"};
    private static final String[] ODD_IDS = {"..", "%2e%2e", "%2F", "a%2Fb", "%00", "%ff", "%E2%80%AE", "bulk", "%20",
            "x".repeat(300), "%F0%9F%8E%89", "a;b", "a%3Bb", "seed-01%0A", "~", "-1", "9".repeat(40), "%C0%AF", "a:1"};
    private static final String[] NUMBERS = {"-1", "0", "1", "2147483648", "-2147483649", "99999999999999999999", "1e9",
            "NaN", "0x10", "", "%20", "1.5", "-0", "007", "%00"};
    private static final String[] ARTICLE_FIELDS = {"id", "title", "body", "publishedAt", "url", "source"};
    private static final String[] WRONG_VALUES = {"123", "-1e308", "1e999", "true", "false", "null", "[]", "[\"x\"]", "{}",
            "{\"a\": 1}", "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "-9223372036854775809", "0.0000001"};

    private final Random random;
    private final List<String> storedIds;
    private int counter;

    public HostileRequests(long seed, List<String> storedIds) {
        this.random = new Random(seed);
        this.storedIds = List.copyOf(storedIds);
    }

    /** {@code count} probes, the big payloads (5 MB word, 100,000 paragraphs, gzip bomb) among them once each. */
    public List<Probe> generate(int count) {
        List<Probe> out = new ArrayList<>(big());
        List<Supplier<Probe>> kinds = List.of(this::truncated, this::malformed, this::wrongType, this::invalidUtf8,
                this::weirdText, this::onlyPunctuationOrSpace, this::bulk, this::oddId, this::numbers, this::wrongContentType,
                this::corruptGzip, this::weirdDiff);
        while (out.size() < count) {
            out.add(kinds.get(random.nextInt(kinds.size())).get());
        }
        return out;
    }

    private List<Probe> big() {
        String word = "w".repeat(5 << 20);
        String paragraphs = "word\n\n".repeat(100_000);
        byte[] bombArticle = gzip("{\"id\": \"bomb\", \"body\": \"", ' ', 64 << 20, "\"}");
        byte[] bombBulk = gzip("{\"id\": \"bomb\", \"body\": \"", 'a', 64 << 20, "\"}\n");
        List<Probe> out = new ArrayList<>();
        out.add(new Probe("5 MB word", "POST", "/articles", json("{\"id\": \"big-word\", \"body\": \"" + word + "\"}"), "Content-Type", JSON));
        out.add(new Probe("5 MB word", "POST", "/check", json("{\"body\": \"" + word + "\"}"), "Content-Type", JSON));
        out.add(new Probe("5 MB word", "POST", "/articles/bulk", json("{\"id\": \"big-word\", \"body\": \"" + word + "\"}\n"),
                "Content-Type", NDJSON));
        String escaped = paragraphs.replace("\n", "\\n");
        out.add(new Probe("100,000 paragraphs", "POST", "/articles", json("{\"id\": \"many\", \"body\": \"" + escaped + "\"}"), "Content-Type", JSON));
        out.add(new Probe("100,000 paragraphs", "POST", "/check", json("{\"body\": \"" + escaped + "\"}"), "Content-Type", JSON));
        out.add(new Probe("100,000 paragraphs", "POST", "/diff", json("{\"from\": {\"body\": \"" + escaped + "\"}, \"to\": {\"body\": \""
                + escaped.substring(6) + "\"}}"), "Content-Type", JSON));
        out.add(new Probe("100,000 paragraphs", "POST", "/articles/bulk", json("{\"id\": \"many\", \"body\": \"" + escaped + "\"}\n"),
                "Content-Type", NDJSON));
        out.add(new Probe("gzip bomb", "POST", "/articles", bombArticle, "Content-Type", JSON, "Content-Encoding", "gzip"));
        out.add(new Probe("gzip bomb", "POST", "/check", bombArticle, "Content-Type", JSON, "Content-Encoding", "gzip"));
        out.add(new Probe("gzip bomb", "POST", "/articles/bulk", bombBulk, "Content-Type", NDJSON, "Content-Encoding", "gzip"));
        out.add(new Probe("deep nesting", "POST", "/check", json("[".repeat(200_000)), "Content-Type", JSON));
        out.add(new Probe("deep nesting", "POST", "/subscriptions", json("[".repeat(200_000)), "Content-Type", JSON));
        out.add(new Probe("5 MB word", "POST", "/subscriptions", json("{\"url\": \"https://example.org/" + word + "\"}"),
                "Content-Type", JSON));
        out.add(new Probe("long number", "POST", "/articles", json("{\"id\": \"n\", \"body\": \"x\", \"publishedAt\": 1"
                + "0".repeat(100_000) + "}"), "Content-Type", JSON));
        // a check may say when its text was published: the same rules as an article's
        out.add(new Probe("date out of range", "POST", "/check", json("{\"body\": \"x\", \"publishedAt\": "
                + "\"1700-01-01T00:00:00Z\"}"), "Content-Type", JSON));
        out.add(new Probe("date not a date", "POST", "/check", json("{\"body\": \"x\", \"publishedAt\": 1e300}"),
                "Content-Type", JSON));
        return out;
    }

    private Probe truncated() {
        byte[] full = json(article(nextId(), story()));
        int cut = random.nextInt(full.length);
        String[] paths = {"/articles", "/check", "/diff", "/articles/bulk"};
        String path = paths[random.nextInt(paths.length)];
        return new Probe("truncated", "POST", path, java.util.Arrays.copyOf(full, cut),
                "Content-Type", path.endsWith("bulk") ? NDJSON : JSON);
    }

    private Probe malformed() {
        String[] bodies = {"", "null", "[]", "\"text\"", "{", "}", "{\"id\"}", "{\"id\": }", "{'id': 'x'}", "{\"id\": \"x\",}",
                "{\"id\": \"x\" \"body\": \"y\"}", "{\"body\": \"x\"}{\"body\": \"y\"}", "{\"id\": \"x\", \"body\": \"y\", \"body\": \"z\"}",
                "\u0000", "{\"body\": \"unterminated", "{\"from\": 1, \"to\": 2}", "{\"from\": {}, \"to\": {}}", "{\"from\": null}",
                "[{\"body\": \"x\"}]", "{\"body\": \"x\"} trailing"};
        String[] paths = {"/articles", "/check", "/diff", "/subscriptions"};
        return new Probe("malformed", "POST", paths[random.nextInt(paths.length)],
                json(bodies[random.nextInt(bodies.length)]), "Content-Type", JSON);
    }

    private Probe wrongType() {
        String field = ARTICLE_FIELDS[random.nextInt(ARTICLE_FIELDS.length)];
        String value = WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
        StringBuilder b = new StringBuilder("{");
        for (String f : ARTICLE_FIELDS) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append('"').append(f).append("\": ");
            if (f.equals(field)) {
                b.append(value);
            } else {
                b.append(switch (f) {
                    case "id" -> "\"" + nextId() + "\"";
                    case "body" -> quote(story());
                    case "publishedAt" -> "\"2024-03-01T10:00:00Z\"";
                    default -> "\"x\"";
                });
            }
        }
        b.append('}');
        boolean check = random.nextInt(4) == 0;
        return new Probe("wrong type " + field, "POST", check ? "/check" : "/articles", json(b.toString()), "Content-Type", JSON);
    }

    private Probe invalidUtf8() {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
        byte[] good = json(article(nextId(), story()));
        int at = good.length / 2;
        byte[] insert = bad[random.nextInt(bad.length)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(good, 0, at);
        out.writeBytes(insert);
        out.write(good, at, good.length - at);
        String[] paths = {"/articles", "/check", "/articles/bulk"};
        String path = paths[random.nextInt(paths.length)];
        return new Probe("invalid UTF-8", "POST", path, out.toByteArray(), "Content-Type", path.endsWith("bulk") ? NDJSON : JSON);
    }

    private Probe weirdText() {
        StringBuilder body = new StringBuilder();
        for (String word : story().split(" ")) {
            body.append(word).append(random.nextInt(3) == 0 ? WEIRD[random.nextInt(WEIRD.length)] : "").append(' ');
        }
        String id = random.nextInt(3) == 0 ? nextId() + WEIRD[random.nextInt(WEIRD.length)] : nextId();
        String title = WEIRD[random.nextInt(WEIRD.length)] + " headline";
        String json = "{\"id\": " + quote(id) + ", \"title\": " + quote(title) + ", \"body\": " + quote(body.toString()) + "}";
        return new Probe("weird characters", "POST", random.nextBoolean() ? "/articles" : "/check", json(json), "Content-Type", JSON);
    }

    private Probe onlyPunctuationOrSpace() {
        String[] bodies = {"!!! ??? ... --- ,,,", " \n\n \t \u00a0 \u2003 ", "\n\n\n\n", "—", "........", "🎉🎉🎉", "\u200b\u200b"};
        String body = bodies[random.nextInt(bodies.length)];
        return new Probe("only punctuation or space", "POST", random.nextBoolean() ? "/articles" : "/check",
                json(article(nextId(), body)), "Content-Type", JSON);
    }

    private Probe bulk() {
        StringBuilder ndjson = new StringBuilder();
        String shared = nextId();
        int lines = 1 + random.nextInt(8);
        for (int i = 0; i < lines; i++) {
            switch (random.nextInt(5)) {
                case 0 -> ndjson.append(article(shared, story())).append('\n');
                case 1 -> ndjson.append(article(nextId(), story())).append('\n');
                case 2 -> ndjson.append("{\"id\": \"").append(shared).append("\", \"body\": 12}\n");
                case 3 -> ndjson.append("{broken\n");
                default -> ndjson.append("\n");
            }
        }
        return new Probe("bulk with duplicate ids and bad lines", "POST", "/articles/bulk", json(ndjson.toString()),
                "Content-Type", NDJSON);
    }

    private Probe oddId() {
        String id = random.nextInt(4) == 0 && !storedIds.isEmpty() ? storedIds.get(random.nextInt(storedIds.size()))
                : ODD_IDS[random.nextInt(ODD_IDS.length)];
        String other = ODD_IDS[random.nextInt(ODD_IDS.length)];
        String[] paths = {"/articles/" + id, "/articles/" + id + "/versions", "/articles/" + id + "/similar/" + other,
                "/diff?from=" + id + "&to=" + other, "/stories/" + id, "/stories/" + id + "/timeline",
                "/stories/" + id + "/blame", "/stories/" + id + "/diff", "/stories/" + id + "/feed", "/subscriptions/" + id};
        String path = paths[random.nextInt(paths.length)];
        boolean delete = path.matches("/(articles|subscriptions)/[^/]*") && !storedIds.contains(id) && random.nextBoolean();
        return new Probe("odd id", delete ? "DELETE" : "GET", path, null);
    }

    private Probe numbers() {
        String n = NUMBERS[random.nextInt(NUMBERS.length)];
        String m = NUMBERS[random.nextInt(NUMBERS.length)];
        String stored = storedIds.isEmpty() ? "x" : storedIds.get(random.nextInt(storedIds.size()));
        String[] paths = {"/stories?page=" + n + "&size=" + m, "/stories?size=" + n, "/stories/" + n,
                "/stories/1/diff?from=" + n + "&to=" + m, "/stories/1/blame?version=" + n, "/stories/" + n + "/timeline",
                "/diff?from=" + stored + "&to=" + stored + "&fromVersion=" + n + "&toVersion=" + m,
                "/stories/1/timeline?format=" + n, "/diff?from=" + stored + "&to=" + stored + "&format=" + m,
                "/feed?limit=" + n, "/feed?relation=" + m, "/stories/" + n + "/feed?limit=" + m};
        return new Probe("numbers", "GET", paths[random.nextInt(paths.length)], null);
    }

    private Probe wrongContentType() {
        String[] types = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
                "application/json; charset=latin1", "", "*/*", "application/json-patch+json"};
        String[] paths = {"/articles", "/check", "/diff", "/articles/bulk", "/subscriptions"};
        String type = types[random.nextInt(types.length)];
        byte[] body = json(article(nextId(), story()));
        return type.isEmpty() ? new Probe("no content type", "POST", paths[random.nextInt(paths.length)], body)
                : new Probe("content type " + type, "POST", paths[random.nextInt(paths.length)], body, "Content-Type", type);
    }

    private Probe corruptGzip() {
        byte[] zipped = gzip(article(nextId(), story()), ' ', 0, "");
        zipped[zipped.length / 2] ^= 0x5a;
        String[] paths = {"/articles", "/check", "/articles/bulk"};
        String path = paths[random.nextInt(paths.length)];
        return new Probe("corrupt gzip", "POST", path, zipped, "Content-Type", path.endsWith("bulk") ? NDJSON : JSON,
                "Content-Encoding", "gzip");
    }

    private Probe weirdDiff() {
        String a = story();
        String b = random.nextBoolean() ? a : story();
        String[] shapes = {
                "{\"from\": {\"body\": " + quote(a) + "}, \"to\": {\"body\": " + quote(b) + "}}",
                "{\"from\": {\"body\": " + quote(a) + "}}",
                "{\"from\": {\"body\": \"\"}, \"to\": {\"body\": " + quote(b) + "}}",
                "{\"from\": {\"title\": 5, \"body\": " + quote(a) + "}, \"to\": {\"body\": " + quote(b) + "}}",
                "{\"from\": {\"body\": " + quote("x\n\n".repeat(3000)) + "}, \"to\": {\"body\": " + quote("x\n\ny\n\n".repeat(1500)) + "}}"};
        return new Probe("diff", "POST", "/diff" + (random.nextBoolean() ? "?format=html" : "?format=unified"),
                json(shapes[random.nextInt(shapes.length)]), "Content-Type", JSON);
    }

    private String nextId() {
        return "hostile-" + (++counter);
    }

    private String story() {
        String[] words = {"council", "vote", "bridge", "river", "flood", "minister", "election", "market", "shares",
                "rescue", "fire", "storm", "court", "ruling", "police", "said", "on", "Tuesday", "the", "of"};
        StringBuilder b = new StringBuilder();
        int n = 8 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            b.append(words[random.nextInt(words.length)]).append(i % 12 == 11 ? ".\n\n" : " ");
        }
        return b.toString().strip();
    }

    private static String article(String id, String body) {
        return "{\"id\": " + quote(id) + ", \"title\": \"t\", \"body\": " + quote(body) + "}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code head}, then {@code count} times {@code fill}, then {@code tail}, gzipped. */
    private static byte[] gzip(String head, char fill, int count, String tail) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(json(head));
            byte[] block = String.valueOf(fill).repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
            for (int written = 0; written < count; written += block.length) {
                gz.write(block);
            }
            gz.write(json(tail));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
