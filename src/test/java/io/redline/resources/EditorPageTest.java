package io.redline.resources;

import io.redline.store.ArticleStore;
import io.redline.store.Lineage;
import io.redline.testing.Browser;
import io.redline.testing.Fixtures;
import io.redline.testing.Page;
import io.redline.testing.RunningRedline;
import io.redline.testing.StoryRows;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' page in a real headless Chromium against the real service with the seed articles loaded:
 * check a text, read a diff, follow a story, see errors in words, and fit a phone screen.
 */
class EditorPageTest {
    private static TestDatabase database;
    private static RunningRedline redline;
    private static Browser browser;
    private static WebDriver driver;
    private static WebDriverWait wait;
    private static Page page;

    @BeforeAll
    static void start() {
        database = TestDatabase.h2();
        redline = new RunningRedline(database);
        redline.post("/articles/bulk", "application/x-ndjson", Fixtures.seedsNdjson());
        browser = Browser.start(1280, 1000);
        driver = browser.driver();
        page = new Page(redline, browser);
        wait = page.waiting();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (redline != null) {
            redline.close();
        }
    }

    /** The page's Content-Security-Policy allows no inline style or script: no view may need one. */
    @AfterEach
    void nothingBrokeTheContentSecurityPolicy() {
        assertThat(browser.console()).noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void aLightlyEditedSeedIsFoundAsARevisionOfItsStoryWithTheSharedPassagesHighlighted() {
        String title = Fixtures.seed("seed-08").get("title").asText();
        String body = Fixtures.seed("seed-08").get("body").asText()
                .replace("all but reduced on Friday", "nearly reduced on Friday")
                .replace("forces declared victory in Deir al-Zor", "forces claimed victory in Deir al-Zor");
        int storyOfSeed08 = redline.get("/articles/seed-08").json().get("storyId").asInt();

        page.open("/#/check");
        page.find("check-title").sendKeys(title);
        page.setValue(page.find("check-body"), body);
        page.find("check-submit").click();

        WebElement verdict = page.waitFor("verdict");
        assertThat(verdict.getText()).isIn("REVISION", "DUPLICATE");
        WebElement top = page.all("match").get(0);
        assertThat(top.getAttribute("data-story")).isEqualTo(String.valueOf(storyOfSeed08));
        // the editor's question first; the technical figures behind a disclosure
        assertThat(top.findElement(By.cssSelector("[data-testid=match-answer]")).getText()).matches("\\d+% of your text is in seed-08; \\d+% of seed-08 is in yours");
        assertThat(top.findElement(By.cssSelector("[data-testid=match-jaccard]")).isDisplayed()).isFalse();
        top.findElement(By.cssSelector("[data-testid=match-figures] summary")).click();
        assertThat(top.findElement(By.cssSelector("[data-testid=match-jaccard]")).getText()).matches("\\d+%");
        assertThat(top.findElement(By.cssSelector("[data-testid=match-containment]")).getText()).matches("\\d+%");
        // the relation says what it rests on: two reworded paragraphs, words changed and no fact
        assertThat(top.findElement(By.cssSelector("[data-testid=match-reason]")).getText())
                .startsWith("Why: ").contains("(in 2 reworded paragraphs: ").endsWith("and 0 fact changes)");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=shared-theirs] mark.shared")));
        assertThat(driver.findElements(By.cssSelector("[data-testid=shared-mine] mark.shared"))).hasSizeGreaterThan(10);
        assertThat(driver.findElements(By.cssSelector("[data-testid=shared-theirs] mark.shared"))).hasSizeGreaterThan(10);
        // down to the sentences of mine that appear in theirs, and theirs in mine
        assertThat(driver.findElements(By.cssSelector("[data-testid=shared-mine] [data-testid=shared-sentence]")))
                .hasSizeGreaterThan(20);
        assertThat(driver.findElements(By.cssSelector("[data-testid=shared-theirs] [data-testid=shared-sentence]")))
                .hasSizeGreaterThan(20);
        page.scrollTo(verdict);
        browser.screenshot("check-result");

        // one click diffs the pasted text against the match: only the two edited paragraphs are reworded
        top.findElement(By.cssSelector("[data-testid=match-diff]")).click();
        page.waitFor("diff-summary");
        assertThat(driver.findElements(By.cssSelector("[data-testid=diff-para][data-op=MODIFIED]"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("[data-testid=diff] del"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("[data-testid=diff] ins"))).isNotEmpty();
    }

    @Test
    void theDiffOfTwoSeedsMarksMovedAndRewordedParagraphsAndItsLinkReopensIt() {
        page.open("/#/diff?from=seed-07&to=seed-08");
        page.waitFor("diff-summary");
        assertThat(page.find("summary-moved").getText()).startsWith("2");
        List<WebElement> moved = driver.findElements(By.cssSelector("[data-testid=diff-para][data-op=MOVED]"));
        assertThat(moved).hasSize(2);
        assertThat(moved.get(0).findElement(By.cssSelector("[data-testid=moved-link]")).getText()).contains("was ¶");
        assertThat(driver.findElements(By.cssSelector("[data-testid=moved-from-place]"))).hasSize(2);
        List<WebElement> reworded = driver.findElements(By.cssSelector("[data-testid=diff-para][data-op=MODIFIED]"));
        assertThat(reworded).isNotEmpty();
        assertThat(reworded.get(0).findElements(By.cssSelector("[data-testid=old-text] del"))).isNotEmpty();
        assertThat(reworded.get(0).findElements(By.cssSelector("[data-testid=new-text] ins"))).isNotEmpty();
        assertThat(reworded.get(0).findElements(By.cssSelector("[data-testid=new-text] del"))).isEmpty();
        browser.screenshot("diff");

        page.find("diff-toggle").click();
        wait.until(d -> "inline".equals(page.find("diff").getAttribute("data-mode")));
        assertThat(driver.findElements(By.cssSelector("[data-testid=inline-text]"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("[data-testid=old-text]"))).isEmpty();

        page.find("diff-copy-link").click();
        String link = page.find("diff-link").getAttribute("value");
        // the link keeps the inline choice
        assertThat(link).endsWith("/#/diff?from=seed-07&to=seed-08&view=inline");
        driver.get("about:blank");
        driver.get(link);
        page.waitFor("diff-summary");
        assertThat(driver.findElements(By.cssSelector("[data-testid=diff-para][data-op=MOVED]"))).hasSize(2);
        assertThat(page.find("diff-title").getText()).contains("Islamic State on verge of defeat");
        assertThat(page.find("diff").getAttribute("data-mode")).isEqualTo("inline");
    }

    @Test
    void aStoryFoundByHeadlineShowsItsTimelineChartBlameAndStepDiffs() {
        page.open("/#/stories");
        page.waitFor("stories");
        page.find("stories-search").sendKeys("caliphate");
        page.find("stories-submit").click();
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=story-link]")).size() == 1);
        page.find("story-link").click();

        page.waitFor("timeline");
        assertThat(page.all("timeline-step")).hasSize(2);
        assertThat(page.find("headline-change").getText()).contains("Headline changed");
        assertThat(driver.findElements(By.cssSelector("[data-testid=timeline-chart] [data-testid=chart-bar]"))).hasSize(3);
        browser.screenshot("timeline");
        // the blame is drawn once its own answer arrives, after the time line
        page.find("blame-sentence");
        assertThat(driver.findElements(By.cssSelector("[data-testid=blame-sentence][data-step='2']"))).isNotEmpty();

        page.find("step-diff").click();
        page.waitFor("diff-summary");
        assertThat(driver.getCurrentUrl()).contains("#/stories/").contains("/diff?from=1&to=2");
        assertThat(driver.findElements(By.cssSelector("[data-testid=diff-para][data-op=MOVED]"))).hasSize(2);
    }

    /**
     * A story of 62 versions: an article updated 45 times, a revision of its 5th version updated 14 times, an
     * excerpt and a duplicate; and a new story reusing its 10th version's text. The tree keeps each article's
     * updates in one column and indents only the branches.
     */
    @Test
    void aStoryOfManyVersionsDrawsItsLineageAsAShallowTreeAndATemplateSaysWhatItReuses() {
        ArticleStore store = new ArticleStore(database.migratedJdbi());
        long minute = 60_000;
        long t0 = 1_700_000_000_000L;
        long story = StoryRows.save(store, StoryRows.row("main", 1, "Levee breaks", body(1), t0, Lineage.NONE), 0);
        for (int v = 2; v <= 45; v++) {
            StoryRows.save(store, StoryRows.row("main", v, "Levee breaks", body(v), t0 + v * minute,
                    new Lineage("main", v - 1, Lineage.UPDATE)), story);
        }
        StoryRows.save(store, StoryRows.row("branch", 1, "Levee: the wire", body(5) + "\n\nFrom the wire.",
                t0 + 7 * minute + 1, new Lineage("main", 5, Lineage.REVISION)), story);
        for (int v = 2; v <= 15; v++) {
            StoryRows.save(store, StoryRows.row("branch", v, "Levee: the wire", body(5) + "\n\nWire update " + v + ".",
                    t0 + (7 + 3 * v) * minute + 1, new Lineage("branch", v - 1, Lineage.UPDATE)), story);
        }
        StoryRows.save(store, StoryRows.row("quote", 1, "In brief", "Update 20 of the levee story.",
                t0 + 21 * minute + 2, new Lineage("main", 20, Lineage.EXCERPT)), story);
        StoryRows.save(store, StoryRows.row("copy", 1, "Levee: the wire", body(5) + "\n\nWire update 3.",
                t0 + 30 * minute + 2, new Lineage("branch", 3, Lineage.DUPLICATE)), story);
        long other = StoryRows.save(store, StoryRows.row("tmpl", 1, "Another levee", body(10).replace("levee", "dam"),
                t0 + 50 * minute, new Lineage("main", 10, Lineage.TEMPLATE)), 0);

        page.open("/#/stories/" + story);
        page.waitFor("lineage");
        assertThat(page.all("lineage-node")).hasSize(62);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Number deepest = (Number) js.executeScript("return Math.max(...[...document.querySelectorAll("
                + "'[data-testid=lineage-node]')].map(n => { let d = 0; for (let e = n.closest('ul.tree'); e; e = e.parentElement.closest('ul.tree')) d++; return d; }));");
        assertThat(deepest.intValue()).as("nesting of the deepest node").isEqualTo(3);
        // the revision hangs under the version it revises, labelled with its relation and its parent
        WebElement revision = driver.findElement(By.cssSelector("[data-testid=lineage-node][data-relation=REVISION]"));
        assertThat(revision.getAttribute("data-parent")).isEqualTo("5");
        WebElement parent = revision.findElement(By.xpath("ancestor::li[@data-testid='lineage-node'][1]"));
        assertThat(parent.getAttribute("data-step")).isEqualTo("5");
        assertThat(revision.findElement(By.cssSelector("[data-testid=lineage-relation]")).getText()).isEqualTo("REVISION");
        assertThat(revision.getText()).contains("of step 5");
        assertThat(driver.findElements(By.cssSelector("[data-testid=lineage-node][data-relation=EXCERPT]"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("[data-testid=lineage-node][data-relation=DUPLICATE]"))).hasSize(1);
        assertThat(js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
        page.scrollTo(page.find("lineage"));
        browser.screenshot("lineage-tree");

        page.open("/#/stories/" + other);
        WebElement reuses = page.waitFor("lineage-reuses");
        assertThat(reuses.getText()).isEqualTo("TEMPLATE reuses the text of main v10 (story " + story + ")");
        assertThat(reuses.findElement(By.cssSelector("[data-testid=lineage-story]")).getAttribute("href"))
                .endsWith("#/stories/" + story);
    }

    /** The service does not classify EXCERPT and TEMPLATE yet: the page is shown such an answer to /check. */
    @Test
    void excerptAndTemplateMatchesGetReadableBadgesAndATemplateIsNotOfferedAsTheSameStory() {
        int storyOfSeed08 = redline.get("/articles/seed-08").json().get("storyId").asInt();
        page.open("/#/check");
        page.waitFor("check-form");
        String match = "{\"id\":\"%s\",\"storyId\":%d,\"title\":\"t\",\"classification\":\"%s\",\"jaccard\":0.4,"
                + "\"containment\":0.9,\"matchContainment\":0.5,\"paragraphCoverage\":0.8,\"sharedParagraphs\":[]}";
        String answer = "{\"classification\":\"TEMPLATE\",\"matches\":[" + match.formatted("seed-08", storyOfSeed08, "TEMPLATE")
                + "," + match.formatted("seed-07", storyOfSeed08, "EXCERPT") + "]}";
        ((JavascriptExecutor) driver).executeScript("const answer = arguments[0]; const real = window.fetch;"
                + "window.fetch = (path, init) => path === '/check' ? Promise.resolve(new Response(answer,"
                + "{status: 200, headers: {'Content-Type': 'application/json'}})) : real(path, init);", answer);
        page.setValue(page.find("check-body"), "Some text");
        page.find("check-submit").click();

        assertThat(page.waitFor("verdict").getText()).isEqualTo("TEMPLATE");
        assertThat(page.find("verdict-text").getText()).isEqualTo("A new story that reuses the text of seed-08.");
        List<WebElement> where = page.all("match-where");
        assertThat(where.get(0).getText()).startsWith("reuses the text of seed-08 (story " + storyOfSeed08 + ", another story)");
        assertThat(where.get(1).getText()).startsWith("seed-07 · story");
        for (WebElement badge : driver.findElements(By.cssSelector(".badge"))) {
            assertThat(contrast(badge)).as(badge.getText()).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(driver.findElements(By.cssSelector(".badge.EXCERPT"))).hasSize(1);
    }

    /** WCAG contrast ratio of an element's text colour on its background colour. */
    private static double contrast(WebElement e) {
        return ((Number) ((JavascriptExecutor) driver).executeScript("""
                const lum = (css) => { const [r, g, b] = css.match(/\\d+/g).slice(0, 3).map((x) => {
                  const c = x / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                const style = getComputedStyle(arguments[0]);
                const [a, b] = [lum(style.color), lum(style.backgroundColor)];
                return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);""", e)).doubleValue();
    }

    /** Version {@code v} of a levee story: a fixed lede and one line per update so far. */
    private static String body(int v) {
        StringBuilder b = new StringBuilder("The levee broke near the old mill. Water reached the square by noon.");
        for (int k = 2; k <= v; k++) {
            b.append("\n\nUpdate ").append(k).append(" of the levee story.");
        }
        return b.toString();
    }

    @Test
    void anApiErrorIsShownInWords() {
        page.open("/#/check");
        page.find("check-title").sendKeys("Nothing below");
        page.find("check-submit").click();
        WebElement error = page.waitFor("error");
        assertThat(error.getText()).contains("body is required and must not be empty");
    }

    @Test
    void atPhoneWidthTheCheckPageDoesNotScrollSideways() {
        try (Browser phone = Browser.start(390, 844)) {
            WebDriver p = phone.driver();
            // headless Chromium keeps windows at least 500 px wide, so emulate the phone's viewport
            ((ChromeDriver) p).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            p.get(redline.url("/#/check"));
            new WebDriverWait(p, Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=check-form]")));
            JavascriptExecutor js = (JavascriptExecutor) p;
            assertThat(((Number) js.executeScript("return window.innerWidth;")).intValue()).isEqualTo(390);
            assertThat(js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .isEqualTo(true);
            phone.screenshot("check-phone");
        }
    }

}
