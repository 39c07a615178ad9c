package se.kvinnohalsa.allocation.region;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/regions")
@Tag(name = "Regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {

    @Inject
    Regions regions;

    @GET
    @Operation(operationId = "listRegions", summary = "The 21 regions", description = "Codes are two-digit county codes (länskod) as strings.")
    @APIResponse(responseCode = "200", description = "Every region, by code", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Regions.RegionView.class), examples = @ExampleObject(name = "the 21 regions", ref = "ListRegions200")))
    public List<Regions.RegionView> list() {
        return regions.all();
    }
}
