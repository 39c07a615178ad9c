package se.kvinnohalsa.reporting;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * The API port (the one the gateway calls) serves the API only; health, metrics, the OpenAPI document and Swagger UI
 * are on the management port, for the probes, Prometheus and the gateway's merged document.
 */
@QuarkusTest
class ManagementPortTest {

    private static final List<String> MANAGEMENT = List.of("/q/health", "/q/health/ready", "/q/metrics",
            "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/");

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void managementEndpointsAreOnlyOnTheManagementPort() {
        for (String path : MANAGEMENT) {
            given().redirects().follow(false).get(path).then().statusCode(404);
        }
        given().port(management.getPort()).get("/q/health/live").then().statusCode(200);
        given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes"));
        given().port(management.getPort()).get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/reports/{year}/{regionCode}/status"));
        given().port(management.getPort()).get("/q/swagger-ui/").then().statusCode(200);
    }
}
