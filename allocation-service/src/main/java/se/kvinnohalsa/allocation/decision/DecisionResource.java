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

    // Examples: Region Jämtland Härjedalen's 2025 decision (shared/data/jamtland-2025-decision.csv): 17,343,191 SEK
    // from the population pool + 7,503,287 SEK from the rural pool = 24,846,478 SEK.

    private static final String REQUEST_2025_23 = """
            {"reference": "RS/25/2025", "decidedOn": "2025-05-28", "decidedBy": "Regiondirektör",
             "lines": [{"unit": "Område Kvinna", "amountSek": 16701014},
                       {"unit": "Mödrahälsovård/primärvård", "amountSek": 8145464}]}""";

    private static final String DECISION_2025_23 = """
            {"year": 2025, "regionCode": "23", "reference": "RS/25/2025", "decidedOn": "2025-05-28",
             "decidedBy": "Regiondirektör", "totalSek": 24846478,
             "lines": [{"unit": "Område Kvinna", "amountSek": 16701014},
                       {"unit": "Mödrahälsovård/primärvård", "amountSek": 8145464}],
             "recordedAt": "2025-06-02T08:41:17.166345Z", "recordedBy": "reporter-23"}""";

    // Error examples name schema HttpProblem (from quarkus-resteasy-problem) themselves: responses with their own
    // content do not get it added.
    private static final String ONE_KRONA_OVER = """
            {"status": 422, "title": "Unprocessable Content",
             "detail": "the lines add up to 24846479 SEK but the region's published total is 24846478 SEK (difference +1 SEK)",
             "instance": "/api/v1/agreements/2025/regions/23/decision", "requestId": "d58cda80-d434-4878-95e2-f33eccd4458e",
             "errors": [{"field": "lines", "message": "the lines add up to 24846479 SEK but the region's published total is 24846478 SEK (difference +1 SEK)"}]}""";

    private static final String NOT_PUBLISHED = """
            {"status": 409, "title": "Conflict",
             "detail": "The allocations of 2025 are not published yet: a decision needs the region's published total",
             "instance": "/api/v1/agreements/2025/regions/23/decision", "requestId": "1da9cd0a-8a5b-4b04-b3c7-fd3cf0116ddc"}""";

    private static final String OTHER_REGION = """
            {"status": 403, "title": "Forbidden", "detail": "Only an admin or a reporter of region 23 may do this",
             "instance": "/api/v1/agreements/2025/regions/23/decision", "requestId": "51c1b003-a6a1-4ce8-a4f0-ff2618624815"}""";

    private static final String NO_DECISION = """
            {"status": 404, "title": "Not Found", "detail": "Region 23 has recorded no decision for 2025",
             "instance": "/api/v1/agreements/2025/regions/23/decision", "requestId": "4da77d95-2e78-4a83-a7cf-c155958c9f38"}""";

    @Inject
    DecisionService decisions;

    @Inject
    JsonWebToken token;

    @PUT
    @Authenticated
    @RegionWriter
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the region's own split of its money to its units", description = "That region's reporter or an admin. The lines must add up exactly to the region's published "
            + "total. Emits allocation.decision-recorded.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Jämtland Härjedalen 2025", value = REQUEST_2025_23)))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class), examples = @ExampleObject(name = "Jämtland Härjedalen 2025", value = DECISION_2025_23)))
    @APIResponse(responseCode = "200", description = "Replaced the earlier decision", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class), examples = @ExampleObject(name = "Jämtland Härjedalen 2025", value = DECISION_2025_23)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type or an unknown field; errors name it")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
    @APIResponse(responseCode = "403", description = "Neither an admin nor a reporter of this region", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "other region", value = OTHER_REGION)))
    @APIResponse(responseCode = "404", description = "No agreement for that year, or no such region")
    @APIResponse(responseCode = "409", description = "The year's allocations are not published yet", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "not published", value = NOT_PUBLISHED)))
    @APIResponse(responseCode = "415", description = "Content-Type other than application/json")
    @APIResponse(responseCode = "422", description = "Invalid fields, a unit listed twice, or lines that do not add up to the "
            + "published total; errors name the difference", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "one krona over", value = ONE_KRONA_OVER)))
    public Response record(@PathParam("year") int year, @PathParam("regionCode") String regionCode,
            @Valid @NotNull DecisionRequest request) {
        decisions.requireYearAndRegion(year, regionCode);
        DecisionService.Recorded recorded = decisions.record(year, regionCode, request, token.getName());
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(recorded.decision()).build();
    }

    @GET
    @Operation(summary = "The region's decision")
    @APIResponse(responseCode = "200", description = "The decision as last recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class), examples = @ExampleObject(name = "Jämtland Härjedalen 2025", value = DECISION_2025_23)))
    @APIResponse(responseCode = "404", description = "No such year or region, or no decision recorded", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "no decision", value = NO_DECISION)))
    public DecisionView get(@PathParam("year") int year, @PathParam("regionCode") String regionCode) {
        return decisions.get(year, regionCode);
    }
}
