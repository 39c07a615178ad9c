package se.kvinnohalsa.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.testing.OpenApiRules;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merge keeps what clients rely on (issue 18.2): operationIds unique across services, every $ref resolvable after
 * components of the same name were kept apart, the gateway's servers and its own answers, no unused leftovers.
 */
class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String GATEWAY = """
            {"openapi": "3.1.0", "info": {"title": "gateway", "version": "1"},
             "servers": [{"url": "/", "description": "this gateway"}],
             "tags": [{"name": "Overview", "description": "One region"}],
             "paths": {"/api/v1/overview/regions/{regionCode}": {"get": {"operationId": "getRegionOverview",
               "tags": ["Overview"], "security": [],
               "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/View"}}}},
                             "404": {"description": "none", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {"View": {"type": "object", "properties": {"regionCode": {"type": "string"}}},
                                        "Problem": {"type": "object", "properties": {"status": {"type": "integer"}}}},
                            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}}}""";

    /** Its View is another shape than the gateway's; it uses the same operationId; Line only View reaches. */
    private static final String SERVICE = """
            {"openapi": "3.1.0", "info": {"title": "reporting-service", "version": "1"},
             "tags": [{"name": "Reports", "description": "Reports"}, {"name": "Outbox Replay", "description": "ops"}],
             "paths": {
               "/api/v1/reports/{year}": {"get": {"operationId": "getRegionOverview", "tags": ["Reports"], "security": [],
                 "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/View"},
                                                                 "examples": {"one": {"$ref": "#/components/examples/Report"}}}}},
                               "404": {"description": "none", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
               "/admin/outbox/replay": {"post": {"operationId": "replayOutbox", "tags": ["Outbox Replay"],
                 "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Replayed"}}}}}}}},
             "components": {"schemas": {"View": {"type": "object", "properties": {"lines": {"type": "array", "items": {"$ref": "#/components/schemas/Line"}}}},
                                        "Line": {"type": "object", "properties": {"amountSek": {"type": "integer"}}},
                                        "Replayed": {"type": "object"},
                                        "Problem": {"type": "object", "properties": {"status": {"type": "integer"}}}},
                            "examples": {"Report": {"value": {"lines": []}}, "Problem412": {"value": {"status": 412}}}}}""";

    private static ObjectNode merged() {
        try {
            Map<String, JsonNode> services = new LinkedHashMap<>();
            services.put("reporting", JSON.readTree(SERVICE));
            return OpenApiMerger.merge((ObjectNode) JSON.readTree(GATEWAY), services, List.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void operationIdsStayUniqueAcrossServices() {
        ObjectNode merged = merged();
        assertEquals("getRegionOverview",
                merged.at("/paths/~1api~1v1~1overview~1regions~1{regionCode}/get/operationId").asText());
        assertEquals("reporting_getRegionOverview", merged.at("/paths/~1api~1v1~1reports~1{year}/get/operationId")
                .asText(), "the later service's operationId gets its service's name");
    }

    @Test
    void everyRefResolvesAfterComponentsWereKeptApart() {
        ObjectNode merged = merged();
        assertEquals(List.of(), OpenApiMerger.unresolvedRefs(merged));
        assertEquals("#/components/schemas/reporting_View",
                merged.at("/paths/~1api~1v1~1reports~1{year}/get/responses/200/content/application~1json/schema/$ref")
                        .asText());
        assertTrue(merged.at("/components/schemas/Line").isObject(), "reached through reporting_View");
        assertTrue(merged.at("/components/examples/Report").isObject());
        assertTrue(OpenApiRules.unresolvedRefs(merged).isEmpty());
    }

    @Test
    void whatNothingUsesIsLeftOutButTheSecuritySchemesStay() {
        ObjectNode merged = merged();
        assertFalse(merged.toString().contains("/admin/outbox/replay"));
        assertTrue(merged.at("/components/schemas/Replayed").isMissingNode(), "only the operations path used it");
        assertTrue(merged.at("/components/examples/Problem412").isMissingNode());
        assertTrue(merged.at("/components/securitySchemes/bearer").isObject());
        assertEquals(List.of("Overview", "Reports"),
                merged.path("tags").findValuesAsText("name"), "the Outbox Replay tag tags nothing public");
    }

    @Test
    void theGatewaysServersAndItsOwnAnswersAreInTheDocument() {
        ObjectNode merged = merged();
        assertEquals("/", merged.at("/servers/0/url").asText());
        JsonNode proxied = merged.at("/paths/~1api~1v1~1reports~1{year}/get/responses");
        for (String status : List.of("429", "502", "503", "504")) {
            assertEquals("#/components/schemas/Problem",
                    proxied.at("/" + status + "/content/application~1problem+json/schema/$ref").asText(), status);
        }
        assertTrue(merged.at("/paths/~1api~1v1~1reports~1{year}/get/responses/429/headers/Retry-After").isObject());
        JsonNode own = merged.at("/paths/~1api~1v1~1overview~1regions~1{regionCode}/get/responses");
        assertTrue(own.has("429"));
        assertFalse(own.has("502"), "the gateway's own operation does not go through a proxy");
    }

    @Test
    void aDanglingRefIsFound() throws IOException {
        JsonNode broken = JSON.readTree("""
                {"paths": {"/api/v1/x": {"get": {"responses": {"200": {"content": {"application/json":
                  {"schema": {"$ref": "#/components/schemas/Gone"}}}}}}}}, "components": {"schemas": {}}}""");
        assertEquals(List.of("#/components/schemas/Gone"), OpenApiMerger.unresolvedRefs(broken));
    }
}
