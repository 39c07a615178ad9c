package se.kvinnohalsa.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kvinnohalsa.gateway.routing.GatewayConfig;
import se.kvinnohalsa.gateway.upstream.UpstreamClient;
import se.kvinnohalsa.support.problem.FieldError;
import se.kvinnohalsa.support.problem.SecurityProblems;

import java.io.IOException;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/** One region at a glance, from the three services, asked in parallel. */
@Path("/api/v1/overview/regions/{regionCode}")
@Tag(name = "Overview")
public class OverviewResource {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final int NOT_FOUND = 404;

    @Inject
    UpstreamClient upstreams;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRegionOverview", summary = "One region at a glance", description = "The region's allocation and decision (allocation-service), the conditions' status, its report's status "
            + "(reporting-service) and its latest indicator values against their targets (indicators-service), fetched in "
            + "parallel. A part whose service is down or slow is {\"available\": false, \"reason\": ...}; the rest is complete. "
            + "Without year: the latest agreement year.")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RegionOverview"), examples = @ExampleObject(name = "region 23, 2025", ref = "GetRegionOverview200")))
    @APIResponse(responseCode = "400", description = "year is not a four-digit year")
    @APIResponse(responseCode = "404", description = "No such region")
    public Uni<Response> overview(@PathParam("regionCode") String regionCode,
            @Parameter(description = "Agreement year, e.g. 2025; default the latest") @QueryParam("year") String year,
            @Parameter(description = "The caller's request id, passed on to the services; one is made when left out", schema = @Schema(type = SchemaType.STRING)) @HeaderParam("X-Request-Id") String requestId) {
        String path = "/api/v1/overview/regions/" + regionCode;
        if (!REGION_CODE.matcher(regionCode).matches()) {
            return Uni.createFrom().item(SecurityProblems.problem(Response.Status.NOT_FOUND,
                    "No region " + regionCode + ": region codes are two digits, e.g. 23", path).build());
        }
        if (year != null && !YEAR.matcher(year).matches()) {
            return Uni.createFrom().item(SecurityProblems.problem(400, "Bad Request", "year must be a four-digit year",
                    path, Map.of("errors", List.of(new FieldError("year", "'" + year + "' is not a four-digit year"))))
                    .build());
        }
        Uni<Integer> theYear = year != null ? Uni.createFrom().item(Integer.parseInt(year)) : latestYear(requestId);
        return theYear
                .flatMap(y -> fetch(regionCode, y, requestId).map(parts -> RegionOverview.assemble(regionCode, y, parts)
                        .map(overview -> Response.ok(overview, MediaType.APPLICATION_JSON)
                                .header("Cache-Control", "no-cache").build())
                        .orElseGet(() -> SecurityProblems
                                .problem(Response.Status.NOT_FOUND, "No region " + regionCode, path).build())));
    }

    private Uni<RegionOverview.Parts> fetch(String region, int year, String requestId) {
        return Uni.combine().all().unis(
                part("allocation", "/api/v1/regions", requestId),
                part("allocation", "/api/v1/agreements/" + year + "/allocations", requestId),
                part("allocation", "/api/v1/agreements/" + year + "/regions/" + region + "/decision", requestId),
                part("allocation", "/api/v1/agreements/" + year + "/regions/" + region + "/conditions", requestId),
                part("reporting", "/api/v1/reports/" + year + "/" + region + "/status", requestId),
                part("indicators", "/api/v1/indicators/latest?regionCode=" + region, requestId))
                .with(Part.class,
                        parts -> new RegionOverview.Parts(parts.get(0), parts.get(1), parts.get(2), parts.get(3),
                                parts.get(4), parts.get(5)));
    }

    /** The latest agreement year allocation-service knows; this calendar year while it cannot be asked. */
    private Uni<Integer> latestYear(String requestId) {
        int fallback = Year.now(SWEDEN).getValue();
        return part("allocation", "/api/v1/agreements", requestId).map(part -> {
            if (part instanceof Part.Answered answered && answered.json() != null && answered.json().isArray()) {
                return StreamSupport.stream(answered.json().spliterator(), false)
                        .mapToInt(a -> a.path("year").asInt(0)).filter(y -> y > 0).max().orElse(fallback);
            }
            return fallback;
        });
    }

    private Uni<Part> part(String upstream, String pathAndQuery, String requestId) {
        Duration timeout = config.overview().timeout();
        return upstreams.get(upstream, pathAndQuery, timeout, requestId)
                .map(reply -> {
                    if (reply.status() == NOT_FOUND) {
                        return (Part) Part.Answered.nothing();
                    }
                    if (!reply.ok()) {
                        return new Part.Unavailable("The " + upstream + " service answered " + reply.status());
                    }
                    try {
                        JsonNode body = json.readTree(reply.body().getBytes());
                        return new Part.Answered(body);
                    } catch (IOException e) {
                        return new Part.Unavailable("The " + upstream + " service answered something that is not JSON");
                    }
                })
                .onFailure().recoverWithItem(failure -> new Part.Unavailable(UpstreamClient.isTimeout(failure)
                        ? "The " + upstream + " service did not answer in time"
                        : "The " + upstream + " service cannot be reached"));
    }
}
