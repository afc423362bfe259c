package io.redline.resources;

import io.redline.testing.Browser;
import io.redline.testing.Fixtures;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page and its assets are served by the service itself; the story list can be searched by headline. */
class PageTest {
    private static RunningRedline redline;

    @BeforeAll
    static void start() {
        redline = new RunningRedline(TestDatabase.h2());
        redline.post("/articles/bulk", "application/x-ndjson", Fixtures.seedsNdjson());
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    void thePageIsAtTheRootAndItsFilesUnderUi() {
        RunningRedline.Reply page = redline.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<title>Redline</title>").contains("/ui/app.js").doesNotContain("http");
        RunningRedline.Reply script = redline.get("/ui/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(redline.get("/ui/style.css").contentType()).startsWith("text/css");
        // no fonts, scripts or styles from anywhere else
        for (String asset : new String[]{"/ui/app.js", "/ui/style.css", "/", "/favicon.ico"}) {
            // (the SVG namespace is a name, not an address that is fetched)
            String text = redline.get(asset).body().replace("http://www.w3.org/2000/svg", "");
            assertThat(text).as(asset).doesNotContain("http://").doesNotContain("https://")
                    .doesNotContain("@import").doesNotContain("//cdn");
        }
        // the API keeps its paths
        assertThat(redline.get("/stats").status()).isEqualTo(200);
        // an icon, named by the page and answered where browsers look for one unasked: no 404 on any page
        assertThat(page.body()).contains("<link rel=\"icon\" href=\"/ui/favicon.svg\"");
        assertThat(redline.get("/ui/favicon.svg").status()).isEqualTo(200);
        RunningRedline.Reply icon = redline.get("/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.contentType()).startsWith("image/svg+xml");
        assertThat(icon.body()).startsWith("<svg");
    }

    @Test
    void storiesCanBeSearchedByHeadlineArticleIdAndSource() {
        assertThat(redline.get("/stories?q=SEED-07").json().get("total").asInt()).isEqualTo(1);
        var found = redline.get("/stories?q=caliphate").json();
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("stories").get(0).get("headline").asText()).contains("caliphate");
        assertThat(redline.get("/stories?q=KREMLIN").json().get("total").asInt()).isEqualTo(1);
        assertThat(redline.get("/stories?q=100%25_").json().get("total").asInt()).isZero();
        assertThat(redline.get("/stories?q=").json().get("total").asInt()).isEqualTo(9);
    }

    @Test
    void aRealBrowserLoadsThePageWithoutErrors() {
        try (Browser browser = Browser.start(1280, 900)) {
            browser.driver().get(redline.url("/"));
            assertThat(browser.driver().getTitle()).isEqualTo("Redline");
            // the icon is found: no failed request (a 404) in the console
            browser.driver().get(redline.url("/diff?from=seed-07&to=seed-08&format=html"));
            browser.driver().get(redline.url("/"));
            assertThat(browser.console()).noneMatch(m -> m.contains("404") || m.contains("Failed to load"));
            browser.screenshot("page-loaded");
        }
    }
}
