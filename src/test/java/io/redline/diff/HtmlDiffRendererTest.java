package io.redline.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.diff.WordChange.Op;
import io.redline.testing.Fixtures;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HtmlDiffRendererTest {
    private static final String SCRIPT = "<script>alert('x')</script>";

    /**
     * Old: 1 intro, 2 "Forces took the town…", 3 quote, 4 background (two sentences), 5 cut, 6 cosmetic.
     * New: 1 intro, 2 quote (moved up), 3 reworded, 4–5 background split, 6 inserted, 7 cosmetic.
     */
    private static final TextDiff DIFF = new TextDiff(0.87,
            new TextDiff.TitleChange("Forces near victory", "Forces <b>claim</b> victory", true, List.of(
                    eq("Forces "), del("near"), ins("<b>claim</b>"), eq(" victory"))),
            new DiffSummary(1, 2, 1, 1, 1, 1, 0, 9, 8),
            List.of(
                    entry(ParagraphOp.UNCHANGED, List.of(0), List.of(0), ChangeClass.NONE, false,
                            "Intro stays.", "Intro stays.", List.of()),
                    entry(ParagraphOp.MOVED, List.of(2), List.of(1), ChangeClass.NONE, false,
                            "A quote from the spokesman.", "A quote from the spokesman.", List.of()),
                    entry(ParagraphOp.MODIFIED, List.of(1), List.of(2), ChangeClass.MINOR, true,
                            "Forces took the town on Friday.", "Forces took a town on Friday.",
                            List.of(eq("Forces took "), del("the"), ins("a"), eq(" town on Friday."))),
                    entry(ParagraphOp.SPLIT, List.of(3), List.of(3, 4), ChangeClass.COSMETIC, true,
                            "Background on the war. It began in 2014.", "Background on the war.\n\nIt began in 2014.",
                            List.of(eq("Background on the war."), del(" "), ins("\n\n"), eq("It began in 2014."))),
                    entry(ParagraphOp.DELETED, List.of(4), List.of(), ChangeClass.SUBSTANTIVE, true,
                            "An old paragraph that was cut.", null, List.of(del("An old paragraph that was cut."))),
                    entry(ParagraphOp.INSERTED, List.of(), List.of(5), ChangeClass.SUBSTANTIVE, true,
                            null, "Breaking: " + SCRIPT + " & more.", List.of(ins("Breaking: " + SCRIPT + " & more."))),
                    entry(ParagraphOp.MODIFIED, List.of(5), List.of(6), ChangeClass.COSMETIC, true,
                            "Cosmetic “quotes” here.", "Cosmetic \"quotes\" here.",
                            List.of(eq("Cosmetic "), del("“quotes”"), ins("\"quotes\""), eq(" here.")))));

    private static WordChange eq(String text) {
        return new WordChange(Op.EQUAL, text);
    }

    private static WordChange del(String text) {
        return new WordChange(Op.DELETE, text);
    }

    private static WordChange ins(String text) {
        return new WordChange(Op.INSERT, text);
    }

    private static ParagraphChange entry(ParagraphOp op, List<Integer> from, List<Integer> to, ChangeClass cls,
                                         boolean modified, String fromText, String toText, List<WordChange> changes) {
        double similarity = cls == ChangeClass.NONE ? 1.0 : cls == ChangeClass.SUBSTANTIVE ? 0.0 : 0.8;
        return new ParagraphChange(op, from.isEmpty() ? null : from.get(0), to.isEmpty() ? null : to.get(0),
                from, to, similarity, cls, modified,
                fromText == null ? null : new Span(0, fromText.length()),
                toText == null ? null : new Span(0, toText.length()), fromText, toText, changes);
    }

    private static final String HTML = HtmlDiffRenderer.render(DIFF, "v1 <draft>", "v2 \"final\"");

    @Test
    void thePageIsWellFormedOnceTheDoctypeIsRemoved() {
        assertThat(HTML).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        assertThat(HTML).endsWith("</html>\n");

        Document page = parse(HTML);

        assertThat(page.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(texts(page, "//head/meta/@charset")).containsExactly("utf-8");
        assertThat(count(page, "//tbody/tr[contains(@class,'entry')]")).isEqualTo(DIFF.paragraphs().size());
    }

    @Test
    void theHeaderShowsBothLabelsTheSimilarityAndTheSummary() {
        Document page = parse(HTML);

        assertThat(text(page, "//h1")).isEqualTo("v1 <draft>→v2 \"final\"");
        assertThat(text(page, "//p[@class='similarity']")).isEqualTo("87% similarity");
        assertThat(texts(page, "//ul[@class='legend']/li")).containsExactly(
                "kept 1", "reworded 3", "moved 1", "added 1", "cut 1", "words +9 −8");
        assertThat(texts(page, "//div[@class='bar']/span/@class"))
                .containsExactly("kept", "reworded", "moved", "added", "cut");
        assertThat(texts(page, "//div[@class='bar']/span/@style")).containsExactly(
                "width:14.286%", "width:42.857%", "width:14.286%", "width:14.286%", "width:14.286%");
    }

    @Test
    void theHeadlineStrikesDeletedWordsAndHighlightsInsertedOnes() {
        Document page = parse(HTML);

        assertThat(text(page, "//section[@class='headline']/p")).isEqualTo("Forces near<b>claim</b> victory");
        assertThat(texts(page, "//section[@class='headline']/p/del")).containsExactly("near");
        assertThat(texts(page, "//section[@class='headline']/p/ins")).containsExactly("<b>claim</b>");
    }

    @Test
    void aRewordedParagraphShowsDeletionsOnTheLeftAndInsertionsOnTheRight() {
        Document page = parse(HTML);

        assertThat(texts(page, "//tr[@id='to-3']/td[@class='old']//del")).containsExactly("the");
        assertThat(count(page, "//tr[@id='to-3']/td[@class='old']//ins")).isZero();
        assertThat(texts(page, "//tr[@id='to-3']/td[@class='new']//ins")).containsExactly("a");
        assertThat(count(page, "//tr[@id='to-3']/td[@class='new']//del")).isZero();
        assertThat(HTML).contains("Forces took <del>the</del> town on Friday.", "Forces took <ins>a</ins> town on Friday.");
    }

    @Test
    void eachSideOfEveryRowReadsAsItsVersionsText() {
        Document page = parse(HTML);

        for (ParagraphChange e : DIFF.paragraphs()) {
            String row = "//tr[contains(@class,'entry')][" + (DIFF.paragraphs().indexOf(e) + 1) + "]";
            assertThat(texts(page, row + "/td[contains(@class,'old')]/div[@class='text']")).as("old side of %s", e.op())
                    .isEqualTo(e.fromText() == null ? List.of() : List.of(e.fromText()));
            assertThat(texts(page, row + "/td[contains(@class,'new')]/div[@class='text']")).as("new side of %s", e.op())
                    .isEqualTo(e.toText() == null ? List.of() : List.of(e.toText()));
        }
    }

    @Test
    void aMovedRowLinksToAMarkerWhereItUsedToBeAndBack() {
        Document page = parse(HTML);

        assertThat(attr(page, "//tr[@id='to-2']", "class")).contains("op-moved");
        assertThat(text(page, "//tr[@id='to-2']/td[@class='change']/a")).isEqualTo("moved from ¶ 3 ↓");
        assertThat(attr(page, "//tr[@id='to-2']/td[@class='change']/a", "href")).isEqualTo("#from-3");
        assertThat(texts(page, "//tbody/tr/@id")).as("rows in order: the marker sits between old ¶ 2 and ¶ 4")
                .containsExactly("to-1", "to-2", "to-3", "from-3", "to-4", "from-5", "to-6", "to-7");
        assertThat(attr(page, "//tr[@id='from-3']", "class")).isEqualTo("ghost");
        assertThat(text(page, "//tr[@id='from-3']/td[@class='old']")).isEqualTo("¶ 3 was here: moved to ¶ 2 ↑");
        assertThat(attr(page, "//tr[@id='from-3']//a", "href")).isEqualTo("#to-2");
    }

    @Test
    void everyInternalLinkHasATargetAndEveryIdIsUnique() {
        Document page = parse(HTML);
        List<String> ids = texts(page, "//@id");

        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).contains("to-1", "to-2", "to-3", "to-4", "to-5", "to-6", "to-7",
                "from-1", "from-2", "from-3", "from-4", "from-5", "from-6");
        for (String href : texts(page, "//a/@href")) {
            assertThat(href).startsWith("#");
            assertThat(ids).contains(href.substring(1));
        }
    }

    @Test
    void insertedRowsHaveAnEmptyLeftCellAndDeletedRowsAnEmptyRightCell() {
        Document page = parse(HTML);

        assertThat(attr(page, "//tr[@id='to-6']/td[2]", "class")).isEqualTo("old empty");
        assertThat(text(page, "//tr[@id='to-6']/td[2]")).isEmpty();
        assertThat(attr(page, "//tr[@id='from-5']/td[3]", "class")).isEqualTo("new empty");
        assertThat(text(page, "//tr[@id='from-5']/td[3]")).isEmpty();
        assertThat(text(page, "//tr[@id='from-5']/td[@class='old']/div")).isEqualTo("An old paragraph that was cut.");
        assertThat(texts(page, "//tr[@id='to-6']//span[contains(@class,'badge op-')]")).containsExactly("added");
        assertThat(texts(page, "//tr[@id='from-5']//span[contains(@class,'badge op-')]")).containsExactly("cut");
    }

    /** The editors' vocabulary, the same as the page's: no API constant (UNCHANGED, MODIFIED, DELETED) shows. */
    @Test
    void everyChangeIsNamedInTheEditorsWords() {
        Document page = parse(HTML);
        assertThat(texts(page, "//span[contains(@class,'badge op-')]"))
                .isSubsetOf("kept", "reworded", "moved", "added", "cut", "split", "merged", "moved away");
        assertThat(text(page, "/html/body")).doesNotContainIgnoringCase("unchanged").doesNotContainIgnoringCase("modified")
                .doesNotContainIgnoringCase("deleted").doesNotContainIgnoringCase("inserted").doesNotContain("similar ");
    }

    @Test
    void eachRowShowsItsOpClassAndOneBasedParagraphNumbers() {
        Document page = parse(HTML);

        assertThat(texts(page, "//tr[@id='to-1']//span[contains(@class,'badge')]")).containsExactly("kept", "identical");
        assertThat(texts(page, "//tr[@id='to-3']//span[contains(@class,'badge')]")).containsExactly("reworded", "minor");
        assertThat(text(page, "//tr[@id='to-3']//span[@class='sim']")).isEqualTo("80% similarity");
        assertThat(texts(page, "//tr[@id='to-4']//span[contains(@class,'badge')]")).containsExactly("split", "cosmetic");
        assertThat(text(page, "//tr[@id='to-4']/td[@class='old']/span[@class='num']")).isEqualTo("¶ 4");
        assertThat(text(page, "//tr[@id='to-4']/td[@class='new']/span[@class='num']")).isEqualTo("¶ 4, 5");
        assertThat(texts(page, "//tr[@id='to-4']//span[@class='num']/span/@id")).containsExactly("from-4", "to-5");
    }

    @Test
    void cosmeticRowsAreDimmed() {
        Document page = parse(HTML);

        assertThat(attr(page, "//tr[@id='to-7']", "class")).isEqualTo("entry op-modified cls-cosmetic");
        assertThat(HTML).contains("tr.cls-cosmetic td{opacity:.55}");
    }

    @Test
    void allTextIsEscapedSoScriptInAnArticleStaysText() {
        assertThat(HTML.toLowerCase()).doesNotContain("<script", "<b>claim", "<draft>");
        assertThat(HTML).contains("Breaking: &lt;script&gt;alert('x')&lt;/script&gt; &amp; more.");
        assertThat(HTML).contains("&lt;b&gt;claim&lt;/b&gt;", "v1 &lt;draft&gt;", "v2 &quot;final&quot;");
        assertThat(HTML).contains("Cosmetic <del>&ldquo;quotes&rdquo;</del> here.");
    }

    @Test
    void thePageIsSelfContained() {
        assertThat(HTML).doesNotContain("http://", "https://", "src=", "url(", "@import", "<link");
        assertThat(HTML).contains("<style>", "@media (max-width:700px)");
    }

    @Test
    void anUnchangedHeadlineIsShownOnceAndANullOneLeavesNoSection() {
        TextDiff same = new TextDiff(1.0, new TextDiff.TitleChange("Same", "Same", false, List.of()),
                new DiffSummary(1, 0, 0, 0, 0, 0, 0, 0, 0), DIFF.paragraphs().subList(0, 1));
        TextDiff untitled = new TextDiff(1.0, null, same.summary(), same.paragraphs());

        Document page = parse(HtmlDiffRenderer.render(same, "a", "b"));

        assertThat(texts(page, "//section[@class='headline']/p")).containsExactly("Same", "kept");
        assertThat(count(parse(HtmlDiffRenderer.render(untitled, "a", "b")), "//section")).isZero();
    }

    @Test
    void aDiffWithNoParagraphsStillRendersAWellFormedPage() {
        TextDiff empty = new TextDiff(1.0, new TextDiff.TitleChange("", "", false, List.of()),
                new DiffSummary(0, 0, 0, 0, 0, 0, 0, 0, 0), List.of());

        Document page = parse(HtmlDiffRenderer.render(empty, "a", "b"));

        assertThat(count(page, "//tbody/tr")).isZero();
        assertThat(count(page, "//div[@class='bar']/span")).isZero();
    }

    @Test
    void nullArgumentsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> HtmlDiffRenderer.render(null, "a", "b"))
                .isInstanceOf(NullPointerException.class).hasMessage("diff must not be null");
        assertThatThrownBy(() -> HtmlDiffRenderer.render(DIFF, "a", null))
                .isInstanceOf(NullPointerException.class).hasMessage("to label must not be null");
    }

    private static final Path SEED_PAGE = Path.of("target/diff-seed-07-08.html");

    /** The real engine on the seed pair; the page is left in target/ for a reviewer to open. */
    private static String renderSeedPage() throws IOException {
        JsonNode from = Fixtures.seed("seed-07");
        JsonNode to = Fixtures.seed("seed-08");
        TextDiff diff = ParagraphDiffer.diff(from.get("title").asText(), from.get("body").asText(),
                to.get("title").asText(), to.get("body").asText());
        String html = HtmlDiffRenderer.render(diff, "seed-07", "seed-08");
        Files.createDirectories(SEED_PAGE.getParent());
        Files.writeString(SEED_PAGE, html, StandardCharsets.UTF_8);
        return html;
    }

    @Test
    void theSeedPairRendersAsANavigablePageWithEveryParagraphOnItsSide() throws IOException {
        JsonNode from = Fixtures.seed("seed-07");
        JsonNode to = Fixtures.seed("seed-08");
        TextDiff diff = ParagraphDiffer.diff(from.get("title").asText(), from.get("body").asText(),
                to.get("title").asText(), to.get("body").asText());

        String html = renderSeedPage();
        Document page = parse(html);

        assertThat(html).doesNotContain("http://", "https://", "<script", "src=");
        assertThat(count(page, "//tr[contains(@class,'entry')]")).isEqualTo(diff.paragraphs().size());
        assertThat(count(page, "//del")).isPositive();
        assertThat(count(page, "//ins")).isPositive();
        List<String> ids = texts(page, "//@id");
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        for (ParagraphChange e : diff.paragraphs()) {
            e.fromIndexes().forEach(i -> assertThat(ids).contains("from-" + (i + 1)));
            e.toIndexes().forEach(i -> assertThat(ids).contains("to-" + (i + 1)));
        }
        for (String href : texts(page, "//a/@href")) {
            assertThat(ids).contains(href.substring(1));
        }
        for (int row = 1; row <= diff.paragraphs().size(); row++) {
            ParagraphChange e = diff.paragraphs().get(row - 1);
            String xpath = "//tr[contains(@class,'entry')][" + row + "]/td[contains(@class,'%s')]/div[@class='text']";
            assertThat(texts(page, xpath.formatted("old"))).as("old side of row %d", row)
                    .isEqualTo(e.fromText() == null ? List.of() : List.of(e.fromText()));
            assertThat(texts(page, xpath.formatted("new"))).as("new side of row %d", row)
                    .isEqualTo(e.toText() == null ? List.of() : List.of(e.toText()));
        }
    }

    @Test
    void theSeedPageRendersToPngWithHeadlessChromium() throws Exception {
        Optional<Path> chromium = onPath("chromium", "chromium-browser");
        assumeTrue(chromium.isPresent(), "headless chromium is not installed");
        renderSeedPage();
        screenshot(chromium.get(), 1280, "target/diff-seed-07-08.png");
        screenshot(chromium.get(), 390, "target/diff-seed-07-08-phone.png");
    }

    private static void screenshot(Path chromium, int width, String png) throws Exception {
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                "--hide-scrollbars", "--window-size=" + width + ",6000", "--screenshot=" + Path.of(png).toAbsolutePath(),
                SEED_PAGE.toAbsolutePath().toUri().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(Path.of(png)).isNotEmptyFile();
    }

    private static Optional<Path> onPath(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    // --- reading the page back as XML

    private static final Pattern NAMED_ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]*);");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    /** Drops the doctype and turns HTML 4 named entities into numeric ones, which XML knows without a DTD. */
    static Document parse(String html) {
        String xml = html.replaceFirst("^<!DOCTYPE html>\n", "");
        Matcher m = NAMED_ENTITY.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group();
            String decoded = StringEscapeUtils.unescapeHtml4(entity);
            String replacement = XML_ENTITIES.contains(m.group(1)) || decoded.equals(entity)
                    ? entity : "&#" + decoded.codePointAt(0) + ";";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(out.toString())));
        } catch (Exception e) {
            throw new AssertionError("the page is not well-formed: " + e.getMessage(), e);
        }
    }

    private static NodeList nodes(Document page, String xpath) {
        try {
            return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.NODESET);
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    private static List<String> texts(Document page, String xpath) {
        NodeList found = nodes(page, xpath);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            texts.add(found.item(i).getTextContent());
        }
        return texts;
    }

    private static String text(Document page, String xpath) {
        List<String> texts = texts(page, xpath);
        assertThat(texts).as("nodes at %s", xpath).hasSize(1);
        return texts.get(0);
    }

    private static String attr(Document page, String xpath, String name) {
        NodeList found = nodes(page, xpath);
        assertThat(found.getLength()).as("nodes at %s", xpath).isEqualTo(1);
        return ((Element) found.item(0)).getAttribute(name);
    }

    private static int count(Document page, String xpath) {
        return nodes(page, xpath).getLength();
    }
}
