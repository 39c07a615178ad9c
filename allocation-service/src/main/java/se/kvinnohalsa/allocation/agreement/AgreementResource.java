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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

    @Inject
    AgreementService agreements;

    @Inject
    JsonWebToken token;

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create the agreement of a year",
            description = "Pools add up to at most the total; pool and focus area codes are unique. Emits agreement.changed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "2024", value = EXAMPLE_2024)))
    @APIResponse(responseCode = "201", description = "Created; Location names the agreement")
    @APIResponse(responseCode = "409", description = "The year has an agreement already")
    @APIResponse(responseCode = "422", description = "A rule is broken; errors name each field")
    public Response create(@Valid @NotNull AgreementRequest request, @Context UriInfo uri) {
        AgreementView created = agreements.create(request, token.getName());
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(created.year())).build())
                .entity(created).build();
    }

    @GET
    @Operation(summary = "Every agreement")
    public List<AgreementView> list() {
        return agreements.list();
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "The agreement of a year")
    @APIResponse(responseCode = "404", description = "No agreement for that year")
    public AgreementView get(@PathParam("year") int year) {
        return agreements.get(year);
    }
}
