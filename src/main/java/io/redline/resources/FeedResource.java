package io.redline.resources;

import io.redline.ingest.InvalidInputException;
import io.redline.read.Feeds;
import io.redline.store.Lineage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.util.Date;
import java.util.Locale;

/**
 * Atom feeds: {@code GET /feed} (every new version, newest first; {@code relation}, {@code source}, {@code limit})
 * and {@code GET /stories/{id}/feed} (in {@link StoryResource}). Conditional GET: an unchanged feed answers 304 to {@code If-None-Match} or
 * {@code If-Modified-Since} before any diff is made.
 */
@Path("/feed")
@Produces(FeedResource.ATOM)
public class FeedResource {
    static final String ATOM = "application/atom+xml;charset=UTF-8";

    private final Feeds feeds;

    public FeedResource(Feeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @ErrorAnswers({400, 422})
    @Operation(responses = {@ApiResponse(responseCode = "200", description = "Atom 1.0 feed",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string"))),
            @ApiResponse(responseCode = "304", description = "not modified since the ETag or date the reader sent")})
    public Response feed(@QueryParam("relation") String relation, @QueryParam("source") String source,
                         @QueryParam("limit") String limit, @Context Request request) {
        String rel = null;
        if (relation != null) {
            rel = relation.toUpperCase(Locale.ROOT);
            if (!Lineage.RELATIONS.contains(rel)) {
                throw InvalidInputException.invalid("relation", "relation must be one of UPDATE, REVISION, DUPLICATE, "
                        + "EXCERPT, TEMPLATE; got '" + relation + "'");
            }
        }
        if (source != null && (source.isBlank() || source.length() > 500)) {
            throw InvalidInputException.invalid("source", "source must have 1 to 500 characters");
        }
        return answer(feeds, feeds.latest(rel, source, limit(limit)), request);
    }

    static Response answer(Feeds feeds, Feeds.Selection selection, Request request) {
        EntityTag tag = new EntityTag(selection.tag());
        // HTTP dates have whole seconds: round up, so a version stored within the second still counts as newer
        Date modified = new Date((selection.updated().toEpochMilli() / 1000) * 1000);
        CacheControl cache = new CacheControl();
        cache.setNoCache(true); // readers may keep it, but must ask again (cheaply, with the tag)
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(modified, tag);
        if (unchanged != null) {
            return unchanged.cacheControl(cache).tag(tag).lastModified(modified).build();
        }
        return Response.ok(feeds.atom(selection), ATOM).tag(tag).lastModified(modified).cacheControl(cache).build();
    }

    static int limit(String limit) {
        if (limit == null) {
            return Feeds.DEFAULT_LIMIT;
        }
        int n;
        try {
            n = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw InvalidInputException.malformed("limit", "limit must be a whole number, got '" + limit + "'");
        }
        if (n < 1 || n > Feeds.MAX_LIMIT) {
            throw InvalidInputException.invalid("limit", "limit must be 1 to " + Feeds.MAX_LIMIT + ", got " + n);
        }
        return n;
    }
}
