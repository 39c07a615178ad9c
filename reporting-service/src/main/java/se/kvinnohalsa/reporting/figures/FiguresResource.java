package se.kvinnohalsa.reporting.figures;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.support.problem.FieldError;
import se.kvinnohalsa.support.problem.SecurityProblems;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

@Path("/api/v1/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    @Inject
    FiguresService figures;

    @GET
    @Path("/{year}/figures")
    @Operation(operationId = "getReportFigures", summary = "Public: every region's report figures for the national follow-up", description = "All 21 regions "
            + "in region code order. For every report its status (NOT_STARTED, DRAFT, SUBMITTED, ACCEPTED, RETURNED), "
            + "submittedAt, late and reviewedAt. Only a SUBMITTED or ACCEPTED report also shows its version, "
            + "spendingSplitStatus and figures: kronor per focus area as reported (with the region's own reason when "
            + "it could not split), the number of activities and activities per target group (an activity for two "
            + "groups counts for both), the workforce plan (period, professions, care settings) and the postpartum "
            + "visit share it reported. A draft's or a returned report's contents are never shown. Money in whole kronor.")
    @APIResponse(responseCode = "200", description = "One row per region", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = YearFigures.class), examples = @ExampleObject(name = "2024 (abridged)", ref = "GetReportFigures200")))
    @APIResponse(responseCode = "400", description = "year is not a four-digit year", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, examples = @ExampleObject(name = "bad year", ref = "GetReportFigures400")))
    @APIResponse(responseCode = "404", description = "No agreement known for the year", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, examples = @ExampleObject(name = "no agreement", ref = "GetReportFigures404")))
    public Response figures(@Parameter(description = "Agreement year", example = "2024") @PathParam("year") String year,
            @Context UriInfo uri) {
        if (!YEAR.matcher(year).matches()) {
            return SecurityProblems.problem(400, "Bad Request", "year must be a four-digit year", uri.getPath(),
                    Map.of("errors", List.of(new FieldError("year", "'" + year + "' is not a four-digit year"))))
                    .build();
        }
        return Response.ok(figures.of(Integer.parseInt(year))).build();
    }
}
