package io.redline.resources;

import io.redline.api.BlameView;
import io.redline.api.StoryPage;
import io.redline.api.StoryView;
import io.redline.api.TimelineView;
import io.redline.ingest.InvalidInputException;
import io.redline.read.Catalog;
import io.redline.read.VersionHistory;
import io.redline.store.VersionRow;
import io.redline.api.DiffResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import io.redline.read.Feeds;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Stories: groups of articles that are versions or rewrites of one another. */
@Path("/stories")
@Produces(MediaType.APPLICATION_JSON)
public class StoryResource {
    static final int MAX_PAGE_SIZE = 200;

    private final Catalog catalog;
    private final VersionHistory history;
    private final Feeds feeds;

    public StoryResource(Catalog catalog, VersionHistory history, Feeds feeds) {
        this.catalog = catalog;
        this.history = history;
        this.feeds = feeds;
    }

    /**
     * Atom feed of the story's versions, newest first, each with what it changed; conditional GET (304). The feed of
     * a story merged into another moves there for good (301), so that a reader keeps following it.
     */
    @GET
    @Path("/{id}/feed")
    @Produces(FeedResource.ATOM)
    @ErrorAnswers({400, 404, 413, 422})
    @Operation(responses = {@ApiResponse(responseCode = "200", description = "Atom 1.0 feed",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string"))),
            @ApiResponse(responseCode = "301", description = "the story was merged into the one at Location"),
            @ApiResponse(responseCode = "304", description = "not modified since the ETag or date the reader sent")})
    public Response feed(@PathParam("id") String id, @QueryParam("limit") String limit, @Context Request request) {
        long story = storyId(id);
        int entries = FeedResource.limit(limit);
        Optional<Feeds.Selection> selection = feeds.story(story, entries);
        if (selection.isEmpty()) {
            Optional<Response> moved = movedTo(story, "/feed" + (limit == null ? "" : "?limit=" + entries));
            if (moved.isPresent()) {
                return moved.get();
            }
        }
        return FeedResource.answer(feeds, NotFound.unless(selection, "story", id), request);
    }

    @GET
    @ErrorAnswers({400})
    public StoryPage stories(@QueryParam("page") @DefaultValue("0") String page,
                             @QueryParam("size") @DefaultValue("20") String size, @QueryParam("q") String query,
                             @QueryParam("minVersions") @DefaultValue("1") String minVersions) {
        return catalog.stories(intParam("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
                intParam("size", size, 1, MAX_PAGE_SIZE), query, intParam("minVersions", minVersions, 1, 1_000_000));
    }

    /** The story; a story merged into another moves there for good (301), so that old links keep working. */
    @GET
    @Path("/{id}")
    @ErrorAnswers({404})
    @Operation(responses = {@ApiResponse(responseCode = "200", description = "the story",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoryView.class))),
            @ApiResponse(responseCode = "301", description = "the story was merged into the one at Location")})
    public Response story(@PathParam("id") String id) {
        long story = storyId(id);
        Optional<StoryView> view = catalog.story(story);
        if (view.isEmpty()) {
            Optional<Response> moved = movedTo(story, "");
            if (moved.isPresent()) {
                return moved.get();
            }
        }
        return Response.ok(NotFound.unless(view, "story", id), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * For a story merged into another, a permanent move to {@code rest} ("/feed?limit=5", or "" for the story
     * itself) of the story it went into; empty when it was not merged.
     */
    private Optional<Response> movedTo(long story, String rest) {
        return feeds.mergedInto(story).map(into -> Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(URI.create("/stories/" + into + rest)).build());
    }

    /** The versions in publication order with what each changed; HTML for {@code Accept: text/html} or format=html. */
    @GET
    @Path("/{id}/timeline")
    @Produces({MediaType.APPLICATION_JSON, "text/html;charset=UTF-8"})
    @ErrorAnswers({400, 404, 413})
    @Operation(responses = @ApiResponse(responseCode = "200", description = "the time line: JSON or HTML",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimelineView.class))))
    public Response timeline(@PathParam("id") String id, @QueryParam("format") String format,
                             @Context HttpHeaders headers) {
        TimelineView timeline = NotFound.unless(history.timeline(storyId(id)), "story", id);
        if ("html".equals(DiffOutput.chosen(format, headers))) {
            return Response.ok(TimelineHtml.render(timeline), DiffOutput.HTML).build();
        }
        return Response.ok(timeline, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Diff of two versions of the story: {@code from}/{@code to} are time-line steps (1-based), or
     * {@code articleId:version}, or an article id; by default the last step against the one before.
     */
    @GET
    @Path("/{id}/diff")
    @Produces({MediaType.APPLICATION_JSON, "text/plain;charset=UTF-8", "text/html;charset=UTF-8"})
    @ErrorAnswers({400, 404, 413})
    @Operation(responses = @ApiResponse(responseCode = "200", description = "the diff: JSON, unified text or HTML",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DiffResponse.class))))
    public Response diff(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("format") String format, @Context HttpHeaders headers) {
        List<VersionRow> chain = NotFound.unless(history.chain(storyId(id)), "story", id);
        int toStep = to == null ? chain.size() : step(chain, to, id);
        int fromStep = from == null ? Math.max(1, toStep - 1) : step(chain, from, id);
        VersionRow a = chain.get(fromStep - 1);
        VersionRow b = chain.get(toStep - 1);
        return DiffOutput.respond(
                new DiffOutput.Side(VersionHistory.ref(a, fromStep), a.articleId() + " v" + a.version(), a.body()),
                new DiffOutput.Side(VersionHistory.ref(b, toStep), b.articleId() + " v" + b.version(), b.body()),
                history.diff(a, b), format, headers);
    }

    /** Each sentence of the latest version (or {@code version}: a step or articleId:version) with its origin. */
    @GET
    @Path("/{id}/blame")
    @ErrorAnswers({404, 413})
    public BlameView blame(@PathParam("id") String id, @QueryParam("version") String version) {
        List<VersionRow> chain = NotFound.unless(history.chain(storyId(id)), "story", id);
        int step = version == null ? chain.size() : step(chain, version, id);
        return history.blame(storyId(id), chain, step);
    }

    private static int step(List<VersionRow> chain, String ref, String storyId) {
        return VersionHistory.step(chain, ref).orElseThrow(() -> NotFound.of("version '" + ref + "' in story", storyId));
    }

    private static long storyId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw NotFound.of("story", id);
        }
    }

    private static int intParam(String name, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInputException.malformed(name, name + " must be an integer between " + min + " and " + max + ", got '" + value + "'");
    }
}
