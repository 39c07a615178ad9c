package se.kvinnohalsa.reporting.summary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

@Path("/api/v1/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    @Inject
    SummaryService summaries;

    @GET
    @Path("/{year}")
    @RolesAllowed({"admin", "analyst"})
    @Operation(operationId = "listReportStatuses", summary = "Every region's report status for a year (admins, analysts)", description = "All 21 regions, NOT_STARTED where a region has no report; late; whether spending was split.")
    @APIResponse(responseCode = "200", description = "One row per region", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = OverviewRow.class), examples = @ExampleObject(name = "2024", ref = "ListReportStatuses200")))
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "Neither admin nor analyst")
    @APIResponse(responseCode = "404", description = "No agreement known for the year")
    public List<OverviewRow> overview(@PathParam("year") int year) {
        return summaries.overview(year);
    }

    @GET
    @Path("/{year}/summary")
    @Operation(operationId = "getReportSummary", summary = "Public national summary of the year's submitted and accepted reports", description = "focusAreas: kronor per focus area over the regions whose spending is fully split "
            + "(includedRegions), amount-weighted shares with one decimal of splitTotalSek. excludedRegions: every "
            + "other region with reason NOT_SUBMITTED, NOT_SPLIT or PARTLY_SPLIT and the region's own statedReason. "
            + "targetGroups: activities per target group over all submitted reports (an activity for two groups "
            + "counts for both). spendingVsAllocation: per submitted region its total spent against its published "
            + "allocation: OVER (co-funded), UNDER, EQUAL, UNKNOWN. Money in whole kronor; percentages as decimals.")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NationalSummary.class), examples = @ExampleObject(name = "2024 (abridged)", ref = "GetReportSummary200")))
    @APIResponse(responseCode = "404", description = "No agreement known for the year")
    public NationalSummary summary(@PathParam("year") int year) {
        return summaries.summary(year);
    }
}
