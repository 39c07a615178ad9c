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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.support.problem.SecurityProblems;

import java.util.List;

@Path("/api/v1/agreements/{year}")
@Tag(name = "Allocations")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationResource {

    // Error examples name schema HttpProblem (from quarkus-resteasy-problem) themselves: responses with their own
    // content do not get it added.

    @Inject
    AllocationService allocations;

    @Inject
    JsonWebToken token;

    @PUT
    @Path("/pools/{poolCode}/key")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setPoolKey", summary = "Set the distribution key of a pool", description = "One weight per region (at least 0, each region at most once, at least one above 0; absent "
            + "regions weigh 0). Amounts follow by the largest remainder method in whole kronor.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "key", ref = "SetPoolKeyRequest")))
    @APIResponse(responseCode = "200", description = "The key and the amounts it gives (a draft until published)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PoolKeyView.class), examples = @ExampleObject(name = "2024 population pool", ref = "SetPoolKey200")))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type or an unknown field; errors name it")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such agreement or pool", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "no such pool", ref = "SetPoolKey404")))
    @APIResponse(responseCode = "415", description = "Content-Type other than application/json")
    @APIResponse(responseCode = "422", description = "Unknown or repeated regions, more than 6 decimals, all weights zero", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "regions", ref = "SetPoolKey422")))
    public PoolKeyView setKey(@PathParam("year") int year, @PathParam("poolCode") String poolCode,
            @Valid @NotNull KeyRequest request) {
        return allocations.setWeights(year, poolCode, request);
    }

    @PUT
    @Path("/pools/{poolCode}/amounts")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setPoolAmounts", summary = "Set fixed amounts for a pool", description = "For agreements that publish the amounts "
            + "themselves: whole kronor per region, adding up exactly to the pool.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "amounts", ref = "SetPoolAmountsRequest")))
    @APIResponse(responseCode = "200", description = "The amounts per region (a draft until published)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PoolKeyView.class), examples = @ExampleObject(name = "2024 rural pool", ref = "SetPoolAmounts200")))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type or an unknown field; errors name it")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such agreement or pool")
    @APIResponse(responseCode = "415", description = "Content-Type other than application/json")
    @APIResponse(responseCode = "422", description = "Unknown or repeated regions, or a sum other than the pool", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "one krona short", ref = "SetPoolAmounts422")))
    public PoolKeyView setAmounts(@PathParam("year") int year, @PathParam("poolCode") String poolCode,
            @Valid @NotNull AmountsRequest request) {
        return allocations.setAmounts(year, poolCode, request);
    }

    @GET
    @Path("/allocations")
    @Operation(operationId = "getAllocations", summary = "Every region's allocation", description = "DRAFT while the current keys give something not "
            + "published; PUBLISHED when they are exactly the latest published version.")
    @APIResponse(responseCode = "200", description = "Every region's amount per pool, in whole kronor", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationView.class), examples = @ExampleObject(name = "2024, published", ref = "GetAllocations200")))
    @APIResponse(responseCode = "404", description = "No agreement for that year")
    public AllocationView current(@PathParam("year") int year) {
        return allocations.current(year);
    }

    @POST
    @Path("/allocations/publish")
    @RolesAllowed("admin")
    @Operation(operationId = "publishAllocations", summary = "Publish the current allocations as a new immutable version", description = "Emits allocation.published. Publishing unchanged allocations again returns the latest version.")
    @APIResponse(responseCode = "201", description = "Published as a new version; Location names it", headers = @Header(name = "Location", description = "/api/v1/agreements/{year}/allocations/versions/{version}", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class), examples = @ExampleObject(name = "2024, version 1", ref = "PublishAllocations201")))
    @APIResponse(responseCode = "200", description = "Nothing changed since the latest version, which is returned", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class), examples = @ExampleObject(name = "2024, version 1", ref = "PublishAllocations201")))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No agreement for that year")
    @APIResponse(responseCode = "409", description = "A pool has no key yet", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "pool without key", ref = "PublishAllocations409")))
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
    @Operation(operationId = "listAllocationVersions", summary = "Every published version of the year", description = "Public. Newest first: when and by whom each version was published and its total.")
    @APIResponse(responseCode = "200", description = "The versions, oldest first (empty before the first publication)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = VersionView.class), examples = @ExampleObject(name = "2024", ref = "ListAllocationVersions200")))
    @APIResponse(responseCode = "404", description = "No agreement for that year")
    public List<VersionView> versions(@PathParam("year") int year) {
        return allocations.versions(year);
    }

    @GET
    @Path("/allocations/versions/{version}")
    @Operation(operationId = "getAllocationVersion", summary = "One published version, exactly as published", description = "Public. The allocation of every region as it was published in that version, never recomputed.")
    @APIResponse(responseCode = "200", description = "The version's amounts; status is always PUBLISHED", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationView.class), examples = @ExampleObject(name = "2024, version 1", ref = "GetAllocations200")))
    @APIResponse(responseCode = "404", description = "No agreement for that year, or no such version", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "no such version", ref = "GetAllocationVersion404")))
    public AllocationView version(@PathParam("year") int year, @PathParam("version") int version) {
        return allocations.version(year, version);
    }
}
