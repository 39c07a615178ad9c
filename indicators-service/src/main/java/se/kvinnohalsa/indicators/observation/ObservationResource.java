package se.kvinnohalsa.indicators.observation;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
import se.kvinnohalsa.support.access.RegionAccess;

import java.io.InputStream;
import java.util.List;

@Path("/api/v1/indicators/{code}")
@Tag(name = "Indicator observations")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {

    static final String CSV = "text/csv";
    static final String DRY_RUN = "dryRun";
    static final String ATOMIC = "atomic";
    static final String DESCRIPTION = """
            Validates every row (known region or SE, a period of the indicator's period type, a known group, value \
            within the unit's range, numerator <= denominator, clinicMin <= value <= clinicMax, each region, period \
            and group at most once per batch) and stores new and changed rows; an unchanged row changes nothing, so \
            re-sending a batch is safe. Rows are streamed: the batch is never held in memory whole. Limits: \
            indicators.import.max-bytes (32 MiB by default, 413 beyond it); indicators.import.max-periods distinct \
            periods per batch (20,000 by default: the change event lists them; beyond it the whole batch is \
            refused with 422 naming period). Row errors are listed up to \
            indicators.import.max-errors-listed (1000); errorsNotShown counts the rest. 'row' is the 1-based \
            position in the batch (CSV: data rows after the header). Emits indicator.observations-changed when \
            something changed.""";

    @Inject
    ImportService imports;

    @Inject
    JsonWebToken token;

    // @Blocking: Quarkus REST then hands the body to the method as it arrives instead of buffering it first.
    // One method for both media types: with two methods on one path, Quarkus REST fails while writing the problem
    // for an unsupported media type (415) and answers 500.
    @POST
    @Blocking
    @Path("/observations")
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({RegionAccess.ADMIN, RegionAccess.REGISTRY})
    @Operation(operationId = "importObservations", summary = "Load a batch of observations (JSON array or CSV)", description = DESCRIPTION
            + " CSV: UTF-8 with or without BOM, CRLF or LF, quoted fields, # comment lines; region_code, period and value columns required.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ObservationBatch"), examples = @ExampleObject(name = "postpartum 2023/24", ref = "ImportObservationsRequestJson")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, description = "CSV with a header row: region_code, period, value and optionally group, numerator, denominator, clinic_min, clinic_max"), examples = @ExampleObject(name = "CSV", ref = "ImportObservationsRequestCsv"))})
    @APIResponse(responseCode = "200", description = "What the batch did (or, with dryRun, would do); rejected rows are listed in errors", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class), examples = @ExampleObject(name = "one row rejected", ref = "ImportObservations200")))
    @APIResponse(responseCode = "400", description = "Not a JSON array, or not well-formed; not UTF-8 CSV, or the header lacks required columns")
    @APIResponse(responseCode = "404", description = "No such indicator")
    @APIResponse(responseCode = "413", description = "Larger than the limit")
    @APIResponse(responseCode = "422", description = "All-or-nothing batch with invalid rows: every row error, nothing stored; or more distinct periods than indicators.import.max-periods")
    public ImportResult importObservations(@PathParam("code") String code,
            @Parameter(description = "Validate and count only; store nothing", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam(DRY_RUN) @DefaultValue("false") String dryRun,
            @Parameter(description = "false stores the valid rows even when others are invalid", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam(ATOMIC) @DefaultValue("true") String atomic,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            InputStream body) {
        Column.Format format = type != null && type.isCompatible(MediaType.valueOf(CSV))
                ? Column.Format.CSV
                : Column.Format.JSON;
        return run(code, format, flag(DRY_RUN, dryRun), flag(ATOMIC, atomic), length, body);
    }

    /**
     * true or false, nothing else: JAX-RS reads any other word as false, so "dryRun=yes" would store the batch and
     * "atomic=1" would store a partial one.
     */
    static boolean flag(String name, String value) {
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new MalformedRequestException(name, "must be true or false");
    }

    private ImportResult run(String code, Column.Format format, boolean dryRun, boolean atomic, Long length,
            InputStream body) {
        if (length != null && length > imports.maxBytes()) {
            throw new BatchTooLargeException(imports.maxBytes());
        }
        return imports.importBatch(code, format, body, new ImportService.Options(dryRun, atomic), token.getName());
    }

    @GET
    @Path("/history")
    @RolesAllowed(RegionAccess.ADMIN)
    @Operation(operationId = "getObservationHistory", summary = "Every version of one observation, newest first (admins)", description = "Who loaded each version, when and in which batch; superseded versions say when and by which batch.")
    @APIResponse(responseCode = "200", description = "Every version, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryEntry.class), examples = @ExampleObject(name = "corrected once", ref = "GetObservationHistory200")))
    @APIResponse(responseCode = "404", description = "No such indicator, region or observation")
    public List<HistoryEntry> history(@PathParam("code") String code,
            @Parameter(example = "14") @QueryParam("regionCode") String regionCode,
            @Parameter(example = "2023-08-01/2024-07-31") @QueryParam("period") String period,
            @QueryParam("group") @DefaultValue("ALL") String group,
            @Parameter(description = "REGISTRY (default) or REGION_REPORT") @QueryParam("origin") @DefaultValue("REGISTRY") String origin) {
        return imports.history(code, regionCode, period, group, origin);
    }
}
