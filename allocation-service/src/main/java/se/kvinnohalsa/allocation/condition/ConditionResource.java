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

    private static final String MET_2024_23 = """
            {"year": 2024, "regionCode": "23",
             "workforcePlan": {"status": "MET", "reportStatus": "ACCEPTED", "reportHasWorkforcePlan": true,
                               "reviewedAt": "2025-04-22T13:05:41.302118Z"},
             "agreementConditions": ["The region has a workforce plan (kompetensförsörjningsplan) for midwives and other professions"]}""";

    private static final String NOT_REVIEWED_2024_23 = """
            {"year": 2024, "regionCode": "23",
             "workforcePlan": {"status": "NOT_MET", "reportStatus": "NOT_REVIEWED", "reportHasWorkforcePlan": null,
                               "reviewedAt": null},
             "agreementConditions": ["The region has a workforce plan (kompetensförsörjningsplan) for midwives and other professions"]}""";

    // Error examples name schema HttpProblem (from quarkus-resteasy-problem) themselves: responses with their own
    // content do not get it added.
    private static final String NO_REGION = """
            {"status": 404, "title": "Not Found", "detail": "No region with code '99' (two-digit county codes such as 01 or 23)",
             "instance": "/api/v1/agreements/2024/regions/99/conditions", "requestId": "0ca856d8-8877-4c85-98bb-c1e681ed7d9f"}""";

    @Inject
    Regions regions;

    @GET
    @Operation(operationId = "getConditions", summary = "Status of the conditions that go with the region's money", description = "The workforce plan condition is met when reporting-service has accepted the region's report "
            + "with a workforce plan (learned from report.reviewed events).")
    @APIResponse(responseCode = "200", description = "The workforce plan condition and the agreement's conditions", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConditionsView.class), examples = {
            @ExampleObject(name = "met", value = MET_2024_23),
            @ExampleObject(name = "not reviewed yet", value = NOT_REVIEWED_2024_23)}))
    @APIResponse(responseCode = "404", description = "No agreement for that year, or no such region", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "no such region", value = NO_REGION)))
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
