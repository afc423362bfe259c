package io.redline.resources;

import io.redline.api.CheckRequest;
import io.redline.api.CheckResponse;
import io.redline.ingest.InvalidInputException;
import io.redline.read.Checker;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Is this text a duplicate or a revision of something stored? Stores nothing. */
@Path("/check")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckResource {
    private final Checker checker;

    public CheckResource(Checker checker) {
        this.checker = checker;
    }

    @POST
    public CheckResponse check(@RequestBody(required = true, content = @Content(examples = @ExampleObject(
            name = "excerpt of seed-08", value = Examples.CHECK))) CheckRequest request) {
        if (request == null) {
            throw InvalidInputException.invalid(null, "request body must be a JSON object with a body");
        }
        return checker.check(request.title(), request.body(), request.publishedAt());
    }
}
