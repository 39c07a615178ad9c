package se.kvinnohalsa.gateway.followup;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.gateway.routing.GatewayConfig;
import se.kvinnohalsa.support.problem.FieldError;
import se.kvinnohalsa.support.problem.SecurityProblems;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The yearly follow-up of the agreement, composed from the services' public APIs, in four formats. */
@Path("/api/v1/follow-up/{year}")
@Tag(name = "Follow-up", description = "The yearly follow-up of the agreement as the national board publishes it, as JSON, HTML, PDF or XLSX")
public class FollowUpResource {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final List<Variant> VARIANTS = Variant
            .mediaTypes(Arrays.stream(Format.values()).map(Format::mediaType).toArray(MediaType[]::new)).build();

    @Inject
    FollowUpService followUp;

    @Inject
    GatewayConfig config;

    @GET
    @Operation(operationId = "getFollowUp", summary = "The yearly follow-up of the agreement: JSON, HTML, PDF or XLSX", description = "The national "
            + "board's tables and figures for an agreement year, composed from the services' public APIs: 1 the "
            + "agreement; 2 the allocation per region and pool (appendix 1); 3 how the regions spent the money "
            + "(figure 1 over the regions that could split their spending, table 5 and appendix 3 per region, counts "
            + "per focus area); 4 target groups (figure 2); 5 workforce plans (appendix 2); 6 every indicator with "
            + "values for a period ending in the year (tables); 7 which reports are in. Only submitted and accepted "
            + "reports count and only public indicator values appear. Every section lists what it rests on (reports "
            + "with version and time, allocation version, import batches). The format by ?format= (json, html, pdf, "
            + "xlsx) or Accept. Money in whole kronor; shares rounded only when shown (one decimal). The same data "
            + "gives the same bytes: the ETag is a hash of the document, If-None-Match answers 304. Cached; rebuilt "
            + "when an event says something under it changed, and after gateway.follow-up.max-age at the latest.")
    @APIResponse(responseCode = "200", description = "The follow-up", headers = @Header(name = "ETag", description = "A hash of this format's bytes", schema = @Schema(type = SchemaType.STRING)), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "The sections 1-7 with their sources (see the example)"), examples = @ExampleObject(name = "2024 (abridged)", ref = "GetFollowUp200Json")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "printable page", ref = "GetFollowUp200Html")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"), examples = @ExampleObject(name = "PDF", ref = "GetFollowUp200Pdf")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary"), examples = @ExampleObject(name = "workbook", ref = "GetFollowUp200Xlsx"))})
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "year is not a four-digit year, or format is none of json, html, pdf, xlsx", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, examples = @ExampleObject(name = "bad format", ref = "GetFollowUp400")))
    @APIResponse(responseCode = "404", description = "No agreement for the year", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, examples = @ExampleObject(name = "no agreement", ref = "GetFollowUp404")))
    @APIResponse(responseCode = "406", description = "Accept names none of the four formats")
    @APIResponse(responseCode = "503", description = "A service the document rests on cannot be asked; Retry-After says when to try again, the member service which one", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, examples = @ExampleObject(name = "service down", ref = "GetFollowUp503")))
    public Uni<Response> followUp(
            @Parameter(description = "Agreement year", example = "2024") @PathParam("year") String year,
            @Parameter(description = "json, html, pdf or xlsx (or the media type); overrides Accept") @QueryParam("format") String format,
            @HeaderParam("X-Request-Id") String requestId, @Context Request request) {
        String path = "/api/v1/follow-up/" + year;
        if (!YEAR.matcher(year).matches()) {
            return bad(path, "year", "year must be a four-digit year", "'" + year + "' is not a four-digit year");
        }
        Optional<Format> chosen;
        if (format != null) {
            chosen = Format.named(format.strip());
            if (chosen.isEmpty()) {
                return bad(path, "format", "format must be one of " + Format.ALL,
                        "'" + format + "' is not one of " + Format.ALL);
            }
        } else {
            Variant variant = request.selectVariant(VARIANTS);
            if (variant == null) {
                return Uni.createFrom().item(SecurityProblems.problem(Response.Status.NOT_ACCEPTABLE,
                        "The follow-up is available as " + Format.ALL + " (Accept or ?format=)", path).build());
            }
            chosen = Optional.of(Format.of(variant.getMediaType()));
        }
        int theYear = Integer.parseInt(year);
        return followUp.document(theYear, chosen.get(), requestId)
                .map(document -> respond(request, document, theYear))
                .onFailure(NoAgreementException.class).recoverWithItem(e -> SecurityProblems
                        .problem(Response.Status.NOT_FOUND, e.getMessage(), path).build())
                .onFailure(SourceUnavailableException.class).recoverWithItem(e -> SecurityProblems
                        .problem(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), "Service Unavailable",
                                "The follow-up cannot be built now: " + e.getMessage(), path,
                                Map.of("service", ((SourceUnavailableException) e).service()))
                        .header(HttpHeaders.RETRY_AFTER, config.followUp().retryAfter().toSeconds()).build());
    }

    private static Response respond(Request request, FollowUpCache.Document document, int year) {
        EntityTag etag = new EntityTag(document.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder response = notModified != null
                ? notModified
                : Response.ok(document.bytes(), document.format().mediaType());
        response.tag(etag).header(HttpHeaders.CACHE_CONTROL, "no-cache").header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        String file = "uppfoljning-" + year + "." + document.format().parameter();
        switch (document.format()) {
            case PDF -> response.header("Content-Disposition", "inline; filename=\"" + file + "\"");
            case XLSX -> response.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
            default -> {
            }
        }
        return response.build();
    }

    private static Uni<Response> bad(String path, String field, String detail, String message) {
        return Uni.createFrom().item(SecurityProblems.problem(400, "Bad Request", detail, path,
                Map.of("errors", List.of(new FieldError(field, message)))).build());
    }
}
