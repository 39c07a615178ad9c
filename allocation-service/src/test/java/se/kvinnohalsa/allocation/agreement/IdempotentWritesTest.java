package se.kvinnohalsa.allocation.agreement;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.allocation.Api;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, item 7 in allocation-service: agreement creation, publication and the outbox replay with an
 * Idempotency-Key. Owns the years 2060 and 2061.
 */
@QuarkusTest
class IdempotentWritesTest {

    @Test
    void aRetriedAgreementCreationGetsTheFirst201AndAnotherBodyIs422() {
        String body = Api.agreement(2060, 100, 60, 40, "2061-03-31");
        Response first = Api.admin().header("Idempotency-Key", "create-2060").body(body).post("/api/v1/agreements");
        first.then().statusCode(201);
        Response retry = Api.admin().header("Idempotency-Key", "create-2060").body(body).post("/api/v1/agreements");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.header("Location"), retry.header("Location"));
        assertArrayEquals(first.asByteArray(), retry.asByteArray());
        // Without the key the same body meets the agreement created: 409, as before.
        Api.admin().body(body).post("/api/v1/agreements").then().statusCode(409);
        Api.admin().header("Idempotency-Key", "create-2060").body(Api.agreement(2060, 200, 60, 40, "2061-03-31"))
                .post("/api/v1/agreements").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aRetriedPublicationPublishesOnceEvenAfterTheAllocationsChanged() {
        int year = 2061;
        Api.admin().body(Api.agreement(year, 100, 60, 40, "2062-03-31")).post("/api/v1/agreements").then()
                .statusCode(201);
        amounts(year, "POPULATION", 30, 30);
        amounts(year, "RURAL", 20, 20);
        String publish = "/api/v1/agreements/" + year + "/allocations/publish";
        Response first = Api.admin().header("Idempotency-Key", "publish-2061").post(publish);
        first.then().statusCode(201).body("version", equalTo(1));
        amounts(year, "RURAL", 25, 15);
        Api.admin().header("Idempotency-Key", "publish-2061").post(publish).then().statusCode(201)
                .header("Location", first.header("Location")).body("version", equalTo(1));
        assertEquals(1, given().get("/api/v1/agreements/" + year + "/allocations/versions").jsonPath()
                .getList("$").size(), "the retry published nothing");
        Api.admin().header("Idempotency-Key", "publish-2061-b").post(publish).then().statusCode(201)
                .body("version", equalTo(2));
    }

    @Test
    void theOutboxReplayToo() {
        String replay = "/admin/outbox/replay?since=2999-01-01T00:00:00Z";
        Response first = Api.admin().header("Idempotency-Key", "replay-1").post(replay);
        first.then().statusCode(200);
        Api.admin().header("Idempotency-Key", "replay-1").post(replay).then().statusCode(200)
                .header("Idempotent-Replayed", "true");
        Api.admin().header("Idempotency-Key", "replay-1").post("/admin/outbox/replay?since=2998-01-01T00:00:00Z")
                .then().statusCode(422);
    }

    @Test
    void everyPostDocumentsTheHeader() {
        JsonPath openapi = JsonPath.from(given().port(URI.create(TestHTTPResourceManager.getManagementUri()).getPort())
                .accept("application/json")
                .get("/q/openapi?format=json").asString());
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        int posts = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (path.getValue().containsKey("post")) {
                posts++;
                String header = "paths.'" + path.getKey() + "'.post.parameters.find { it.name == 'Idempotency-Key' }";
                assertEquals("header", openapi.getString(header + ".in"), path.getKey());
                assertTrue(openapi.getString(header + ".description").contains("422"), path.getKey());
            }
        }
        assertTrue(posts >= 3, "agreements, publish, replay and dead letters: " + posts);
    }

    private static void amounts(int year, String pool, long region23, long region24) {
        Api.admin().body("{\"amounts\": [{\"regionCode\": \"23\", \"amountSek\": " + region23
                + "}, {\"regionCode\": \"24\", \"amountSek\": " + region24 + "}]}")
                .put("/api/v1/agreements/" + year + "/pools/" + pool + "/amounts").then().statusCode(200);
    }
}
