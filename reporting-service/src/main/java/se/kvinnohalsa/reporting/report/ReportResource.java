package se.kvinnohalsa.reporting.report;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.support.access.RegionAccess;
import se.kvinnohalsa.support.access.RegionWriter;
import se.kvinnohalsa.support.problem.FieldError;
import se.kvinnohalsa.support.problem.SecurityProblems;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

@Path("/api/v1/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final String ETAG = "The report's version, e.g. \"3\": send it as If-Match when replacing";

    @Inject
    ReportService reports;

    @Inject
    JsonWebToken token;

    @PUT
    @Path("/{year}/{regionCode}")
    @Authenticated
    @RegionWriter
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putReport", summary = "Create or replace the region's draft report for a year", description = "That region's reporter or an admin. A draft may be incomplete; focus areas must be the "
            + "agreement year's, each at most once. Replacing needs If-Match with the current ETag. Limits: "
            + "30 spending lines, 400 activities (title 200, description 2,000 characters, 30 focus areas, "
            + "8 target groups each), situation analysis parts 10,000 characters, 30 professions and care settings "
            + "of 100 characters, referral paths and notSplitReason 2,000 characters; bodies over 1 MB get 413. "
            + "Spending is fully split when it has lines and no notSplitReason (and totalSek, if given, equals "
            + "the lines' sum); lines plus a reason is partly split; no lines is not split.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportRequest.class), examples = {
            @ExampleObject(name = "Jämtland Härjedalen, split", ref = "PutReportRequestSplit"),
            @ExampleObject(name = "Blekinge, not split (draft)", ref = "PutReportRequestNotSplit")}))
    @APIResponse(responseCode = "201", description = "Created as a draft", headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class), examples = @ExampleObject(name = "Jämtland Härjedalen 2025", ref = "Report2025Region23")))
    @APIResponse(responseCode = "200", description = "Replaced", headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class), examples = @ExampleObject(name = "Jämtland Härjedalen 2025", ref = "Report2025Region23")))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type, an unknown field or target group; errors name it")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
    @APIResponse(responseCode = "403", description = "A reporter of another region, an analyst or registry")
    @APIResponse(responseCode = "404", description = "No agreement known for the year, or no such region")
    @APIResponse(responseCode = "409", description = "The report is submitted or accepted: read-only until returned")
    @APIResponse(responseCode = "412", description = "If-Match names an older version: someone else saved meanwhile")
    @APIResponse(responseCode = "413", description = "Body over 1 MB")
    @APIResponse(responseCode = "422", description = "A limit or rule is broken; errors name every field")
    @APIResponse(responseCode = "428", description = "Replacing an existing report without If-Match")
    public Response put(@PathParam("year") int year, @PathParam("regionCode") String regionCode,
            @Parameter(description = "The current ETag; required when the report exists", schema = @Schema(type = SchemaType.STRING)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            ReportRequest request) {
        reports.requireYearAndRegion(year, regionCode);
        reports.validateShape(request);
        ReportService.Saved saved = reports.put(year, regionCode, request, ifMatch, token.getName());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .tag(new EntityTag(String.valueOf(saved.report().version())))
                .entity(saved.report()).build();
    }

    @GET
    @Path("/{year}/{regionCode}")
    @Authenticated
    @Operation(operationId = "getReport", summary = "The region's report", description = "That region's reporter, admins and analysts.")
    @APIResponse(responseCode = "200", description = "The report with status, submittedAt, late and the review", headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class), examples = @ExampleObject(name = "Jämtland Härjedalen 2025", ref = "Report2025Region23")))
    @APIResponse(responseCode = "403", description = "A reporter of another region or registry")
    @APIResponse(responseCode = "404", description = "No such year or region, or no report yet")
    public Response get(@PathParam("year") int year, @PathParam("regionCode") String regionCode) {
        reports.requireYearAndRegion(year, regionCode);
        RegionAccess.requireReaderFor(token, regionCode);
        ReportView report = reports.get(year, regionCode);
        return Response.ok(report).tag(new EntityTag(String.valueOf(report.version()))).build();
    }

    @GET
    @Path("/{year}/{regionCode}/status")
    @Operation(operationId = "getReportStatus", summary = "Public: how far the region's report has come", description = "{year, regionCode, status (NOT_STARTED, DRAFT, SUBMITTED, ACCEPTED, RETURNED), submittedAt, "
            + "late, spendingSplit (true = fully split; null before spending is reported), spendingSplitStatus, "
            + "reviewedAt, allocatedSek (the region's published allocation; null before publication)}. The content of a "
            + "report is not public: while it is a DRAFT or RETURNED (being completed by the region) only that it exists "
            + "and its status are shown, spendingSplit and spendingSplitStatus are null.")
    @APIResponse(responseCode = "200", description = "The status", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusView.class), examples = @ExampleObject(name = "submitted", ref = "GetReportStatus200")))
    @APIResponse(responseCode = "404", description = "No agreement known for the year, or no such region")
    public StatusView status(@PathParam("year") int year, @PathParam("regionCode") String regionCode) {
        return reports.status(year, regionCode);
    }

    @POST
    @Path("/{year}/{regionCode}/submission")
    @Authenticated
    @RegionWriter
    @Operation(operationId = "submitReport", summary = "Submit the report to the board", description = "That region's reporter or an admin. Checks the whole report and answers 422 listing every "
            + "missing or invalid part. After the end of the agreement's deadline day (Europe/Stockholm) the "
            + "report is late (decided by its first submission). Read-only until the board returns it. "
            + "If-Match is optional here: when sent, a stale one is 412. Emits report.submitted.")
    @APIResponse(responseCode = "200", description = "Submitted", headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class), examples = @ExampleObject(name = "Jämtland Härjedalen 2025", ref = "Report2025Region23")))
    @APIResponse(responseCode = "400", description = "receivedAt is not an ISO 8601 instant")
    @APIResponse(responseCode = "403", description = "A reporter of another region, or receivedAt from anyone but an admin")
    @APIResponse(responseCode = "404", description = "No such year or region, or no report to submit")
    @APIResponse(responseCode = "409", description = "Submitted or accepted already")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "422", description = "Not complete; errors name every problem", content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "incomplete", ref = "SubmitReport422")))
    public Response submit(@PathParam("year") int year, @PathParam("regionCode") String regionCode,
            @Parameter(description = "The current ETag; optional, a stale one is 412", schema = @Schema(type = SchemaType.STRING)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Admins only: when a report that came by other means (e-mail, paper) was "
                    + "received, e.g. 2025-03-28T09:00:00Z; lateness is judged by it. Not in the future.") @QueryParam("receivedAt") String receivedAt,
            @Context UriInfo uri) {
        reports.requireYearAndRegion(year, regionCode);
        Instant received = null;
        if (receivedAt != null) {
            if (!token.getGroups().contains(RegionAccess.ADMIN)) {
                throw new ForbiddenException("Only an admin may record when a report was received");
            }
            try {
                received = Instant.parse(receivedAt);
            } catch (DateTimeParseException e) {
                return SecurityProblems
                        .problem(400, "Bad Request", "receivedAt is not an ISO 8601 instant", uri.getPath(),
                                Map.of("errors", List.of(new FieldError("receivedAt", "'" + receivedAt
                                        + "' is not an ISO 8601 instant, e.g. 2025-03-28T09:00:00Z"))))
                        .build();
            }
        }
        ReportView report = reports.submit(year, regionCode, ifMatch, token.getName(), received);
        return Response.ok(report).tag(new EntityTag(String.valueOf(report.version()))).build();
    }
}
