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
 * keeps its paths, so the page is served here rather than by an asset servlet over the whole root. The icon is
 * also answered at {@code /favicon.ico}, where browsers look for it on pages that name none (the HTML diff and
 * time line), as SVG.
 */
@Path("/")
public class PageResource {
    private final String page;
    private final String icon;

    public PageResource() {
        page = asset("/assets/index.html");
        icon = asset("/assets/favicon.svg");
    }

    private static String asset(String path) {
        try (InputStream in = PageResource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path.substring(1) + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    public String page() {
        return page;
    }

    @GET
    @Path("favicon.ico")
    @Produces("image/svg+xml")
    public String icon() {
        return icon;
    }
}
