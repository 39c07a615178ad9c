package se.kvinnohalsa.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The gateway's public port (the one the ingress reaches) serves the API, Swagger UI and the merged OpenAPI, and no
 * management endpoint: health and metrics are on the management interface, for the probes and Prometheus only
 * (Swagger UI and the merged document: MergedOpenApiTest).
 */
@QuarkusTest
class PublicSurfaceTest {

    private static final List<String> MANAGEMENT = List.of("/q/health", "/q/health/ready", "/q/health/live",
            "/q/health/started", "/q/metrics", "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/", "/q/dev-ui");

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void noManagementEndpointOnThePublicPort() {
        for (String path : MANAGEMENT) {
            given().redirects().follow(false).get(path).then().statusCode(404);
        }
    }

    @Test
    void healthAndMetricsOnTheManagementPort() {
        given().port(management.getPort()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
        given().port(management.getPort()).get("/q/health/live").then().statusCode(200);
        given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes"));
    }
}
