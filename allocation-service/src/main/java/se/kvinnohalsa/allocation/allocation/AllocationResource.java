package se.kvinnohalsa.allocation.allocation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/agreements/{year}")
@Tag(name = "Allocations")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationResource {

    @Inject
    AllocationService allocations;

    @Inject
    JsonWebToken token;

    @PUT
    @Path("/pools/{poolCode}/key")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the distribution key of a pool",
            description = "One weight per region (at least 0, each region at most once, at least one above 0; absent "
                    + "regions weigh 0). Amounts follow by the largest remainder method in whole kronor.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "key", value = """
            {"weights": [{"regionCode": "01", "weight": 2454821}, {"regionCode": "23", "weight": 132054}]}""")))
    @APIResponse(responseCode = "200", description = "The key and the amounts it gives (a draft until published)")
    @APIResponse(responseCode = "404", description = "No such agreement or pool")
    @APIResponse(responseCode = "422", description = "Unknown or repeated regions, all weights zero")
    public PoolKeyView setKey(@PathParam("year") int year, @PathParam("poolCode") String poolCode,
                              @Valid @NotNull KeyRequest request) {
        return allocations.setWeights(year, poolCode, request);
    }

    @PUT
    @Path("/pools/{poolCode}/amounts")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set fixed amounts for a pool", description = "For agreements that publish the amounts "
            + "themselves: whole kronor per region, adding up exactly to the pool.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "amounts", value = """
            {"amounts": [{"regionCode": "23", "amountSek": 7503287}, {"regionCode": "01", "amountSek": 142496713}]}""")))
    @APIResponse(responseCode = "422", description = "Unknown or repeated regions, or a sum other than the pool")
    public PoolKeyView setAmounts(@PathParam("year") int year, @PathParam("poolCode") String poolCode,
                                  @Valid @NotNull AmountsRequest request) {
        return allocations.setAmounts(year, poolCode, request);
    }

    @GET
    @Path("/allocations")
    @Operation(summary = "Every region's allocation", description = "DRAFT while the current keys give something not "
            + "published; PUBLISHED when they are exactly the latest published version.")
    public AllocationView current(@PathParam("year") int year) {
        return allocations.current(year);
    }

    @POST
    @Path("/allocations/publish")
    @RolesAllowed("admin")
    @Operation(summary = "Publish the current allocations as a new immutable version",
            description = "Emits allocation.published. Publishing unchanged allocations again returns the latest version.")
    @APIResponse(responseCode = "201", description = "Published as a new version; Location names it")
    @APIResponse(responseCode = "200", description = "Nothing changed since the latest version, which is returned")
    @APIResponse(responseCode = "409", description = "A pool has no key yet")
    public Response publish(@PathParam("year") int year, @Context UriInfo uri) {
        AllocationService.Publication publication = allocations.publish(year, token.getName());
        if (!publication.created()) {
            return Response.ok(publication.version()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/agreements/{year}/allocations/versions/{n}")
                .build(year, publication.version().version())).entity(publication.version()).build();
    }

    @GET
    @Path("/allocations/versions")
    @Operation(summary = "Every published version of the year")
    public List<VersionView> versions(@PathParam("year") int year) {
        return allocations.versions(year);
    }

    @GET
    @Path("/allocations/versions/{version}")
    @Operation(summary = "One published version, exactly as published")
    @APIResponse(responseCode = "404", description = "No such version")
    public AllocationView version(@PathParam("year") int year, @PathParam("version") int version) {
        return allocations.version(year, version);
    }
}
