package se.kvinnohalsa.allocation.region;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/regions")
@Tag(name = "Regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {

    @Inject
    Regions regions;

    @GET
    @Operation(summary = "The 21 regions", description = "Codes are two-digit county codes (länskod) as strings.")
    public List<Regions.RegionView> list() {
        return regions.all();
    }
}
