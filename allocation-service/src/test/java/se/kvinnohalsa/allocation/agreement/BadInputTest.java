package se.kvinnohalsa.allocation.agreement;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.allocation.Api;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** Bad input gets a 4xx problem+json naming the field, and changes nothing. */
@QuarkusTest
class BadInputTest {

    /** Every test class shares the database; this one owns the year 2030 (and 2040-2042 for rejected ones). */
    private static final int YEAR = 2030;
    private static boolean created;

    private static void agreement() {
        if (!created) {
            Api.admin().body(Api.agreement(YEAR, 1_000_000, 600_000, 400_000, "2031-03-31")).post("/api/v1/agreements")
                    .then().statusCode(201);
            created = true;
        }
    }

    @Test
    void negativeAndFractionalAmounts() {
        Api.admin().body(Api.agreement(2040, -5, 1, 1, "2041-03-31")).post("/api/v1/agreements").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("totalSek"));
        Api.admin()
                .body(Api.agreement(2040, 100, 1, 1, "2041-03-31").replace("\"amountSek\": 1}", "\"amountSek\": 1.5}"))
                .post("/api/v1/agreements").then().statusCode(400)
                .body("errors[0].field", equalTo("pools[0].amountSek"));
        Api.admin()
                .body(Api.agreement(2040, 100, 1, 1, "2041-03-31").replace("\"totalSek\": 100",
                        "\"totalSek\": \"100\""))
                .post("/api/v1/agreements").then().statusCode(400).body("errors[0].field", equalTo("totalSek"));
        given().get("/api/v1/agreements/2040").then().statusCode(404);
    }

    @Test
    void rulesOfANewAgreement() {
        Api.admin().body(Api.agreement(2041, 100, 80, 30, "2040-03-31")).post("/api/v1/agreements").then()
                .statusCode(422)
                .body("errors.field", hasItems("pools", "reportingDeadline"));
        Api.admin().body(Api.agreement(2041, 100, 1, 1, "2042-02-30")).post("/api/v1/agreements").then().statusCode(400)
                .body("errors[0].field", equalTo("reportingDeadline"));
        Api.admin().body("{\"year\": 2041}").post("/api/v1/agreements").then().statusCode(422)
                .body("errors.field", hasItems("title", "totalSek", "reportingDeadline", "pools", "focusAreas"));
        Api.admin().body(Api.agreement(2041, 100, 1, 1, "2042-03-31").replace("\"title\"", "\"titel\""))
                .post("/api/v1/agreements").then().statusCode(400).body("errors[0].message", containsString("titel"));
        given().get("/api/v1/agreements/2041").then().statusCode(404);
    }

    @Test
    void malformedJsonWrongMediaTypeAndNoToken() {
        Api.admin().body("{\"year\": 2042,").post("/api/v1/agreements").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        Api.admin().contentType("text/plain").body("year=2042").post("/api/v1/agreements").then().statusCode(415)
                .contentType("application/problem+json");
        Api.admin().body("").post("/api/v1/agreements").then().statusCode(422);
        given().contentType("application/json").body(Api.agreement(2042, 1, 1, 0, "2043-03-31"))
                .post("/api/v1/agreements").then().statusCode(401);
        Api.as("reporter", "23").body(Api.agreement(2042, 1, 1, 0, "2043-03-31"))
                .post("/api/v1/agreements").then().statusCode(403);
    }

    @Test
    void keysWithUnknownPoolsDuplicateRegionsOrOnlyZeros() {
        agreement();
        Api.admin().body("{\"weights\": [{\"regionCode\": \"01\", \"weight\": 1}]}")
                .put("/api/v1/agreements/" + YEAR + "/pools/NOPE/key").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("NOPE"));
        Api.admin().body(
                "{\"weights\": [{\"regionCode\": \"01\", \"weight\": 1}, {\"regionCode\": \"01\", \"weight\": 2}]}")
                .put("/api/v1/agreements/" + YEAR + "/pools/POPULATION/key").then().statusCode(422)
                .body("errors[0].field", equalTo("weights[1].regionCode"));
        Api.admin().body(
                "{\"weights\": [{\"regionCode\": \"01\", \"weight\": 0}, {\"regionCode\": \"02\", \"weight\": 0}]}")
                .put("/api/v1/agreements/" + YEAR + "/pools/POPULATION/key").then().statusCode(422)
                .body("errors.field", hasItems("weights", "weights[1].regionCode"));
        Api.admin().body("{\"weights\": [{\"regionCode\": \"01\", \"weight\": -3}]}")
                .put("/api/v1/agreements/" + YEAR + "/pools/POPULATION/key").then().statusCode(422)
                .body("errors[0].field", equalTo("weights[0].weight"));
        Api.admin().body("{\"weights\": [{\"regionCode\": \"01\", \"weight\": 0.0000001}]}")
                .put("/api/v1/agreements/" + YEAR + "/pools/POPULATION/key").then().statusCode(422)
                .body("errors[0].field", equalTo("weights[0].weight"));
        Api.admin().body("{\"weights\": []}")
                .put("/api/v1/agreements/" + YEAR + "/pools/POPULATION/key").then().statusCode(422);
        Api.admin().body("{\"weights\": [{\"regionCode\": \"01\", \"weight\": 1}]}")
                .put("/api/v1/agreements/1999/pools/POPULATION/key").then().statusCode(404);
        given().get("/api/v1/agreements/" + YEAR).then().body("pools[0].keyKind", equalTo("NONE"));
    }

    @Test
    void fixedAmountsMustAddUpAndPublicationNeedsEveryKey() {
        agreement();
        Api.admin().body("{\"amounts\": [{\"regionCode\": \"01\", \"amountSek\": 599999}]}")
                .put("/api/v1/agreements/" + YEAR + "/pools/POPULATION/amounts").then().statusCode(422)
                .body("errors[0].field", equalTo("amounts")).body("errors[0].message", containsString("difference -1"));
        Api.admin().body("{\"amounts\": [{\"regionCode\": \"01\", \"amountSek\": 600000}]}")
                .put("/api/v1/agreements/" + YEAR + "/pools/POPULATION/amounts").then().statusCode(200);
        Api.admin().post("/api/v1/agreements/" + YEAR + "/allocations/publish").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("RURAL"));
        given().get("/api/v1/agreements/" + YEAR + "/allocations").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("poolsWithoutKey", equalTo(List.of("RURAL")));
        given().get("/api/v1/agreements/" + YEAR + "/allocations/versions").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
