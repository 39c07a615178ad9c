package se.kvinnohalsa.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.testing.ServedOpenApi;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint of the contract is in the OpenAPI document, with a summary and examples. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyEndpointIsDocumentedWithExamples() {
        String document = given().port(ServedOpenApi.managementPort()).accept("application/json")
                .get("/q/openapi?format=json").then()
                .statusCode(200)
                .extract().asString();
        JsonPath openapi = JsonPath.from(document);
        Map<String, List<String>> endpoints = Map.of(
                "/api/v1/reports/{year}/{regionCode}", List.of("put", "get"),
                "/api/v1/reports/{year}/{regionCode}/status", List.of("get"),
                "/api/v1/reports/{year}/{regionCode}/submission", List.of("post"),
                "/api/v1/reports/{year}/{regionCode}/review", List.of("post"),
                "/api/v1/reports/{year}/{regionCode}/history", List.of("get"),
                "/api/v1/reports/{year}", List.of("get"),
                "/api/v1/reports/{year}/summary", List.of("get"),
                "/api/v1/reports/{year}/figures", List.of("get"));
        endpoints.forEach((path, methods) -> methods.forEach(method -> {
            Map<String, Object> operation = openapi.getMap("paths.'" + path + "'." + method);
            assertNotNull(operation, method + " " + path);
            assertNotNull(operation.get("summary"), "summary of " + method + " " + path);
        }));
        assertTrue(document.contains("\"examples\""));
        for (String example : List.of("Jämtland Härjedalen, split", "incomplete", "return", "2024 (abridged)",
                "returned once", "submitted", "bad year")) {
            assertTrue(document.contains("\"" + example + "\""), "example " + example);
        }
        assertFalse(openapi.getMap("paths.'/api/v1/reports/{year}/{regionCode}'.put.responses").isEmpty());
        assertNotNull(openapi.getMap("paths.'/api/v1/reports/{year}/{regionCode}'.put.responses.'428'"));
    }

    /** The shared rules (ServedOpenApi): complete for client generators, examples in the components. */
    @Test
    void everyOperationIsCompleteForClientGenerators() {
        ServedOpenApi.assertCompleteWithExamplesInComponents();
    }
}
