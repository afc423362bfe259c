package io.redline.resources;

import io.redline.api.ArticleRequest;
import io.redline.api.ArticleView;
import io.redline.api.IngestResponse;
import io.redline.api.PairView;
import io.redline.ingest.Ingestor;
import io.redline.read.Catalog;
import io.redline.read.Checker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Storing, reading, comparing and deleting articles. */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {
    private final Ingestor ingestor;
    private final Catalog catalog;
    private final Checker checker;

    public ArticleResource(Ingestor ingestor, Catalog catalog, Checker checker) {
        this.ingestor = ingestor;
        this.catalog = catalog;
        this.checker = checker;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(responses = {
            @ApiResponse(responseCode = "201", description = "stored: a new article",
                    content = @Content(schema = @Schema(implementation = IngestResponse.class))),
            @ApiResponse(responseCode = "200", description = "a new version (UPDATED), or the same content again (UNCHANGED)",
                    content = @Content(schema = @Schema(implementation = IngestResponse.class)))})
    public Response ingest(@RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "flood-1",
            value = Examples.ARTICLE))) ArticleRequest request) {
        IngestResponse result = ingestor.ingest(request);
        Response.Status status = result.status().equals("CREATED") ? Response.Status.CREATED : Response.Status.OK;
        return Response.status(status).entity(result).build();
    }

    @GET
    @Path("/{id}")
    @ErrorAnswers({404})
    public ArticleView article(@PathParam("id") String id) {
        return NotFound.unless(catalog.article(id), "article", id);
    }

    @GET
    @Path("/{id}/versions")
    @ErrorAnswers({404, 413})
    public List<ArticleView> versions(@PathParam("id") String id) {
        return NotFound.unless(catalog.versions(id), "article", id);
    }

    @DELETE
    @Path("/{id}")
    @ErrorAnswers({404})
    @Operation(responses = @ApiResponse(responseCode = "204", description = "deleted"))
    public Response delete(@PathParam("id") String id) {
        if (!ingestor.delete(id)) {
            throw NotFound.of("article", id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{a}/similar/{b}")
    @ErrorAnswers({404})
    public PairView similar(@PathParam("a") String a, @PathParam("b") String b) {
        return checker.explain(a, b).orElseThrow(() -> NotFound.of("article", checker.missing(a, b).orElse(a)));
    }
}
