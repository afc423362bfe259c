package io.redline.resources;

import io.redline.api.StatsView;
import io.redline.read.Catalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The settings in force (LSH bands × rows and S-curve, thresholds) and the size of the store. */
@Path("/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {
    private final Catalog catalog;

    public StatsResource(Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public StatsView stats() {
        return catalog.stats();
    }
}
