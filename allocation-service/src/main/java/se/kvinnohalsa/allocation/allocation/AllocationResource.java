package se.kvinnohalsa.allocation.allocation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.support.problem.SecurityProblems;

import java.util.List;

@Path("/api/v1/agreements/{year}")
@Tag(name = "Allocations")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationResource {

    // Examples: the 2024 agreement's published amounts (shared/data/allocations-2024.csv), 1,367,000,000 SEK in the
    // population pool and 150,000,000 SEK in the rural pool.

    /** Any key proportional to the published amounts reproduces them, so they serve as the weights here. */
    private static final String KEY_2024 = """
            {"year": 2024, "poolCode": "POPULATION", "amountSek": 1367000000, "keyKind": "WEIGHTS",
             "regions": [
              {"regionCode": "01", "weight": 317989729, "amountSek": 317989729},
              {"regionCode": "03", "weight": 52402037, "amountSek": 52402037},
              {"regionCode": "04", "weight": 39142851, "amountSek": 39142851},
              {"regionCode": "05", "weight": 61199629, "amountSek": 61199629},
              {"regionCode": "06", "weight": 47803842, "amountSek": 47803842},
              {"regionCode": "07", "weight": 26417378, "amountSek": 26417378},
              {"regionCode": "08", "weight": 31989514, "amountSek": 31989514},
              {"regionCode": "09", "weight": 7910271, "amountSek": 7910271},
              {"regionCode": "10", "weight": 20486973, "amountSek": 20486973},
              {"regionCode": "12", "weight": 184156683, "amountSek": 184156683},
              {"regionCode": "13", "weight": 44539413, "amountSek": 44539413},
              {"regionCode": "14", "weight": 228872706, "amountSek": 228872706},
              {"regionCode": "17", "weight": 36728193, "amountSek": 36728193},
              {"regionCode": "18", "weight": 39933062, "amountSek": 39933062},
              {"regionCode": "19", "weight": 36379118, "amountSek": 36379118},
              {"regionCode": "20", "weight": 37218920, "amountSek": 37218920},
              {"regionCode": "21", "weight": 37042051, "amountSek": 37042051},
              {"regionCode": "22", "weight": 31378373, "amountSek": 31378373},
              {"regionCode": "23", "weight": 17151589, "amountSek": 17151589},
              {"regionCode": "24", "weight": 36062282, "amountSek": 36062282},
              {"regionCode": "25", "weight": 32195386, "amountSek": 32195386}]}""";

    private static final String AMOUNTS_2024 = """
            {"year": 2024, "poolCode": "RURAL", "amountSek": 150000000, "keyKind": "AMOUNTS",
             "regions": [
              {"regionCode": "01", "weight": null, "amountSek": 3823518},
              {"regionCode": "03", "weight": null, "amountSek": 2059634},
              {"regionCode": "04", "weight": null, "amountSek": 2027293},
              {"regionCode": "05", "weight": null, "amountSek": 2643577},
              {"regionCode": "06", "weight": null, "amountSek": 10152375},
              {"regionCode": "07", "weight": null, "amountSek": 1839060},
              {"regionCode": "08", "weight": null, "amountSek": 4090048},
              {"regionCode": "09", "weight": null, "amountSek": 7477038},
              {"regionCode": "10", "weight": null, "amountSek": 5695439},
              {"regionCode": "12", "weight": null, "amountSek": 17766641},
              {"regionCode": "13", "weight": null, "amountSek": 5843804},
              {"regionCode": "14", "weight": null, "amountSek": 18906255},
              {"regionCode": "17", "weight": null, "amountSek": 7547687},
              {"regionCode": "18", "weight": null, "amountSek": 3334119},
              {"regionCode": "19", "weight": null, "amountSek": 809901},
              {"regionCode": "20", "weight": null, "amountSek": 7811157},
              {"regionCode": "21", "weight": null, "amountSek": 15059147},
              {"regionCode": "22", "weight": null, "amountSek": 12334978},
              {"regionCode": "23", "weight": null, "amountSek": 7460761},
              {"regionCode": "24", "weight": null, "amountSek": 5769300},
              {"regionCode": "25", "weight": null, "amountSek": 7548268}]}""";

    private static final String ALLOCATIONS_2024 = """
            {"year": 2024, "status": "PUBLISHED", "version": 1, "publishedAt": "2024-02-29T14:03:12.794754Z",
             "totalSek": 1517000000,
             "regions": [
              {"regionCode": "01", "totalSek": 321813247, "pools": [{"code": "POPULATION", "amountSek": 317989729}, {"code": "RURAL", "amountSek": 3823518}]},
              {"regionCode": "03", "totalSek": 54461671, "pools": [{"code": "POPULATION", "amountSek": 52402037}, {"code": "RURAL", "amountSek": 2059634}]},
              {"regionCode": "04", "totalSek": 41170144, "pools": [{"code": "POPULATION", "amountSek": 39142851}, {"code": "RURAL", "amountSek": 2027293}]},
              {"regionCode": "05", "totalSek": 63843206, "pools": [{"code": "POPULATION", "amountSek": 61199629}, {"code": "RURAL", "amountSek": 2643577}]},
              {"regionCode": "06", "totalSek": 57956217, "pools": [{"code": "POPULATION", "amountSek": 47803842}, {"code": "RURAL", "amountSek": 10152375}]},
              {"regionCode": "07", "totalSek": 28256438, "pools": [{"code": "POPULATION", "amountSek": 26417378}, {"code": "RURAL", "amountSek": 1839060}]},
              {"regionCode": "08", "totalSek": 36079562, "pools": [{"code": "POPULATION", "amountSek": 31989514}, {"code": "RURAL", "amountSek": 4090048}]},
              {"regionCode": "09", "totalSek": 15387309, "pools": [{"code": "POPULATION", "amountSek": 7910271}, {"code": "RURAL", "amountSek": 7477038}]},
              {"regionCode": "10", "totalSek": 26182412, "pools": [{"code": "POPULATION", "amountSek": 20486973}, {"code": "RURAL", "amountSek": 5695439}]},
              {"regionCode": "12", "totalSek": 201923324, "pools": [{"code": "POPULATION", "amountSek": 184156683}, {"code": "RURAL", "amountSek": 17766641}]},
              {"regionCode": "13", "totalSek": 50383217, "pools": [{"code": "POPULATION", "amountSek": 44539413}, {"code": "RURAL", "amountSek": 5843804}]},
              {"regionCode": "14", "totalSek": 247778961, "pools": [{"code": "POPULATION", "amountSek": 228872706}, {"code": "RURAL", "amountSek": 18906255}]},
              {"regionCode": "17", "totalSek": 44275880, "pools": [{"code": "POPULATION", "amountSek": 36728193}, {"code": "RURAL", "amountSek": 7547687}]},
              {"regionCode": "18", "totalSek": 43267181, "pools": [{"code": "POPULATION", "amountSek": 39933062}, {"code": "RURAL", "amountSek": 3334119}]},
              {"regionCode": "19", "totalSek": 37189019, "pools": [{"code": "POPULATION", "amountSek": 36379118}, {"code": "RURAL", "amountSek": 809901}]},
              {"regionCode": "20", "totalSek": 45030077, "pools": [{"code": "POPULATION", "amountSek": 37218920}, {"code": "RURAL", "amountSek": 7811157}]},
              {"regionCode": "21", "totalSek": 52101198, "pools": [{"code": "POPULATION", "amountSek": 37042051}, {"code": "RURAL", "amountSek": 15059147}]},
              {"regionCode": "22", "totalSek": 43713351, "pools": [{"code": "POPULATION", "amountSek": 31378373}, {"code": "RURAL", "amountSek": 12334978}]},
              {"regionCode": "23", "totalSek": 24612350, "pools": [{"code": "POPULATION", "amountSek": 17151589}, {"code": "RURAL", "amountSek": 7460761}]},
              {"regionCode": "24", "totalSek": 41831582, "pools": [{"code": "POPULATION", "amountSek": 36062282}, {"code": "RURAL", "amountSek": 5769300}]},
              {"regionCode": "25", "totalSek": 39743654, "pools": [{"code": "POPULATION", "amountSek": 32195386}, {"code": "RURAL", "amountSek": 7548268}]}],
             "poolsWithoutKey": []}""";

    private static final String VERSION_2024 = """
            {"year": 2024, "version": 1, "publishedAt": "2024-02-29T14:03:12.794754Z", "publishedBy": "admin-local",
             "totalSek": 1517000000}""";

    // Error examples name schema HttpProblem (from quarkus-resteasy-problem) themselves: responses with their own
    // content do not get it added.
    private static final String INVALID_KEY = """
            {"status": 422, "title": "Unprocessable Content", "detail": "The key breaks 2 rule(s)",
             "instance": "/api/v1/agreements/2024/pools/POPULATION/key", "requestId": "79c15084-1884-4a99-9553-e50364389583",
             "errors": [{"field": "weights[1].regionCode", "message": "region 23 is listed twice"},
                        {"field": "weights[2].regionCode", "message": "no region with code '99'"}]}""";

    private static final String INVALID_AMOUNTS = """
            {"status": 422, "title": "Unprocessable Content", "detail": "The amounts break 1 rule(s)",
             "instance": "/api/v1/agreements/2024/pools/RURAL/amounts", "requestId": "4a1bcad3-8b5f-47c7-89a9-f33ad45f78b6",
             "errors": [{"field": "amounts", "message": "the amounts add up to 149999999 SEK, the pool is 150000000 SEK (difference -1)"}]}""";

    private static final String NO_POOL = """
            {"status": 404, "title": "Not Found", "detail": "The agreement for 2024 has no pool 'COORDINATION'",
             "instance": "/api/v1/agreements/2024/pools/COORDINATION/key", "requestId": "89c1c126-fa9e-4dcb-8310-3adcbdf964c0"}""";

    private static final String POOL_WITHOUT_KEY = """
            {"status": 409, "title": "Conflict",
             "detail": "Every pool needs a key before publication; without one: RURAL",
             "instance": "/api/v1/agreements/2024/allocations/publish", "requestId": "d2c3a69d-d8a7-4d20-aa52-3e7c348badbe"}""";

    private static final String NO_VERSION = """
            {"status": 404, "title": "Not Found", "detail": "The allocations of 2024 have no version 3",
             "instance": "/api/v1/agreements/2024/allocations/versions/3", "requestId": "4bc0fbb1-67a3-4ead-91cb-17b694837cfb"}""";

    @Inject
    AllocationService allocations;

    @Inject
    JsonWebToken token;

    @PUT
    @Path("/pools/{poolCode}/key")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setPoolKey", summary = "Set the distribution key of a pool", description = "One weight per region (at least 0, each region at most once, at least one above 0; absent "
            + "regions weigh 0). Amounts follow by the largest remainder method in whole kronor.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "key", value = """
            {"weights": [{"regionCode": "01", "weight": 2454821}, {"regionCode": "23", "weight": 132054}]}""")))
    @APIResponse(responseCode = "200", description = "The key and the amounts it gives (a draft until published)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PoolKeyView.class), examples = @ExampleObject(name = "2024 population pool", value = KEY_2024)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type or an unknown field; errors name it")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such agreement or pool", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "no such pool", value = NO_POOL)))
    @APIResponse(responseCode = "415", description = "Content-Type other than application/json")
    @APIResponse(responseCode = "422", description = "Unknown or repeated regions, more than 6 decimals, all weights zero", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "regions", value = INVALID_KEY)))
    public PoolKeyView setKey(@PathParam("year") int year, @PathParam("poolCode") String poolCode,
            @Valid @NotNull KeyRequest request) {
        return allocations.setWeights(year, poolCode, request);
    }

    @PUT
    @Path("/pools/{poolCode}/amounts")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setPoolAmounts", summary = "Set fixed amounts for a pool", description = "For agreements that publish the amounts "
            + "themselves: whole kronor per region, adding up exactly to the pool.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "amounts", value = """
            {"amounts": [{"regionCode": "23", "amountSek": 7503287}, {"regionCode": "01", "amountSek": 142496713}]}""")))
    @APIResponse(responseCode = "200", description = "The amounts per region (a draft until published)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PoolKeyView.class), examples = @ExampleObject(name = "2024 rural pool", value = AMOUNTS_2024)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type or an unknown field; errors name it")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such agreement or pool")
    @APIResponse(responseCode = "415", description = "Content-Type other than application/json")
    @APIResponse(responseCode = "422", description = "Unknown or repeated regions, or a sum other than the pool", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "one krona short", value = INVALID_AMOUNTS)))
    public PoolKeyView setAmounts(@PathParam("year") int year, @PathParam("poolCode") String poolCode,
            @Valid @NotNull AmountsRequest request) {
        return allocations.setAmounts(year, poolCode, request);
    }

    @GET
    @Path("/allocations")
    @Operation(operationId = "getAllocations", summary = "Every region's allocation", description = "DRAFT while the current keys give something not "
            + "published; PUBLISHED when they are exactly the latest published version.")
    @APIResponse(responseCode = "200", description = "Every region's amount per pool, in whole kronor", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationView.class), examples = @ExampleObject(name = "2024, published", value = ALLOCATIONS_2024)))
    @APIResponse(responseCode = "404", description = "No agreement for that year")
    public AllocationView current(@PathParam("year") int year) {
        return allocations.current(year);
    }

    @POST
    @Path("/allocations/publish")
    @RolesAllowed("admin")
    @Operation(operationId = "publishAllocations", summary = "Publish the current allocations as a new immutable version", description = "Emits allocation.published. Publishing unchanged allocations again returns the latest version.")
    @APIResponse(responseCode = "201", description = "Published as a new version; Location names it", headers = @Header(name = "Location", description = "/api/v1/agreements/{year}/allocations/versions/{version}", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class), examples = @ExampleObject(name = "2024, version 1", value = VERSION_2024)))
    @APIResponse(responseCode = "200", description = "Nothing changed since the latest version, which is returned", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class), examples = @ExampleObject(name = "2024, version 1", value = VERSION_2024)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No agreement for that year")
    @APIResponse(responseCode = "409", description = "A pool has no key yet", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "pool without key", value = POOL_WITHOUT_KEY)))
    public Response publish(@PathParam("year") int year, @Context UriInfo uri) {
        AllocationService.Publication publication = allocations.publish(year, token.getName());
        if (!publication.created()) {
            return Response.ok(publication.version()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/agreements/{year}/allocations/versions/{n}")
                .build(year, publication.version().version())).entity(publication.version()).build();
    }

    @GET
    @Path("/allocations/versions")
    @Operation(operationId = "listAllocationVersions", summary = "Every published version of the year", description = "Public. Newest first: when and by whom each version was published and its total.")
    @APIResponse(responseCode = "200", description = "The versions, oldest first (empty before the first publication)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = VersionView.class), examples = @ExampleObject(name = "2024", value = "["
            + VERSION_2024 + "]")))
    @APIResponse(responseCode = "404", description = "No agreement for that year")
    public List<VersionView> versions(@PathParam("year") int year) {
        return allocations.versions(year);
    }

    @GET
    @Path("/allocations/versions/{version}")
    @Operation(operationId = "getAllocationVersion", summary = "One published version, exactly as published", description = "Public. The allocation of every region as it was published in that version, never recomputed.")
    @APIResponse(responseCode = "200", description = "The version's amounts; status is always PUBLISHED", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationView.class), examples = @ExampleObject(name = "2024, version 1", value = ALLOCATIONS_2024)))
    @APIResponse(responseCode = "404", description = "No agreement for that year, or no such version", content = @Content(mediaType = SecurityProblems.PROBLEM_JSON, schema = @Schema(ref = "HttpProblem"), examples = @ExampleObject(name = "no such version", value = NO_VERSION)))
    public AllocationView version(@PathParam("year") int year, @PathParam("version") int version) {
        return allocations.version(year, version);
    }
}
