package io.redline.resources;

import io.redline.store.ArticleStore;
import io.redline.testing.Browser;
import io.redline.testing.Fixtures;
import io.redline.testing.LongStory;
import io.redline.testing.NewsCorpusGenerator;
import io.redline.testing.Page;
import io.redline.testing.RunningRedline;
import io.redline.testing.StoryRows;
import io.redline.testing.TestDatabase;
import io.redline.text.Paragraphs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' page as editors work (issue 13), in headless Chromium at 1400 px (and 390 px where it says so):
 * an excerpt's diff folded onto what the two share, moving between changes, sources and dates, any two versions,
 * a long story's chart, Back, keyboard and screen-reader use, contrast in both schemes, print, the story list.
 */
class EditorWorkflowTest {
    private static TestDatabase database;
    private static RunningRedline redline;
    private static Browser browser;
    private static WebDriver driver;
    private static WebDriverWait wait;
    private static Page page;
    private static long longStory;
    private static long sourcedStory;

    @BeforeAll
    static void start() {
        database = TestDatabase.h2();
        redline = new RunningRedline(database);
        redline.post("/articles/bulk", "application/x-ndjson", Fixtures.seedsNdjson());
        sourcedStory = redline.postJson("/articles", Map.of("id", "levee", "title", "Levee fails", "body", SourcesApiTest.BODY,
                "source", "Valley Courier", "url", "https://courier.example/levee",
                "publishedAt", "2024-03-01T12:05:00Z")).json().get("storyId").asLong();
        redline.postJson("/articles", Map.of("id", "levee", "title", "Levee fails, town flooded",
                "body", SourcesApiTest.BODY + "\n\nMore rain is expected on Friday.", "source", "Valley Courier",
                "url", "javascript:alert(1)"));
        longStory = LongStory.save(new ArticleStore(database.migratedJdbi()));
        browser = Browser.start(1400, 1000);
        driver = browser.driver();
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
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

    @AfterEach
    void nothingBrokeTheContentSecurityPolicyAndTheSchemeIsReset() {
        assertThat(browser.console()).noneMatch(m -> m.contains("Content Security Policy"));
        emulate(driver, null, null);
    }

    /** Two paragraphs of seed-08: the diff folds its 20-odd cut paragraphs and opens on what the two share. */
    @Test
    void anExcerptsDiffIsFoldedOntoWhatTheTwoShareAndBackReturnsToTheCheck() {
        String body = excerptOfSeed08();
        page.open("/#/check");
        page.setValue(page.find("check-body"), body);
        page.find("check-submit").click();
        page.waitFor("verdict");
        WebElement top = page.all("match").get(0);
        assertThat(top.getAttribute("data-id")).isEqualTo("seed-08");
        top.findElement(By.cssSelector("[data-testid=match-diff]")).click();

        page.waitFor("diff-summary");
        assertThat(driver.getCurrentUrl()).contains("#/check/diff?match=seed-08").contains("focus=shared");
        assertThat(page.find("excerpt-note").getText()).contains("excerpt of seed-08");
        List<WebElement> folds = page.all("diff-fold");
        assertThat(folds).isNotEmpty();
        int folded = folds.stream().mapToInt(f -> Integer.parseInt(f.getAttribute("data-count"))).sum();
        assertThat(folded).isGreaterThan(15);
        long visibleCut = page.all("diff-para").stream().filter(r -> "DELETED".equals(r.getAttribute("data-op")) && r.isDisplayed()).count();
        assertThat(visibleCut).isZero();
        WebElement shared = driver.findElements(By.cssSelector("[data-testid=diff-para]:not([data-op=DELETED])")).get(0);
        wait.until(d -> inViewport(shared));
        browser.screenshot("excerpt-diff");

        // a fold opens on request
        folds.get(0).findElement(By.tagName("button")).click();
        wait.until(d -> page.all("diff-fold").size() == folds.size() - 1);
        assertThat(page.all("diff-para").stream().filter(r -> "DELETED".equals(r.getAttribute("data-op")) && r.isDisplayed()).count())
                .isPositive();

        // Back returns to the check with its result, not out of the app
        driver.navigate().back();
        page.waitFor("verdict");
        assertThat(driver.getCurrentUrl()).endsWith("#/check");
        assertThat(page.all("match")).isNotEmpty();
    }

    @Test
    void keysAndButtonsStepThroughTheChangesButNotWhileTyping() {
        page.open("/#/diff?from=seed-07&to=seed-08");
        page.waitFor("diff-summary");
        List<WebElement> changes = driver.findElements(By.cssSelector("[data-testid=diff-para]:not([data-op=UNCHANGED])"));
        assertThat(changes).hasSizeGreaterThan(3);
        page.press("n");
        wait.until(d -> page.focused().equals(changes.get(0)));
        assertThat(page.find("change-counter").getText()).isEqualTo("change 1 of " + changes.size());
        page.press("j");
        wait.until(d -> page.focused().equals(changes.get(1)));
        page.press("k");
        wait.until(d -> page.focused().equals(changes.get(0)));
        page.find("change-next").click();
        wait.until(d -> page.focused().equals(changes.get(1)));
        page.find("change-prev").click();
        wait.until(d -> page.focused().equals(changes.get(0)));
        // a key typed into a field stays a letter
        WebElement link = page.find("diff-link");
        link.click();
        link.sendKeys("n");
        assertThat(page.focused()).isEqualTo(link);
        assertThat(page.find("change-counter").getText()).isEqualTo("change 1 of " + changes.size());
    }

    @Test
    void aSharedPassageTagJumpsToItsCounterpart() {
        String seed = Fixtures.seed("seed-08").get("body").asText();
        page.open("/#/check");
        page.setValue(page.find("check-body"), seed.replace("all but reduced on Friday", "nearly reduced on Friday"));
        page.find("check-submit").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=shared-mine] [data-testid=shared-jump]")));
        WebElement tag = driver.findElements(By.cssSelector("[data-testid=shared-mine] [data-testid=shared-jump]")).get(3);
        String to = tag.getAttribute("data-to");
        tag.click();
        wait.until(d -> to.equals(page.focused().getAttribute("data-para")));
        assertThat(page.focused().findElement(By.xpath("ancestor::*[@data-testid][1]")).getAttribute("data-testid"))
                .isEqualTo("shared-theirs");
        // the underlined sentences are the service's: none ends inside "U.S."
        for (WebElement s : page.all("shared-sentence")) {
            assertThat(s.getText()).doesNotEndWith("U.S.").doesNotEndWith("U.");
        }
    }

