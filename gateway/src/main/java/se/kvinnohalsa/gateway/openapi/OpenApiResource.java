package se.kvinnohalsa.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import se.kvinnohalsa.gateway.routing.GatewayConfig;
import se.kvinnohalsa.gateway.upstream.UpstreamClient;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The merged OpenAPI of the gateway and the services (Swagger UI at /swagger-ui shows it). */
@Path("/api/v1/openapi")
@Tag(name = "API description")
public class OpenApiResource {

    private static final Logger LOG = Logger.getLogger(OpenApiResource.class);
    static final List<String> SERVICES = List.of("allocation", "reporting", "indicators");
    /** Each service serves its document on its management interface (not its API port). */
    private static final String DOCUMENT = "/q/openapi?format=json";
    /** The gateway's own document (quarkus.smallrye-openapi.path): /q is not served on the public port. */
    private static final String OWN_DOCUMENT = "/api/v1/openapi/gateway?format=json";

    @Inject
    Clock clock;

    @Inject
    UpstreamClient upstreams;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    private final AtomicReference<Cached> cache = new AtomicReference<>();

    private record Cached(byte[] document, Instant until) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOpenApiDocument", summary = "The merged OpenAPI document", description = "Every public path of every service, as reached "
            + "through the gateway. When a service cannot be asked, its paths are missing and it is named in "
            + "x-unavailable-services (such a document is not cached).")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OpenApiDocument"), examples = @ExampleObject(name = "abridged", ref = "GetOpenApiDocument200")))
    public Uni<Response> document(@Context HttpServerRequest request) {
        Cached cached = cache.get();
        if (cached != null && Instant.now(clock).isBefore(cached.until())) {
            return Uni.createFrom().item(ok(cached.document()));
        }
        Duration timeout = config.openapi().timeout();
        URI self = URI.create("http://127.0.0.1:" + request.localAddress().port() + OWN_DOCUMENT);
        List<Uni<JsonNode>> fetches = new ArrayList<>();
        fetches.add(fetch(upstreams.get(self, timeout, null), "gateway"));
        for (String service : SERVICES) {
            fetches.add(fetch(upstreams.getManagement(service, DOCUMENT, timeout), service));
        }
        return Uni.combine().all().unis(fetches).with(JsonNode.class, documents -> {
            Map<String, JsonNode> services = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                JsonNode document = documents.get(i + 1);
                if (document.isMissingNode()) {
                    missing.add(SERVICES.get(i) + "-service");
                } else {
                    services.put(SERVICES.get(i), document);
                }
            }
            JsonNode own = documents.get(0);
            ObjectNode merged = OpenApiMerger.merge(own.isObject() ? (ObjectNode) own : json.createObjectNode(),
                    services, missing);
            byte[] bytes;
            try {
                bytes = json.writeValueAsBytes(merged);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (missing.isEmpty()) {
                cache.set(new Cached(bytes, Instant.now(clock).plus(config.openapi().cacheFor())));
            }
            return ok(bytes);
        });
    }

    private Uni<JsonNode> fetch(Uni<UpstreamClient.Reply> reply, String name) {
        return reply.map(r -> {
            if (!r.ok()) {
                LOG.warnf("OpenAPI of %s: HTTP %d", name, r.status());
                return (JsonNode) json.missingNode();
            }
            try {
                return json.readTree(r.body().getBytes());
            } catch (IOException e) {
                LOG.warnf("OpenAPI of %s is not JSON: %s", name, e.getMessage());
                return json.missingNode();
            }
        }).onFailure().recoverWithItem(failure -> {
            LOG.warnf("OpenAPI of %s cannot be fetched: %s", name, failure.toString());
            return json.missingNode();
        });
    }

    private static Response ok(byte[] document) {
        return Response.ok(document, MediaType.APPLICATION_JSON).header("Cache-Control", "public, max-age=30").build();
    }
}
