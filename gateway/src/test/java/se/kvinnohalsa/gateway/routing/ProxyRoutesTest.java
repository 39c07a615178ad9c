package se.kvinnohalsa.gateway.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.StubUpstreams;
import se.kvinnohalsa.stack.Infrastructure;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ProxyRoutesTest {

    @TestHTTPResource("/")
    URI gateway;

    private static RequestSpecification as(String role, String region) {
        return given().header("Authorization", "Bearer " + Infrastructure.shared().tokens().issue(role, region));
    }

    @Test
    void methodsHeadersStatusAndBodiesPassThrough() {
        as("admin", null).contentType("application/json").header("X-Request-Id", "req-gw-1").header("X-Custom", "kept")
                .header("Connection", "keep-alive, X-Hop").header("X-Hop", "dropped")
                .body("{\"year\": 2024, \"title\": \"Överenskommelse\"}")
                .post("/api/v1/agreements/created?x=1").then().statusCode(201)
                .header("X-Upstream", "allocation").header("X-Request-Id", "req-gw-1")
                .body("method", equalTo("POST")).body("path", equalTo("/api/v1/agreements/created?x=1"))
                .body("body", equalTo("{\"year\": 2024, \"title\": \"Överenskommelse\"}"))
                .body("headers.x-custom", equalTo("kept")).body("headers.x-request-id", equalTo("req-gw-1"))
                .body("headers.authorization", notNullValue())
                .body("headers.x-hop", nullValue());
        Response response = given().get("/api/v1/regions");
        response.then().statusCode(200).body("method", equalTo("GET")).body("headers.x-request-id", notNullValue());
        assertEquals(List.of(response.jsonPath().getString("headers.x-request-id")),
                response.headers().getValues("X-Request-Id"),
                "one X-Request-Id, the one the service saw");
    }

    @Test
    void aRequestWithoutABodyIsSentOnWithoutOne() {
        given().get("/api/v1/regions").then().statusCode(200).body("body", equalTo(""))
                .body("headers.content-length", nullValue()).body("headers.transfer-encoding", nullValue());
        // Several bodiless requests in a row on one keep-alive connection: each is answered.
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/regions?n=" + i).then().statusCode(200).body("path",
                    equalTo("/api/v1/regions?n=" + i));
        }
    }

    @Test
    void anHttp2BodyWithoutContentLengthReachesTheService() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String token = Infrastructure.shared().tokens().issue("admin", null);
        String sent = "{\"year\": 2024, \"title\": \"Överenskommelse via HTTP/2\"}";
        for (int i = 0; i < 2; i++) { // the first request upgrades the connection (h2c), the second is an HTTP/2 stream
            HttpResponse<String> response = http2
                    .send(HttpRequest.newBuilder(gateway.resolve("/api/v1/agreements/created"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new ByteArrayInputStream(sent.getBytes(StandardCharsets.UTF_8))))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
            assertEquals(sent, new ObjectMapper().readTree(response.body()).path("body").asText(), "request " + i);
        }
    }

    @Test
    void largeBodiesStreamThroughUnchanged() {
        byte[] body = given().get("/api/v1/indicators/large").then().statusCode(200).extract().asByteArray();
        assertEquals(StubUpstreams.LARGE_BODY_BYTES, body.length);
    }

    @Test
    void writesNeedAValidTokenAndTheRightRegion() {
        given().contentType("application/json").body("{}").put("/api/v1/agreements/2025/regions/23/decision")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer not-a-token").contentType("application/json").body("{}")
                .put("/api/v1/agreements/2025/regions/23/decision").then().statusCode(401)
                .contentType("application/problem+json");
        as("reporter", "01").contentType("application/json").body("{}")
                .put("/api/v1/agreements/2025/regions/23/decision").then().statusCode(403)
                .contentType("application/problem+json");
        as("reporter", "23").contentType("application/json").body("{}")
                .put("/api/v1/agreements/2025/regions/23/decision").then().statusCode(200)
                .body("method", equalTo("PUT"));
        as("analyst", null).contentType("application/json").body("{}").post("/api/v1/agreements").then()
                .statusCode(403);
    }

    @Test
    void aServiceThatIsDownGives502ThenTheBreakerOpensAnd503WhileOtherRoutesWork() {
        // Other tests may already have opened the breaker of the (down) reporting service: wait for its trial request.
        Response response = given().get("/api/v1/reports/2024/summary");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (response.statusCode() == 503 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response = given().get("/api/v1/reports/2024/summary");
        }
        int failures = 0;
        while (response.statusCode() == 502 && failures < 5) {
            response.then().contentType("application/problem+json").body("status", equalTo(502))
                    .body("detail", equalTo("The reporting service cannot be reached"));
            failures++;
            response = given().get("/api/v1/reports/2024/summary");
        }
        Assertions.assertTrue(failures >= 1, "the down service was tried and answered 502");
        response.then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
        given().get("/api/v1/regions").then().statusCode(200);
    }

    @Test
    void aSlowServiceGives504() {
        given().get("/api/v1/agreements/slow").then().statusCode(504).contentType("application/problem+json");
    }

    @Test
    void anUpstreamDyingMidStreamLeavesTheGatewayUp() {
        try {
            given().get("/api/v1/agreements/dies").then().extract().asString();
        } catch (Exception truncated) {
            // the client sees a broken response; what matters is what follows
        }
        given().get("/api/v1/regions").then().statusCode(200);
    }

    @Test
    void oversizedBodiesAre413() {
        as("admin", null).contentType("text/csv").body(new byte[1_100_000])
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void corsPreflightFromAConfiguredOrigin() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "PUT")
                .options("/api/v1/agreements").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .options("/api/v1/agreements").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void metricsTagProxiedPathsByRouteNotByEveryRegionAndYear() {
        given().get("/api/v1/agreements/2031/regions/07/decision").then().statusCode(200);
        String metrics = given().port(URI.create(TestHTTPResourceManager.getManagementUri()).getPort())
                .get("/q/metrics").then()
                .statusCode(200).extract().asString();
        Assertions.assertTrue(metrics.contains("uri=\"/api/v1/agreements/*\""), "templated uri tag");
        Assertions.assertFalse(metrics.contains("/2031/regions/07"), "no tag per path");
    }
}
