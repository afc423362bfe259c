package io.redline.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

/**
 * The editors' page of one running service in one {@link Browser}, as the page tests drive it: elements are
 * found by their {@code data-testid}, waiting up to ten seconds for views the page builds after it loads.
 *
 * <p>Example: {@code page.open("/#/check"); page.setValue(page.find("check-body"), text);
 * page.find("check-submit").click(); page.waitFor("verdict")}.
 */
public final class Page {
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final RunningRedline redline;
    private final WebDriver driver;
    private final WebDriverWait wait;

    public Page(RunningRedline redline, Browser browser) {
        this.redline = redline;
        this.driver = browser.driver();
        this.wait = new WebDriverWait(driver, WAIT);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** A fresh page load, even when only the hash differs from the page shown. */
    public void open(String path) {
        driver.get("about:blank");
        driver.get(redline.url(path));
    }

    /** The element, once the page has drawn it: views are built after the page loads. */
    public WebElement find(String testId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(byTestId(testId)));
    }

    /** The elements present now, without waiting. */
    public List<WebElement> all(String testId) {
        return driver.findElements(byTestId(testId));
    }

    /** The element once it is visible. */
    public WebElement waitFor(String testId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(byTestId(testId)));
    }

    /** Sets a field's value at once (typing a long text key by key takes seconds) and tells the page. */
    public void setValue(WebElement field, String value) {
        js().executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
                field, value);
    }

    /** Scrolls the element to the top of the window, below the sticky header. */
    public void scrollTo(WebElement element) {
        js().executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -140);", element);
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** A key pressed wherever the focus is. */
    public void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    public Object script(String script, Object... args) {
        return js().executeScript(script, args);
    }

    public static By byTestId(String testId) {
        return By.cssSelector("[data-testid=" + testId + "]");
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }
}
