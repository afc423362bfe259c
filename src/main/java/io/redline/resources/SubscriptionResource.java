package io.redline.resources;

import io.redline.api.SubscriptionRequest;
import io.redline.api.SubscriptionView;
import io.redline.watch.Subscriptions;
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

import java.net.URI;
import java.util.List;

/** Webhook subscriptions: create (write role; the only answer that shows the secret), list, show, delete. */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {
    private final Subscriptions subscriptions;

    public SubscriptionResource(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(responses = @ApiResponse(responseCode = "201", description = "subscribed; the only answer that shows the secret",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class),
                    examples = @ExampleObject(name = "created", value = Examples.SUBSCRIPTION_CREATED))))
    public Response create(@RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "revisions from wire",
            value = Examples.SUBSCRIPTION))) SubscriptionRequest request) {
        SubscriptionView created = subscriptions.create(request);
        return Response.created(URI.create("/subscriptions/" + created.id())).entity(created).build();
    }

    @GET
    public List<SubscriptionView> list() {
        return subscriptions.list();
    }

    @GET
    @Path("/{id}")
    @ErrorAnswers({404})
    public SubscriptionView get(@PathParam("id") String id) {
        return NotFound.unless(subscriptions.get(parse(id)), "subscription", id);
    }

    @DELETE
    @Path("/{id}")
    @ErrorAnswers({404})
    @Operation(responses = @ApiResponse(responseCode = "204", description = "deleted, with its events"))
    public Response delete(@PathParam("id") String id) {
        if (!subscriptions.delete(parse(id))) {
            throw NotFound.of("subscription", id);
        }
        return Response.noContent().build();
    }

    /** An id that is not a number names no subscription: 404, like an unknown one. */
    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw NotFound.of("subscription", id);
        }
    }
}
