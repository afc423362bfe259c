package io.redline.resources;

import io.redline.api.DiffViews;
import io.redline.api.VersionRef;
import io.redline.diff.HtmlDiffRenderer;
import io.redline.diff.TextDiff;
import io.redline.diff.UnifiedDiffRenderer;
import io.redline.ingest.InvalidInputException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers a diff in the format asked for: {@code format=json|unified|html}, or else by the Accept header
 * (text/html → the page, text/plain → a unified diff, anything else → JSON).
 */
final class DiffOutput {
    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
    static final MediaType TEXT = MediaType.valueOf("text/plain;charset=UTF-8");

    private DiffOutput() {
    }

    /** One side of a diff: how it is named in the outputs and its body. */
    record Side(VersionRef ref, String label, String body) {
    }

    static Response respond(Side from, Side to, TextDiff diff, String format, HttpHeaders headers) {
        return switch (chosen(format, headers)) {
            case "html" -> Response.ok(HtmlDiffRenderer.render(diff, from.label(), to.label()), HTML).build();
            case "unified" -> Response.ok(UnifiedDiffRenderer.render(from.label(), from.body(), to.label(), to.body()), TEXT).build();
            default -> Response.ok(DiffViews.response(from.ref(), to.ref(), diff), MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    static String chosen(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            if (!format.equals("json") && !format.equals("unified") && !format.equals("html")) {
                throw InvalidInputException.malformed("format", "format must be json, unified or html, got '" + format + "'");
            }
            return format;
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !accepted.isWildcardType()) {
                return "json";
            }
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE) && !accepted.isWildcardType()) {
                return "html";
            }
            if (accepted.isCompatible(MediaType.TEXT_PLAIN_TYPE) && !accepted.isWildcardType()) {
                return "unified";
            }
        }
        return "json";
    }
}
