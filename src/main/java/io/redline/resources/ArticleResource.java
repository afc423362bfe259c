package io.redline.resources;

import io.redline.api.ArticleRequest;
import io.redline.api.ArticleView;
import io.redline.api.IngestResponse;
import io.redline.api.PairView;
import io.redline.ingest.Ingestor;
import io.redline.read.Catalog;
import io.redline.read.Checker;
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
    public Response ingest(ArticleRequest request) {
        IngestResponse result = ingestor.ingest(request);
        Response.Status status = result.status().equals("CREATED") ? Response.Status.CREATED : Response.Status.OK;
        return Response.status(status).entity(result).build();
    }

    @GET
    @Path("/{id}")
    public ArticleView article(@PathParam("id") String id) {
        return NotFound.unless(catalog.article(id), "article", id);
    }

    @GET
    @Path("/{id}/versions")
    public List<ArticleView> versions(@PathParam("id") String id) {
        return NotFound.unless(catalog.versions(id), "article", id);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        if (!ingestor.delete(id)) {
            throw NotFound.of("article", id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{a}/similar/{b}")
    public PairView similar(@PathParam("a") String a, @PathParam("b") String b) {
        return checker.explain(a, b).orElseThrow(() -> NotFound.of("article", checker.missing(a, b).orElse(a)));
    }
}
