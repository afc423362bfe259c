package io.redline.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The editors' page at {@code /}. Its scripts and styles are Dropwizard assets under {@code /ui/}; the API
 * keeps its paths, so the page is served here rather than by an asset servlet over the whole root.
 */
@Path("/")
public class PageResource {
    private final String page;

    public PageResource() {
        try (InputStream in = PageResource.class.getResourceAsStream("/assets/index.html")) {
            if (in == null) {
                throw new IllegalStateException("assets/index.html is missing from the classpath");
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    public String page() {
        return page;
    }
}
