package se.kvinnohalsa.indicators.provenance;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/indicators/{code}/periods")
@Tag(name = "Indicator reads")
@Produces(MediaType.APPLICATION_JSON)
public class ProvenanceResource {

    @Inject
    ProvenanceService provenance;

    @GET
    @Operation(operationId = "getIndicatorPeriods", summary = "Public: the periods with values, and the batches the current values rest on", description = "Newest period first. Per period: the groups "
            + "with registry values, how many regions (not SE) have a value in group ALL, whether the national (SE) "
            + "value was loaded, and every batch the current values were loaded by (origin REGISTRY: an import, with "
            + "its format; REGION_REPORT: a region's reported value, by the id of its report.submitted event), oldest "
            + "first, with its time and number of values. For tracing published figures to their imports; who "
            + "loaded them is not public (admins: /history).")
    @APIResponse(responseCode = "200", description = "The periods (empty when the indicator has no values yet)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PeriodProvenance.class), examples = @ExampleObject(name = "postpartum 2023/24", ref = "GetIndicatorPeriods200")))
    @APIResponse(responseCode = "400", description = "period is not a period of the indicator's type", content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "malformed period", ref = "GetIndicatorPeriods400")))
    @APIResponse(responseCode = "404", description = "No such indicator")
    public List<PeriodProvenance> periods(@PathParam("code") String code,
            @Parameter(description = "Only this period, e.g. 2023-08-01/2024-07-31") @QueryParam("period") String period) {
        return provenance.periods(code, period);
    }
}
