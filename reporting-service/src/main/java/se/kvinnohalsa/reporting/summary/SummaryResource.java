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
    @APIResponse(responseCode = "200", description = "One row per region", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = OverviewRow.class), examples = @ExampleObject(name = "2024", value = """
            [{"regionCode": "01", "regionName": "Stockholm", "status": "SUBMITTED", "submittedAt": "2025-03-30T12:00:00Z",
              "late": false, "spendingSplit": false, "spendingSplitStatus": "PARTLY_SPLIT", "reviewedAt": null, "updatedAt": "2025-03-30T12:00:00Z",
              "allocatedSek": 321813247},
             {"regionCode": "03", "regionName": "Uppsala", "status": "NOT_STARTED", "submittedAt": null,
              "late": false, "spendingSplit": null, "spendingSplitStatus": null, "reviewedAt": null, "updatedAt": null, "allocatedSek": 54461671}]""")))
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
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NationalSummary.class), examples = @ExampleObject(name = "2024 (abridged)", value = """
            {"year": 2024, "regions": 21, "submitted": 21, "accepted": 18, "late": 0, "splitTotalSek": 755982312,
             "focusAreas": [{"code": "KOMPETENSFORSORJNING", "name": "Stärkt kompetensförsörjning", "amountSek": 228671148, "sharePercent": 30.2},
                            {"code": "NYA_ARBETSSATT", "name": "Utveckling av nya arbetssätt", "amountSek": 108254654, "sharePercent": 14.3}],
             "includedRegions": ["03", "04", "05"],
             "excludedRegions": [{"regionCode": "01", "reason": "PARTLY_SPLIT", "status": "ACCEPTED",
                                  "statedReason": "Activities touch several areas, so the whole amount cannot be split per area"}],
             "activities": 84, "targetGroups": [{"code": "PREGNANT", "activityCount": 30, "sharePercent": 35.7}],
             "spendingVsAllocation": [{"regionCode": "03", "allocatedSek": 54461671, "spentSek": 54516133,
                                       "differenceSek": 54462, "spentPercentOfAllocation": 100.1, "outcome": "OVER"}]}""")))
    @APIResponse(responseCode = "404", description = "No agreement known for the year")
    public NationalSummary summary(@PathParam("year") int year) {
        return summaries.summary(year);
    }
}
