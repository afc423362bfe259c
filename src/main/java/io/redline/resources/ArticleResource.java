package io.redline.resources;

import io.redline.api.ArticleRequest;
import io.redline.api.ArticleView;
import io.redline.api.IngestResponse;
import io.redline.api.PairView;
import io.redline.core.Archive;
import io.redline.core.Ingestor;
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
    private final Archive archive;

    public ArticleResource(Ingestor ingestor, Archive archive) {
        this.ingestor = ingestor;
        this.archive = archive;
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
        return NotFound.unless(archive.article(id), "article", id);
    }

    @GET
    @Path("/{id}/versions")
    public List<ArticleView> versions(@PathParam("id") String id) {
        return NotFound.unless(archive.versions(id), "article", id);
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
        return archive.explain(a, b).orElseThrow(() -> NotFound.of("article", archive.missing(a, b).orElse(a)));
    }
}
