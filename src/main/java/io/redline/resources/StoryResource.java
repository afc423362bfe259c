package io.redline.resources;

import io.redline.api.StoryPage;
import io.redline.api.StoryView;
import io.redline.core.Archive;
import io.redline.core.InvalidInputException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Stories: groups of articles that are versions or rewrites of one another. */
@Path("/stories")
@Produces(MediaType.APPLICATION_JSON)
public class StoryResource {
    static final int MAX_PAGE_SIZE = 200;

    private final Archive archive;

    public StoryResource(Archive archive) {
        this.archive = archive;
    }

    @GET
    public StoryPage stories(@QueryParam("page") @DefaultValue("0") String page,
                             @QueryParam("size") @DefaultValue("20") String size) {
        return archive.stories(intParam("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
                intParam("size", size, 1, MAX_PAGE_SIZE));
    }

    @GET
    @Path("/{id}")
    public StoryView story(@PathParam("id") String id) {
        long storyId;
        try {
            storyId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw NotFound.of("story", id);
        }
        return NotFound.unless(archive.story(storyId), "story", id);
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
        throw new InvalidInputException(400, name, name + " must be an integer between " + min + " and " + max + ", got '" + value + "'");
    }
}
