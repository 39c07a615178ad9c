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

    // Error examples name schema HttpProblem (from quarkus-resteasy-problem) themselves: responses with their own
    // content do not get it added.

    @Inject
    AgreementService agreements;

    @Inject
    JsonWebToken token;

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAgreement", summary = "Create the agreement of a year", description = "Pools add up to at most the total; pool and focus area codes are unique. Emits agreement.changed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "2024", ref = "CreateAgreementRequest")))
    @APIResponse(responseCode = "201", description = "Created; Location names the agreement", headers = @Header(name = "Location", description = "/api/v1/agreements/{year}", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class), examples = @ExampleObject(name = "2024", ref = "CreateAgreement201")))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type or an unknown field; errors name it")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "409", description = "The year has an agreement already", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "2024 exists", ref = "CreateAgreement409")))
    @APIResponse(responseCode = "415", description = "Content-Type other than application/json")
    @APIResponse(responseCode = "422", description = "A rule is broken; errors name each field", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "pools over the total", ref = "CreateAgreement422")))
    public Response create(@Valid @NotNull AgreementRequest request, @Context UriInfo uri) {
        AgreementView created = agreements.create(request, token.getName());
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(created.year())).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listAgreements", summary = "Every agreement", description = "Public. Every year's agreement with its pools, oldest first.")
    @APIResponse(responseCode = "200", description = "Every agreement, oldest year first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AgreementView.class), examples = @ExampleObject(name = "2024", ref = "ListAgreements200")))
    public List<AgreementView> list() {
        return agreements.list();
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getAgreement", summary = "The agreement of a year", description = "Public. Its pools, their distribution keys and amounts, the focus areas and the report deadline.")
    @APIResponse(responseCode = "200", description = "The agreement; keyKind says whether each pool has a key", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class), examples = @ExampleObject(name = "2024", ref = "GetAgreement200")))
    @APIResponse(responseCode = "404", description = "No agreement for that year", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "no agreement", ref = "Problem404")))
    public AgreementView get(@PathParam("year") int year) {
        return agreements.get(year);
    }
}
