package se.kvinnohalsa.reporting.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.reporting.report.HistoryView;
import se.kvinnohalsa.reporting.report.ReportService;
import se.kvinnohalsa.reporting.report.ReportView;

import java.util.List;

@Path("/api/v1/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReportService reports;

    @Inject
    JsonWebToken token;

    @POST
    @Path("/{year}/{regionCode}/review")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reviewReport", summary = "Review a submitted report (admin)", description = "ACCEPT, or RETURN with a comment: the region can then edit and submit again. Kept in the audit "
            + "trail. If-Match is optional (stale: 412). Emits report.reviewed.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewRequest.class), examples = {
            @ExampleObject(name = "accept", ref = "ReviewReportRequestAccept"),
            @ExampleObject(name = "return", ref = "ReviewReportRequestReturn")}))
    @APIResponse(responseCode = "200", description = "Reviewed: the report as it is now", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class), examples = @ExampleObject(name = "Jämtland Härjedalen 2025", ref = "Report2025Region23")))
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such year or region, or no report")
    @APIResponse(responseCode = "409", description = "The report is not submitted (a draft, returned or accepted already)")
    @APIResponse(responseCode = "422", description = "RETURN without a comment, or a comment over 2,000 characters")
    public Response review(@PathParam("year") int year, @PathParam("regionCode") String regionCode,
            @Parameter(description = "The current ETag; optional, a stale one is 412", schema = @Schema(type = SchemaType.STRING)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ReviewRequest request) {
        ReportView report = reports.review(year, regionCode, request.decision(), request.comment(), ifMatch,
                token.getName());
        return Response.ok(report).tag(new EntityTag(String.valueOf(report.version()))).build();
    }

    @GET
    @Path("/{year}/{regionCode}/history")
    @RolesAllowed("admin")
    @Operation(operationId = "getReportHistory", summary = "Audit trail of the report (admin)", description = "Every status change, oldest first: who, when, from and to which status, and the comment.")
    @APIResponse(responseCode = "200", description = "The trail", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryView.class), examples = @ExampleObject(name = "returned once", ref = "GetReportHistory200")))
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such year or region, or no report")
    public List<HistoryView> history(@PathParam("year") int year, @PathParam("regionCode") String regionCode) {
        return reports.history(year, regionCode);
    }
}
