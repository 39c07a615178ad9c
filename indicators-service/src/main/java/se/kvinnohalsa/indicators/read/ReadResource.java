package se.kvinnohalsa.indicators.read;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.indicators.IndicatorsConfig;
import se.kvinnohalsa.support.access.RegionAccess;
import se.kvinnohalsa.support.precondition.EntityTagCondition;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Public reads for dashboards. Served from cached views with an ETag (If-None-Match answers 304) and
 * Cache-Control; an admin's token shows withheld cells (small and complementary), never cached.
 */
@Path("/api/v1/indicators")
@Tag(name = "Indicator reads")
@Produces(MediaType.APPLICATION_JSON)
public class ReadResource {

    static final String PERIOD = "An ISO interval of the indicator's period type, e.g. 2023-08-01/2024-07-31; the latest period when left out";

    @Inject
    IndicatorsConfig config;

    @Inject
    ReadService reads;

    @Inject
    ViewCache cache;

    @Inject
    JsonWebToken token;

    @GET
    @Path("/{code}/values")
    @Operation(operationId = "getIndicatorValues", summary = "Values per region for a period and group", description = "Per region (SE is in the summary): value, previous period's value, change in percentage points, "
            + "clinic range, whether the target is met, and the value the region gave in its own report with "
            + "differs=true when the two differ by more than one percentage point. Withheld values (small cells and the "
            + "complementary cells that keep them from being worked out): value null, suppressed true, suppressionReason "
            + "SMALL_CELL or COMPLEMENTARY.")
    @APIResponse(responseCode = "200", description = "Regions with a value, by region code", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Views.RegionValueView.class), examples = @ExampleObject(name = "2023/24", ref = "GetIndicatorValues200")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Malformed period or unknown group")
    @APIResponse(responseCode = "404", description = "No such indicator")
    public Response values(@PathParam("code") String code,
            @Parameter(description = PERIOD) @QueryParam("period") String period,
            @Parameter(description = "Group code, ALL by default", example = "EDU_PRIMARY") @QueryParam("group") String group,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return respond("values|" + code + "|" + period + "|" + group, ifNoneMatch,
                admin -> reads.values(code, period, group, admin));
    }

    @GET
    @Path("/{code}/summary")
    @Operation(operationId = "getIndicatorSummary", summary = "National summary of a period and group", description = "National value: the reported SE value when there is one (REPORTED), else computed from the "
            + "regions (weighted by denominators when all have them, else the unweighted mean; COMPUTED). The "
            + "previous period is the indicator's latest period before this one. Ties share a place; SE is never a region.")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.SummaryView.class), examples = @ExampleObject(name = "2023/24", ref = "GetIndicatorSummary200")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such indicator, or no values for the period")
    public Response summary(@PathParam("code") String code,
            @Parameter(description = PERIOD) @QueryParam("period") String period,
            @Parameter(description = "Group code, ALL by default") @QueryParam("group") String group,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return respond("summary|" + code + "|" + period + "|" + group, ifNoneMatch,
                admin -> reads.summary(code, period, group, admin));
    }

    @GET
    @Path("/{code}/gaps")
    @Operation(operationId = "getIndicatorGaps", summary = "Gap between two groups per region and nationally", description = "value(A) - value(B) in percentage points, with the previous period's gap and the change; "
            + "largest gap (absolute) first. The national gap uses each group's national value (SE or computed).")
    @APIResponse(responseCode = "200", description = "The gaps, largest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.GapsView.class), examples = @ExampleObject(name = "education 2023/24", ref = "GetIndicatorGaps200")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Not exactly two known groups, or a malformed period")
    @APIResponse(responseCode = "404", description = "No such indicator, or no values")
    public Response gaps(@PathParam("code") String code,
            @Parameter(description = PERIOD) @QueryParam("period") String period,
            @Parameter(description = "Two groups A,B", example = "EDU_HIGHER,EDU_PRIMARY") @QueryParam("groups") String groups,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return respond("gaps|" + code + "|" + period + "|" + groups, ifNoneMatch,
                admin -> reads.gaps(code, period, groups, admin));
    }

    @GET
    @Path("/{code}/series")
    @Operation(operationId = "getIndicatorSeries", summary = "A region's values over all periods, oldest first", description = "Public. One point per period of the group (ALL by default); withheld values are null with suppressed true and the reason.")
    @APIResponse(responseCode = "200", description = "One point per period, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Views.SeriesPoint.class), examples = @ExampleObject(name = "region 14", ref = "GetIndicatorSeries200")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "regionCode missing or unknown group")
    @APIResponse(responseCode = "404", description = "No such indicator or region")
    public Response series(@PathParam("code") String code,
            @Parameter(example = "14") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "Group code, ALL by default") @QueryParam("group") String group,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return respond("series|" + code + "|" + regionCode + "|" + group, ifNoneMatch,
                admin -> reads.series(code, regionCode, group, admin));
    }

    @GET
    @Path("/latest")
    @Operation(operationId = "getLatestIndicatorValues", summary = "A region's latest value of every indicator (for the gateway's region overview)", description = "For every indicator with a value for the region in group ALL at that indicator's latest period: "
            + "[{code, name, unit, period, value, suppressed, target, meetsTarget}].")
    @APIResponse(responseCode = "200", description = "The latest value of every indicator", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Views.LatestView.class), examples = @ExampleObject(name = "region 23", ref = "GetLatestIndicatorValues200")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "regionCode missing")
    @APIResponse(responseCode = "404", description = "No such region")
    public Response latest(@Parameter(example = "23") @QueryParam("regionCode") String regionCode,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return respond("latest|" + regionCode, ifNoneMatch, admin -> reads.latest(regionCode, admin));
    }

    private Response respond(String key, String ifNoneMatch, Function<Boolean, Object> compute) {
        if (isAdmin()) {
            CacheControl privateView = new CacheControl();
            privateView.setPrivate(true);
            privateView.setNoStore(true);
            return Response.ok(compute.apply(true)).cacheControl(privateView).build();
        }
        Supplier<Object> publicView = () -> compute.apply(false);
        ViewCache.View view = cache.get(key, publicView);
        CacheControl cacheControl = new CacheControl();
        cacheControl.setMaxAge(config.read().maxAgeSeconds());
        cacheControl.setNoTransform(false);
        // Vary: an admin's token gets another (unsuppressed, uncached) view of the same URL.
        if (matches(ifNoneMatch, view.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, view.etag())
                    .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                    .cacheControl(cacheControl).build();
        }
        return Response.ok(view.json(), MediaType.APPLICATION_JSON).header(HttpHeaders.ETAG, view.etag())
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).cacheControl(cacheControl).build();
    }

    /** RFC 9110 13.1.2: weak comparison, "*" matches; a malformed header is 400 (the shared precondition parser). */
    private static boolean matches(String ifNoneMatch, String etag) {
        return EntityTagCondition.parse(EntityTagCondition.IF_NONE_MATCH, ifNoneMatch)
                .map(condition -> condition.matchesWeakly(EntityTagCondition.tagOf(etag))).orElse(false);
    }

    private boolean isAdmin() {
        return token != null && token.getGroups() != null && token.getGroups().contains(RegionAccess.ADMIN);
    }
}
