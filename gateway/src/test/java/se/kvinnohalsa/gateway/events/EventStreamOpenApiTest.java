package se.kvinnohalsa.gateway.events;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.EventCatalog;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/events is described in the gateway's OpenAPI, with what each audience gets of each event type. */
@QuarkusTest
class EventStreamOpenApiTest {

    @Test
    void theOperationSaysPerEventTypeWhatEachAudienceGets() {
        JsonPath document = given().get("/api/v1/openapi/gateway?format=json").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Object> operation = document.getMap("paths.'/api/v1/events'.get");
        String description = (String) operation.get("description");
        for (Class<?> type : EventCatalog.ALL) {
            String name = EventCatalog.typeOf(type);
            String row = description.lines().filter(l -> l.startsWith("| `" + name + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no row"));
            assertTrue(row.contains("admin, analyst"), row);
        }
        String reviewed = description.lines().filter(l -> l.contains("report.reviewed")).findFirst().orElseThrow();
        String onlyFull = reviewed.split("\\|")[3];
        assertTrue(onlyFull.contains("comment") && onlyFull.contains("reviewedBy"), reviewed);
        assertEquals(List.of("200", "400", "401", "429", "503"),
                List.copyOf(document.getMap("paths.'/api/v1/events'.get.responses").keySet()));
    }

    @Test
    void theMergedDocumentHasIt() {
        given().get("/api/v1/openapi").then().statusCode(200).body("paths", hasKey("/api/v1/events"));
    }
}
