package se.kvinnohalsa.allocation.condition;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.allocation.agreement.Agreement;
import se.kvinnohalsa.allocation.agreement.AgreementService;
import se.kvinnohalsa.allocation.region.Regions;
import se.kvinnohalsa.support.problem.SecurityProblems;

import java.util.List;

@Path("/api/v1/agreements/{year}/regions/{regionCode}/conditions")
@Tag(name = "Regions' decisions")
@Produces(MediaType.APPLICATION_JSON)
public class ConditionResource {

    // Error examples name schema HttpProblem (from quarkus-resteasy-problem) themselves: responses with their own
    // content do not get it added.

    @Inject
    Regions regions;

    @GET
    @Operation(operationId = "getConditions", summary = "Status of the conditions that go with the region's money", description = "The workforce plan condition is met when reporting-service has accepted the region's report "
            + "with a workforce plan (learned from report.reviewed events).")
    @APIResponse(responseCode = "200", description = "The workforce plan condition and the agreement's conditions", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConditionsView.class), examples = {
            @ExampleObject(name = "met", ref = "GetConditions200Met"),
            @ExampleObject(name = "not reviewed yet", ref = "GetConditions200NotReviewedYet")}))
    @APIResponse(responseCode = "404", description = "No agreement for that year, or no such region", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "no such region", ref = "GetConditions404")))
    public ConditionsView get(@PathParam("year") int year, @PathParam("regionCode") String regionCode) {
        Agreement agreement = AgreementService.require(year);
        regions.require(regionCode);
        ReportReview review = ReportReview.findById(new ReportReview.Key(year, regionCode));
        boolean met = review != null && "ACCEPTED".equals(review.status) && review.hasWorkforcePlan;
        ConditionsView.WorkforcePlan plan = new ConditionsView.WorkforcePlan(met ? "MET" : "NOT_MET",
                review == null ? "NOT_REVIEWED" : review.status,
                review == null ? null : review.hasWorkforcePlan,
                review == null ? null : review.reviewedAt);
        return new ConditionsView(year, regionCode, plan, List.copyOf(agreement.conditions));
    }
}
