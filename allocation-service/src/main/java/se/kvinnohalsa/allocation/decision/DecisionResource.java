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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.events.http.RegionAccess;

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
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the region's own split of its money to its units",
            description = "That region's reporter or an admin. The lines must add up exactly to the region's published "
                    + "total. Emits allocation.decision-recorded.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Jämtland Härjedalen 2025", value = """
            {"reference": "RS/25/2025", "decidedOn": "2025-05-28", "decidedBy": "Regiondirektör",
             "lines": [{"unit": "Område Kvinna", "amountSek": 16701014},
                       {"unit": "Mödrahälsovård/primärvård", "amountSek": 8145464}]}""")))
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "200", description = "Replaced the earlier decision")
    @APIResponse(responseCode = "403", description = "A reporter of another region")
    @APIResponse(responseCode = "409", description = "The year's allocations are not published yet")
    @APIResponse(responseCode = "422", description = "The lines do not add up to the published total; errors name the difference")
    public Response record(@PathParam("year") int year, @PathParam("regionCode") String regionCode,
                           @Valid @NotNull DecisionRequest request) {
        decisions.requireYearAndRegion(year, regionCode);
        RegionAccess.requireWriterFor(token, regionCode);
        DecisionService.Recorded recorded = decisions.record(year, regionCode, request, token.getName());
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(recorded.decision()).build();
    }

    @GET
    @Operation(summary = "The region's decision")
    @APIResponse(responseCode = "404", description = "No such year or region, or no decision recorded")
    public DecisionView get(@PathParam("year") int year, @PathParam("regionCode") String regionCode) {
        return decisions.get(year, regionCode);
    }
}
