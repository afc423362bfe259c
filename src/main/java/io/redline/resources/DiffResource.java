package io.redline.resources;

import io.redline.api.DiffRequest;
import io.redline.ingest.InvalidInputException;
import io.redline.read.VersionHistory;
import io.redline.store.VersionRow;
import io.redline.api.DiffResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Paragraph diffs between stored versions, or between two posted texts. JSON, unified text or HTML. */
@Path("/diff")
@Produces({MediaType.APPLICATION_JSON, "text/plain;charset=UTF-8", "text/html;charset=UTF-8"})
public class DiffResource {
    private final VersionHistory history;

    public DiffResource(VersionHistory history) {
        this.history = history;
    }

    @GET
    @ErrorAnswers({400, 404})
    @Operation(responses = @ApiResponse(responseCode = "200", description = "the diff: JSON, unified text or HTML",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DiffResponse.class))))
    public Response diff(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("fromVersion") String fromVersion, @QueryParam("toVersion") String toVersion,
                         @QueryParam("format") String format, @Context HttpHeaders headers) {
        VersionRow a = stored("from", from, "fromVersion", fromVersion);
        VersionRow b = stored("to", to, "toVersion", toVersion);
        return DiffOutput.respond(side(a), side(b), history.diff(a, b), format, headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(responses = @ApiResponse(responseCode = "200", description = "the diff: JSON, unified text or HTML",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DiffResponse.class))))
    public Response diff(@RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "two texts",
            value = Examples.DIFF))) DiffRequest request, @QueryParam("format") String format, @Context HttpHeaders headers) {
        var diff = history.diff(request);
        return DiffOutput.respond(new DiffOutput.Side(null, "from", request.from().body()),
                new DiffOutput.Side(null, "to", request.to().body()), diff, format, headers);
    }

    private VersionRow stored(String param, String id, String versionParam, String version) {
        if (id == null || id.isBlank()) {
            throw InvalidInputException.malformed(param, param + " must name a stored article");
        }
        Integer v = null;
        if (version != null) {
            try {
                v = Integer.parseInt(version);
            } catch (NumberFormatException e) {
                throw InvalidInputException.malformed(versionParam, versionParam + " must be a version number, got '" + version + "'");
            }
        }
        Integer wanted = v;
        return history.version(id, v).orElseThrow(() -> NotFound.of(wanted == null ? "article" : "version " + wanted + " of article", id));
    }

    static DiffOutput.Side side(VersionRow v) {
        return new DiffOutput.Side(VersionHistory.ref(v, null), v.articleId() + " v" + v.version(), v.body());
    }
}
