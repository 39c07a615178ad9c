package se.kvinnohalsa.allocation.decision;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.support.access.RegionWriter;
import se.kvinnohalsa.support.problem.SecurityProblems;

@Path("/api/v1/agreements/{year}/regions/{regionCode}/decision")
@Tag(name = "Regions' decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    @Inject
    DecisionService decisions;

    @Inject
    JsonWebToken token;

    @PUT
    @Authenticated
    @RegionWriter
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordDecision", summary = "Record the region's own split of its money to its units", description = "That region's reporter or an admin. The lines must add up exactly to the region's published "
            + "total. Emits allocation.decision-recorded.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Jämtland Härjedalen 2025", ref = "DecisionRequest2025Region23")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class), examples = @ExampleObject(name = "Jämtland Härjedalen 2025", ref = "Decision2025Region23")))
    @APIResponse(responseCode = "200", description = "Replaced the earlier decision", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class), examples = @ExampleObject(name = "Jämtland Härjedalen 2025", ref = "Decision2025Region23")))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type or an unknown field; errors name it")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
    @APIResponse(responseCode = "403", description = "Neither an admin nor a reporter of this region", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, examples = @ExampleObject(name = "other region", ref = "DecisionOtherRegion")))
    @APIResponse(responseCode = "404", description = "No agreement for that year, or no such region")
    @APIResponse(responseCode = "409", description = "The year's allocations are not published yet", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, examples = @ExampleObject(name = "not published", ref = "DecisionNotPublished")))
    @APIResponse(responseCode = "415", description = "Content-Type other than application/json")
    @APIResponse(responseCode = "422", description = "Invalid fields, a unit listed twice, or lines that do not add up to the "
            + "published total; errors name the difference", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, examples = @ExampleObject(name = "one krona over", ref = "DecisionOneKronaOver")))
    public Response record(@PathParam("year") int year, @PathParam("regionCode") String regionCode,
            @Valid @NotNull DecisionRequest request) {
        decisions.requireYearAndRegion(year, regionCode);
        DecisionService.Recorded recorded = decisions.record(year, regionCode, request, token.getName());
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(recorded.decision()).build();
    }

    @GET
    @Operation(operationId = "getDecision", summary = "The region's decision", description = "Public.")
    @APIResponse(responseCode = "200", description = "The decision as last recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class), examples = @ExampleObject(name = "Jämtland Härjedalen 2025", ref = "Decision2025Region23")))
    @APIResponse(responseCode = "404", description = "No such year or region, or no decision recorded", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, examples = @ExampleObject(name = "no decision", ref = "DecisionNone")))
    public DecisionView get(@PathParam("year") int year, @PathParam("regionCode") String regionCode) {
        return decisions.get(year, regionCode);
    }
}
