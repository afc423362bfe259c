package io.redline.security;

import io.redline.testing.Browser;
import io.redline.testing.Fixtures;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static io.redline.security.KeyedConfig.READ_KEY;
import static io.redline.security.KeyedConfig.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' page in a real Chromium against a Redline with keys: it asks for a key, works once one is
 * entered, remembers it for the tab, asks again when the key's role is too low, and breaks no
 * Content-Security-Policy rule on the way.
 */
class KeyedPageTest {
    private static RunningRedline redline;
    private static Browser browser;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        redline = RunningRedline.withConfig(KeyedConfig.write().file(), TestDatabase.h2());
        RunningRedline.Reply seeded = redline.send("POST", "/articles/bulk", "application/x-ndjson",
                Fixtures.seedsNdjson(), "X-Api-Key", WRITE_KEY);
        assertThat(seeded.status()).isEqualTo(200);
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
    void thePageAsksForAKeyAndWorksOnceItIsEntered() {
        driver.get(redline.url("/#/stories"));
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(testid("key-input")));
        assertThat(find("key-why").getText()).isEqualTo("This Redline needs a key.");
        assertThat(find("error").getText()).contains("API key is required");
        browser.screenshot("keyed-page-asks-for-key");

        input.sendKeys("not-the-key-0000000000");
        find("key-submit").click();
        wait.until(ExpectedConditions.textToBe(testid("key-why"), "The service did not accept the key (the API key is not valid)."));

        find("key-input").sendKeys(READ_KEY);
        find("key-submit").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(testid("story-link")));
        assertThat(driver.findElements(testid("story-link"))).hasSize(9);
        assertThat(find("key-panel").isDisplayed()).isFalse();

        // once per tab: a reload keeps the key
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(testid("story-link")));
        assertThat(driver.findElements(testid("key-panel"))).isEmpty();

        // a read key cannot store: the page says so and takes a write key; the text stays for a new try
        driver.get(redline.url("/#/check"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(testid("check-title"))).sendKeys("Keyed storm");
        find("check-body").sendKeys("Rescue teams searched the flooded valley for a third day on Tuesday.");
        find("check-store").click();
        find("check-submit").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(testid("key-panel")));
        assertThat(find("key-why").getText()).contains("Your key may not do this").contains("needs write");
        find("key-input").sendKeys(WRITE_KEY);
        find("key-submit").click();
        assertThat(find("check-body").getAttribute("value")).startsWith("Rescue teams");
        find("check-submit").click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(testid("stored"))).getText())
                .contains("Stored as");
        browser.screenshot("keyed-page-stored");

        assertThat(browser.console()).noneMatch(m -> m.contains("Content Security Policy"));
        // and the policy is in force: an inline style attribute is refused, and the console says so
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.querySelector('main').setAttribute('style', 'outline: 1px solid red')");
        wait.until(d -> browser.console().stream().anyMatch(m -> m.contains("Content Security Policy")));
    }

    private static By testid(String id) {
        return By.cssSelector("[data-testid=" + id + "]");
    }

    private static WebElement find(String id) {
        return driver.findElement(testid(id));
    }
}