    /**
     * The shared passages show the paragraphs the service compared, cut where it cut them. The stored text has
     * CRLF line ends and paragraphs wrapped on single line breaks; the checked one separates its paragraphs with
     * lines holding only a no-break space (as HTML exports leave them) and ends on a blank line. Split by a naive
     * rule of the page's own (blank = spaces and tabs, CR part of the text) both would have a paragraph per line.
     */
    @Test
    void theSharedPassagesShowTheParagraphsTheServiceSplit() {
        List<String> paragraphs = Paragraphs.split(NewsCorpusGenerator.builder().count(1).seed(1313).build()
                .generate().get(0).body()).stream().map(p -> p.text()).toList();
        String stored = String.join("\r\n\r\n", paragraphs.stream().map(p -> p.replaceFirst("\\. ", ".\r\n")).toList());
        String checked = String.join("\n\u00a0\n", paragraphs.stream().map(p -> p.replaceFirst("\\. ", ".\n")).toList()) + "\n\n";
        redline.postJson("/articles", Map.of("id", "wrapped", "title", "Wrapped lines", "body", stored));
        var api = redline.postJson("/check", Map.of("body", checked)).json();
        var article = redline.get("/articles/wrapped").json();
        assertThat(api.get("paragraphs")).hasSize(paragraphs.size());
        assertThat(article.get("paragraphs")).hasSize(paragraphs.size());
        assertThat(api.get("matches").get(0).get("id").asText()).isEqualTo("wrapped");

        page.open("/#/check");
        page.setValue(page.find("check-body"), checked);
        page.find("check-submit").click();
        page.waitFor("verdict");
        page.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=shared-theirs] mark.shared")));
        assertThat(shownParagraphs("shared-mine")).isEqualTo(cut(checked, api.get("paragraphs")));
        assertThat(shownParagraphs("shared-theirs")).isEqualTo(cut(stored, article.get("paragraphs")));
        List<Integer> marked = driver.findElements(By.cssSelector("[data-testid=shared-theirs] p.para"))
                .stream().filter(p -> !p.findElements(By.cssSelector("mark.shared")).isEmpty())
                .map(p -> Integer.parseInt(p.getAttribute("data-para"))).toList();
        List<Integer> matchIndexes = new java.util.ArrayList<>();
        api.get("matches").get(0).get("sharedParagraphs").forEach(x -> matchIndexes.add(x.get("matchIndex").asInt()));
        assertThat(marked).containsExactlyInAnyOrderElementsOf(matchIndexes).hasSize(paragraphs.size());
    }

    /** Each paragraph the page shows in a column of shared passages, without its tag. */
    @SuppressWarnings("unchecked")
    private static List<String> shownParagraphs(String column) {
        return (List<String>) page.script("return [...document.querySelectorAll(`[data-testid=${arguments[0]}] p.para`)]"
                + ".map((p) => { const c = p.cloneNode(true); c.querySelector('.shared-tag')?.remove(); return c.textContent; });", column);
    }

    private static List<String> cut(String body, com.fasterxml.jackson.databind.JsonNode spans) {
        List<String> out = new java.util.ArrayList<>();
        spans.forEach(s -> out.add(body.substring(s.get("start").asInt(), s.get("end").asInt())));
        return out;
    }

    @Test
    void sourcesLinksAndDatesShowWhereTheyAreKnownAndOnlyWebLinksAreLinks() {
        page.open("/#/diff?from=levee&fromVersion=1&to=levee");
        page.waitFor("diff-summary");
        WebElement from = page.find("from-source");
        assertThat(from.getText()).isEqualTo("Valley Courier · " + shownDate("2024-03-01T12:05:00Z"));
        WebElement link = from.findElement(By.cssSelector("a"));
        assertThat(link.getAttribute("href")).isEqualTo("https://courier.example/levee");
        assertThat(link.getAttribute("rel")).contains("noopener");
        WebElement to = page.find("to-source");
        assertThat(to.findElements(By.cssSelector("a"))).isEmpty();
        assertThat(to.getText()).startsWith("Valley Courier · ").endsWith("(received)");
        assertThat(driver.getPageSource()).doesNotContain("href=\"javascript:");

        page.open("/#/stories/" + sourcedStory);
        page.waitFor("timeline");
        assertThat(page.find("story-dates").getText()).doesNotContain("T12:05").contains(shownDate("2024-03-01T12:05:00Z"));
        assertThat(page.all("step-date").get(0).getText()).isEqualTo(shownDate("2024-03-01T12:05:00Z"));
        assertThat(page.all("step-date").get(1).getText()).endsWith("(received)");
        assertThat(page.all("step-source").get(0).findElement(By.cssSelector("a")).getAttribute("href"))
                .isEqualTo("https://courier.example/levee");

        page.open("/#/check");
        page.setValue(page.find("check-body"), SourcesApiTest.BODY);
        page.find("check-submit").click();
        assertThat(page.waitFor("match-source").getText()).startsWith("Valley Courier");
    }

    /** The pickers open the diff of any two versions; the link keeps the inline choice; exports are linked. */
    @Test
    void anyTwoVersionsCanBeComparedAndTheLinkKeepsTheViewAndTheExportsAreLinked() {
        page.open("/#/stories/" + longStory);
        page.waitFor("version-pickers");
        new Select(page.find("pick-from")).selectByValue("1");
        Select pickTo = new Select(page.find("pick-to"));
        pickTo.selectByValue("45");
        // "45. main v36 · date": the versions in time-line order
        String chosen = pickTo.getFirstSelectedOption().getText().replaceAll("^45\\. (\\S+ v\\d+) .*$", "$1");
        page.find("pick-compare").click();
        wait.until(d -> d.getCurrentUrl().contains("/diff?from=1&to=45"));
        page.waitFor("diff-summary");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("main v1 → " + chosen);
        assertThat(new Select(page.find("pick-from")).getFirstSelectedOption().getAttribute("value")).isEqualTo("1");

        page.find("diff-toggle").click();
        wait.until(d -> "inline".equals(page.find("diff").getAttribute("data-mode")));
        String link = page.find("diff-link").getAttribute("value");
        assertThat(link).contains("view=inline");
        String html = page.find("export-html").getAttribute("href");
        String unified = page.find("export-unified").getAttribute("href");
        assertThat(html).endsWith("/stories/" + longStory + "/diff?from=1&to=45&format=html");
        assertThat(redline.get(html.substring(html.indexOf("/stories"))).body()).contains("main v1").contains("similarity");
        assertThat(redline.get(unified.substring(unified.indexOf("/stories"))).body()).startsWith("--- a/main v1")
                .contains("+++ b/" + chosen);
        driver.get("about:blank");
        driver.get(link);
        page.waitFor("diff-summary");
        assertThat(page.find("diff").getAttribute("data-mode")).isEqualTo("inline");
    }

    /** 62 versions: bars keep their width and labels their size; the chart scrolls inside its box, the page not. */
    @Test
    void aLongStorysChartStaysLegibleAndItsTimelineShowsQuickly() {
        // reported, not asserted: from the navigation to the drawn time line (both API calls and the drawing), on a
        // copy of the story no test has opened: the first time computes (nothing kept yet), the next ones do not
        long fresh = LongStory.save(new ArticleStore(database.migratedJdbi()), "unseen-");
        double[][] ms = new double[6][];
        for (int k = 0; k < ms.length; k++) {
            page.open("/#/check");
            page.waitFor("check-form");
            @SuppressWarnings("unchecked")
            List<Number> times = (List<Number>) ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1]; performance.clearResourceTimings();
                    const t0 = performance.now();
                    const entry = (part) => performance.getEntriesByType('resource').filter((r) => r.name.includes(part)).pop();
                    location.hash = arguments[0];
                    (function poll() {
                      if (!document.querySelector('[data-testid=timeline]')) { requestAnimationFrame(poll); return; }
                      const shown = performance.now(); const t = entry('/timeline'); const b = entry('/blame');
                      done([shown - t0, t ? t.startTime - t0 : -1, t ? t.duration : -1, t ? shown - t.responseEnd : -1, b ? b.duration : -1]);
                    })();""",
                    "#/stories/" + fresh);
            ms[k] = times.stream().mapToDouble(Number::doubleValue).toArray();
        }
        System.out.printf("timeline of a %d-version story shown in (ms: total / until the time line is asked / its answer"
                + " / drawing after it / blame answer) %s%n",
                page.all("timeline-step").size(), java.util.Arrays.stream(ms).map(t -> java.util.Arrays.stream(t)
                        .mapToObj(x -> String.valueOf(Math.round(x))).collect(java.util.stream.Collectors.joining("/")))
                        .toList());
        WebElement scroller = page.find("chart-scroll");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(((Number) js.executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth;", scroller)).intValue())
                .isPositive();
        double label = ((Number) js.executeScript(
                "return document.querySelector('[data-testid=timeline-chart] .t-step').getBoundingClientRect().height;")).doubleValue();
        assertThat(label).as("height of a step label in px").isGreaterThanOrEqualTo(11);
        double bar = ((Number) js.executeScript(
                "return document.querySelector('[data-testid=chart-bar]').getBoundingClientRect().width;")).doubleValue();
        assertThat(bar).as("bar width in px").isGreaterThanOrEqualTo(24);
        assertThat(js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
        page.scrollTo(scroller);
        browser.screenshot("long-story-chart");
    }

    @Test
    void checkingKeepsFocusOnTheButtonAndTheColumnHeadsAreReadAndBlameIsOneTabStopPerParagraph() {
        page.open("/#/check");
        page.setValue(page.find("check-body"), Fixtures.seed("seed-07").get("body").asText());
        WebElement submit = page.find("check-submit");
        submit.click();
        page.waitFor("verdict");
        assertThat(page.focused()).isEqualTo(submit);
        assertThat(submit.getAttribute("aria-busy")).isNull();

        page.open("/#/diff?from=seed-07&to=seed-08");
        WebElement head = page.waitFor("diff-colhead");
        assertThat(head.getAttribute("aria-hidden")).isNull();
        assertThat(head.getText()).contains("BEFORE").contains("AFTER");

        page.open("/#/stories/" + redline.get("/articles/seed-08").json().get("storyId").asLong());
        WebElement blame = page.waitFor("blame-text");
        int paragraphs = blame.findElements(By.tagName("p")).size();
        assertThat(blame.findElements(By.cssSelector("[tabindex='0']"))).hasSize(paragraphs);
        assertThat(page.all("blame-sentence").size()).isGreaterThan(paragraphs);
        WebElement first = blame.findElements(By.tagName("p")).stream()
                .filter(p -> p.findElements(By.cssSelector("[data-testid=blame-sentence]")).size() > 1).findFirst().orElseThrow()
                .findElement(By.cssSelector("[tabindex='0']"));
        first.sendKeys(Keys.ARROW_RIGHT);
        assertThat(page.focused()).isNotEqualTo(first);
        assertThat(page.focused().getAttribute("tabindex")).isEqualTo("0");
        assertThat(first.getAttribute("tabindex")).isEqualTo("-1");
    }

    /** Every text and its background meet WCAG AA (4.5:1) on the check, the diff and the story, light and dark. */
    @Test
    void textMeetsAaContrastInTheLightAndTheDarkScheme() {
        for (String scheme : new String[]{"light", "dark"}) {
            emulate(driver, null, scheme);
            page.open("/#/check");
            page.setValue(page.find("check-body"), Fixtures.seed("seed-08").get("body").asText()
                    .replace("all but reduced on Friday", "nearly reduced on Friday"));
            page.find("check-submit").click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=shared-jump]")));
            assertContrast(scheme + " check");
            if (scheme.equals("dark")) {
                double bg = ((Number) ((JavascriptExecutor) driver).executeScript(LUMINANCE
                        + "return lum(getComputedStyle(document.documentElement).backgroundColor);")).doubleValue();
                assertThat(bg).as("page background luminance, dark scheme").isLessThan(0.05);
                browser.screenshot("check-dark");
            }
            page.open("/#/diff?from=seed-07&to=seed-08");
            page.waitFor("diff-summary");
            assertContrast(scheme + " diff");
            page.open("/#/stories/" + sourcedStory);
            page.waitFor("timeline");
            assertContrast(scheme + " story");
        }
    }

    @Test
    void printingLeavesOutTheToolsAndShowsFoldedRows() {
        page.open("/#/diff?from=seed-07&to=seed-08");
        page.waitFor("diff-summary");
        emulate(driver, "print", null);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('.top')).display;")).isEqualTo("none");
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('[data-testid=diff-nav]')).display;")).isEqualTo("none");
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('[data-testid=diff-toggle]')).display;")).isEqualTo("none");
        assertThat(js.executeScript("return [...document.querySelectorAll('[data-testid=diff-para]')].every((r) => getComputedStyle(r).display !== 'none');"))
                .isEqualTo(true);
    }

    @Test
    void theStoryListFindsArticleIdsAndSourcesAndKeepsStoriesOfSeveralVersions() {
        page.open("/#/stories");
        page.find("stories-search").sendKeys("seed-07");
        page.find("stories-submit").click();
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=story-link]")).size() == 1);
        page.find("stories-search").clear();
        page.find("stories-search").sendKeys("valley courier");
        page.find("stories-submit").click();
        wait.until(d -> d.getCurrentUrl().contains("q=valley"));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=story-link]")).size() == 1
                && d.findElement(By.cssSelector("[data-testid=story-link]")).getAttribute("data-id").equals(String.valueOf(sourcedStory)));

        page.open("/#/stories");
        page.waitFor("stories");
        int all = Integer.parseInt(driver.findElement(By.cssSelector("main p.muted + p.muted, [data-testid=stories]"))
                .findElements(By.xpath("li")).size() + "");
        page.find("stories-multi").click();
        wait.until(d -> d.getCurrentUrl().contains("multi=1"));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=story-link]")).size() < all);
        for (WebElement story : page.all("story-link")) {
            assertThat(story.getText()).doesNotContain(" 1 version of");
        }
    }

    /** At 390 px: the diff does not scroll sideways, stacked sides say Before and After, the verdict comes into view. */
    @Test
    void atPhoneWidthTheDiffFitsTheSidesAreLabelledAndTheVerdictIsScrolledTo() {
        try (Browser phone = Browser.start(390, 844)) {
            WebDriver p = phone.driver();
            ((ChromeDriver) p).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            WebDriverWait w = new WebDriverWait(p, Duration.ofSeconds(10));
            JavascriptExecutor js = (JavascriptExecutor) p;
            p.get(redline.url("/#/diff?from=seed-07&to=seed-08"));
            w.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=diff-summary]")));
            assertThat(js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
            List<WebElement> labels = p.findElements(By.cssSelector("[data-testid=diff-para][data-op=MODIFIED] [data-testid=side-label]"));
            assertThat(labels.get(0).isDisplayed()).isTrue();
            assertThat(labels.get(0).getText()).isEqualToIgnoringCase("Before");
            assertThat(labels.get(1).getText()).isEqualToIgnoringCase("After");
            ((JavascriptExecutor) p).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                    p.findElement(By.cssSelector("[data-testid=diff-para][data-op=MODIFIED]")));
            phone.screenshot("diff-phone");

            p.get(redline.url("/#/check"));
            WebElement body = w.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=check-body]")));
            js.executeScript("arguments[0].value = arguments[1];", body, Fixtures.seed("seed-07").get("body").asText());
            p.findElement(By.cssSelector("[data-testid=check-submit]")).click();
            WebElement verdict = w.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=verdict]")));
            w.until(d -> (Boolean) js.executeScript("const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;", verdict));
            assertThat(js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
            phone.screenshot("check-result-phone");
        }
    }

    // ---------- helpers ----------

    private static final String LUMINANCE = """
            const lum = (css) => { const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map((x) => {
              const c = x / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            """;

    /**
     * Every visible element with its own text: its colour against the first opaque background behind it, with
     * the opacities on the way multiplied in (a faded row fades its text). Lists the pairs below 4.5:1.
     */
    private static void assertContrast(String where) {
        @SuppressWarnings("unchecked")
        List<String> failing = (List<String>) ((JavascriptExecutor) driver).executeScript(LUMINANCE + """
                const rgba = (css) => { const v = css.match(/[\\d.]+/g).map(Number); return v.length === 4 ? v : [...v, 1]; };
                const bgOf = (e) => { for (let n = e; n; n = n.parentElement) { const c = rgba(getComputedStyle(n).backgroundColor);
                  if (c[3] > 0.5) return `rgb(${c[0]}, ${c[1]}, ${c[2]})`; } return getComputedStyle(document.documentElement).backgroundColor; };
                const opacity = (e) => { let o = 1; for (let n = e; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity); return o; };
                const out = [];
                for (const e of document.querySelectorAll('main *, .top *')) {
                  const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
                  if (!own || !e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') continue;
                  if (e.closest('svg, [data-testid=blame-text], .brand-mark')) continue;
                  const fg = rgba(getComputedStyle(e).color); const bg = bgOf(e); const bgv = rgba(bg); const o = opacity(e) * fg[3];
                  const mixed = `rgb(${fg.slice(0, 3).map((c, i) => c * o + bgv[i] * (1 - o)).join(', ')})`;
                  const [a, b] = [lum(mixed), lum(bg)];
                  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  if (ratio < 4.5) out.push(`${ratio.toFixed(2)} ${e.tagName}.${e.className} “${e.textContent.trim().slice(0, 30)}”`);
                }
                return out;""");
        assertThat(failing).as(where).isEmpty();
    }

    private static String shownDate(String iso) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return new Date(arguments[0]).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });", iso);
    }

    /** Emulates a media type (print) and a colour scheme; nulls restore the defaults. */
    private static void emulate(WebDriver d, String media, String scheme) {
        ((ChromeDriver) d).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media == null ? "" : media,
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme == null ? "" : scheme))));
    }

    private static String excerptOfSeed08() {
        var paragraphs = Paragraphs.split(Fixtures.seed("seed-08").get("body").asText());
        return paragraphs.get(2).text() + "\n\n" + paragraphs.get(3).text();
    }

    private static boolean inViewport(WebElement e) {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight;", e);
    }

}
