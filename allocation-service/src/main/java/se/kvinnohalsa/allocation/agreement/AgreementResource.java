package se.kvinnohalsa.allocation.agreement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.support.problem.SecurityProblems;

import java.util.List;

@Path("/api/v1/agreements")
@Tag(name = "Agreements")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

    static final String EXAMPLE_2024 = """
            {"year": 2024, "title": "Överenskommelse om kvinnors hälsa 2024", "totalSek": 1535000000,
             "reportingDeadline": "2025-03-31",
             "pools": [{"code": "POPULATION", "amountSek": 1367000000}, {"code": "RURAL", "amountSek": 150000000}],
             "focusAreas": [{"code": "EFTERVARD", "name": "Utveckling av eftervård"}],
             "conditions": ["The region has a workforce plan (kompetensförsörjningsplan) for midwives and other professions"]}""";

    /** What creating {@link #EXAMPLE_2024} answers: no pool has a key yet. */
    private static final String CREATED_2024 = """
            {"year": 2024, "title": "Överenskommelse om kvinnors hälsa 2024", "totalSek": 1535000000,
             "reportingDeadline": "2025-03-31",
             "pools": [{"code": "POPULATION", "amountSek": 1367000000, "keyKind": "NONE"},
                       {"code": "RURAL", "amountSek": 150000000, "keyKind": "NONE"}],
             "focusAreas": [{"code": "EFTERVARD", "name": "Utveckling av eftervård"}],
             "conditions": ["The region has a workforce plan (kompetensförsörjningsplan) for midwives and other professions"]}""";

    /** The 2024 agreement with its nine focus areas, once both pools have a key (shared/data). */
    private static final String AGREEMENT_2024 = """
            {"year": 2024, "title": "Överenskommelse om kvinnors hälsa 2024", "totalSek": 1535000000,
             "reportingDeadline": "2025-03-31",
             "pools": [{"code": "POPULATION", "amountSek": 1367000000, "keyKind": "WEIGHTS"},
                       {"code": "RURAL", "amountSek": 150000000, "keyKind": "AMOUNTS"}],
             "focusAreas": [{"code": "GRAVIDITETSVARDKEDJA", "name": "Utveckling av graviditetsvårdkedja"},
                            {"code": "EFTERVARD", "name": "Utveckling av eftervård"},
                            {"code": "KOMPETENSFORSORJNING", "name": "Stärkt kompetensförsörjning"},
                            {"code": "RELEVANT_KOMPETENS", "name": "Utveckling av relevant kompetens"},
                            {"code": "NYA_ARBETSSATT", "name": "Utveckling av nya arbetssätt"},
                            {"code": "JAMLIK_VARD", "name": "Insatser för en mer jämlik mödrahälsovård och förlossningsvård"},
                            {"code": "KVINNORS_HALSA", "name": "Utveckling av hälso- och sjukvård som rör flickors och kvinnors hälsa och sjukdomar inklusive sexuell och reproduktiv hälsa"},
                            {"code": "SEXUELLT_VALD", "name": "En god vård för personer som utsatts för sexuellt våld och könsstympning"},
                            {"code": "LANDSBYGD", "name": "Särskilda insatser för att stärka tillgängligheten till mödrahälsovården och förlossningsvården på landsbygden"}],
             "conditions": ["The region has a workforce plan (kompetensförsörjningsplan) for midwives and other professions"]}""";

    // Error examples name schema HttpProblem (from quarkus-resteasy-problem) themselves: responses with their own
    // content do not get it added.
    private static final String INVALID_2024 = """
            {"status": 422, "title": "Unprocessable Content", "detail": "The agreement breaks 2 rule(s)",
             "instance": "/api/v1/agreements", "requestId": "5b6e4b7f-b527-4e2e-b949-7f102fe7d7b3",
             "errors": [{"field": "pools", "message": "the pools add up to 1535000000 SEK, more than the total 1517000000 SEK"},
                        {"field": "reportingDeadline", "message": "the deadline must fall in or after the agreement year 2024"}]}""";

    private static final String EXISTS_2024 = """
            {"status": 409, "title": "Conflict", "detail": "An agreement for 2024 exists already",
             "instance": "/api/v1/agreements", "requestId": "e91ac4a2-b36f-4f02-b05b-731bb017f6a0"}""";

    private static final String NOT_FOUND_2031 = """
            {"status": 404, "title": "Not Found", "detail": "No agreement for the year 2031",
             "instance": "/api/v1/agreements/2031", "requestId": "feb457e4-b0cb-46dd-8346-8f2b9c9b7ddc"}""";

    @Inject
    AgreementService agreements;

    @Inject
    JsonWebToken token;

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAgreement", summary = "Create the agreement of a year", description = "Pools add up to at most the total; pool and focus area codes are unique. Emits agreement.changed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "2024", value = EXAMPLE_2024)))
    @APIResponse(responseCode = "201", description = "Created; Location names the agreement", headers = @Header(name = "Location", description = "/api/v1/agreements/{year}", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class), examples = @ExampleObject(name = "2024", value = CREATED_2024)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type or an unknown field; errors name it")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "409", description = "The year has an agreement already", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "2024 exists", value = EXISTS_2024)))
    @APIResponse(responseCode = "415", description = "Content-Type other than application/json")
    @APIResponse(responseCode = "422", description = "A rule is broken; errors name each field", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "pools over the total", value = INVALID_2024)))
    public Response create(@Valid @NotNull AgreementRequest request, @Context UriInfo uri) {
        AgreementView created = agreements.create(request, token.getName());
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(created.year())).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listAgreements", summary = "Every agreement", description = "Public. Every year's agreement with its pools, oldest first.")
    @APIResponse(responseCode = "200", description = "Every agreement, oldest year first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AgreementView.class), examples = @ExampleObject(name = "2024", value = "["
            + AGREEMENT_2024 + "]")))
    public List<AgreementView> list() {
        return agreements.list();
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getAgreement", summary = "The agreement of a year", description = "Public. Its pools, their distribution keys and amounts, the focus areas and the report deadline.")
    @APIResponse(responseCode = "200", description = "The agreement; keyKind says whether each pool has a key", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class), examples = @ExampleObject(name = "2024", value = AGREEMENT_2024)))
    @APIResponse(responseCode = "404", description = "No agreement for that year", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "no agreement", value = NOT_FOUND_2031)))
    public AgreementView get(@PathParam("year") int year) {
        return agreements.get(year);
    }
}
