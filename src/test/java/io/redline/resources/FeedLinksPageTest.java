package io.redline.resources;

import com.rometools.rome.feed.synd.SyndFeed;
import io.redline.testing.Browser;
import io.redline.testing.Fixtures;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed links of the editors' page in a real headless Chromium, with the seed articles loaded: the stories list
 * links the feed of every new version and each story's feed, a story's page links its own, and each link, fetched
 * by the page itself, answers an Atom feed that ROME reads, about that story.
 */
class FeedLinksPageTest {
    private static RunningRedline redline;
    private static Browser browser;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        redline = new RunningRedline(TestDatabase.h2());
        redline.post("/articles/bulk", "application/x-ndjson", Fixtures.seedsNdjson());
        browser = Browser.start(1280, 1000);
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
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

    @Test
    void theStoriesListLinksTheFeedOfEveryVersionAndOfEachStoryAndEachParses() {
        driver.get(redline.url("/#/stories"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=story-link]")));
        WebElement all = driver.findElement(By.cssSelector("[data-testid=feed-link]"));
        assertThat(all.isDisplayed()).isTrue();
        assertThat(all.getAttribute("type")).isEqualTo("application/atom+xml");
        SyndFeed every = fetchFeed(all.getAttribute("href"));
        assertThat(every.getEntries()).hasSize(10); // the ten seeds, one version each

        List<WebElement> rows = driver.findElements(By.cssSelector("[data-testid=stories] > li"));
        assertThat(rows).hasSize(9);
        for (WebElement row : rows) {
            String story = row.findElement(By.cssSelector("[data-testid=story-link]")).getAttribute("data-id");
            WebElement link = row.findElement(By.cssSelector("[data-testid=story-feed-link]"));
            assertThat(link.isDisplayed()).isTrue();
            assertThat(link.getAttribute("href")).isEqualTo(redline.url("/stories/" + story + "/feed"));
            SyndFeed feed = fetchFeed(link.getAttribute("href"));
            int versions = redline.get("/stories/" + story).json().get("versions").size();
            assertThat(feed.getEntries()).as("entries of story " + story).hasSize(versions);
        }
    }

    @Test
    void aStorysPageLinksItsOwnFeed() {
        long story = redline.get("/articles/seed-08").json().get("storyId").asLong();
        driver.get(redline.url("/#/stories/" + story));
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=story-dates] [data-testid=story-feed-link]")));
        assertThat(link.getAttribute("href")).isEqualTo(redline.url("/stories/" + story + "/feed"));
        SyndFeed feed = fetchFeed(link.getAttribute("href"));
        // seed-07 and seed-08, the newest stored first
        assertThat(feed.getEntries()).hasSize(2);
        assertThat(feed.getEntries().get(0).getUri()).isEqualTo("tag:redline,2026:version/seed-08/1");
        browser.screenshot("story-feed-link");
    }

    /** Fetches a link the way the page would (same origin, from the page's own script), and parses it as a feed. */
    private static SyndFeed fetchFeed(String href) {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done([r.status, r.headers.get('content-type'), t])))"
                        + ".catch(e => done([0, '', String(e)]));", href);
        List<?> reply = (List<?>) answer;
        assertThat(((Number) reply.get(0)).intValue()).as(href + ": " + reply.get(2)).isEqualTo(200);
        assertThat((String) reply.get(1)).as(href).startsWith("application/atom+xml");
        return FeedTest.parse((String) reply.get(2));
    }
}
