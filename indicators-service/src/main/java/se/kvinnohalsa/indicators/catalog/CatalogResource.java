package se.kvinnohalsa.indicators.catalog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.support.access.RegionAccess;

import java.util.List;

@Path("/api/v1/indicators")
@Tag(name = "Indicator catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    CatalogService catalog;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(operationId = "listIndicators", summary = "Every indicator definition", description = "Public. Code, name, unit, period type, groups and target of each indicator.")
    @APIResponse(responseCode = "200", description = "Every definition", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = IndicatorView.class), examples = @ExampleObject(name = "catalog", ref = "ListIndicators200")))
    public List<IndicatorView> list() {
        return catalog.list();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getIndicator", summary = "One indicator definition", description = "Public. Code, name, unit, period type, groups and target.")
    @APIResponse(responseCode = "200", description = "The definition", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorView.class), examples = @ExampleObject(name = "EFTERVARDSBESOK", ref = "GetIndicator200")))
    @APIResponse(responseCode = "404", description = "No such indicator")
    public IndicatorView get(@PathParam("code") String code) {
        return catalog.get(code);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(RegionAccess.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putIndicator", summary = "Create or update a definition (admins)", description = "ALL is always a group. The period type cannot change, nor a group be removed, once observations use them (409). "
            + "Units: PERCENT (0-100), PER_THOUSAND (0-1000), NUMBER (>= 0).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorRequest.class), examples = @ExampleObject(name = "EFTERVARDSBESOK", ref = "PutIndicatorRequest")))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorView.class), examples = @ExampleObject(name = "EFTERVARDSBESOK", ref = "GetIndicator200")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorView.class), examples = @ExampleObject(name = "EFTERVARDSBESOK", ref = "GetIndicator200")))
    @APIResponse(responseCode = "409", description = "Observations use the period type or a removed group")
    @APIResponse(responseCode = "422", description = "A rule is broken; errors name each field")
    public Response put(@PathParam("code") String code, @Valid @NotNull IndicatorRequest request,
            @Context UriInfo uri) {
        CatalogService.Saved saved = catalog.put(code, request, token.getName());
        return saved.created()
                ? Response.created(uri.getAbsolutePath()).entity(saved.view()).build()
                : Response.ok(saved.view()).build();
    }
}
