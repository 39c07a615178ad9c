package se.kvinnohalsa.indicators.observation;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.Api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Corrections keep the old version readable; small cells (and the cells that protect them) are hidden in public
 * reads but kept for admins.
 */
@QuarkusTest
class ProvenanceAndPrivacyTest {

    private static final String Y = "2024-01-01/2024-12-31";

    @Test
    void aCorrectionKeepsTheEarlierVersionInTheHistory() {
        Api.define("HISTORY_TEST", "PERCENT", "CALENDAR_YEAR", null);
        String path = "/api/v1/indicators/HISTORY_TEST/observations";
        String first = Api.registry().contentType("application/json")
                .body("[{\"regionCode\": \"23\", \"period\": \"" + Y + "\", \"value\": 71.5}]").post(path).then()
                .statusCode(200).body("created", equalTo(1)).extract().path("batchId");
        String etag = given().get("/api/v1/indicators/HISTORY_TEST/values").then().extract().header("ETag");
        String second = Api.admin().contentType("application/json")
                .body("[{\"regionCode\": \"23\", \"period\": \"" + Y + "\", \"value\": 72.5}]").post(path).then()
                .statusCode(200).body("updated", equalTo(1)).body("created", equalTo(0)).extract().path("batchId");

        Api.admin().get("/api/v1/indicators/HISTORY_TEST/history?regionCode=23&period=" + Y).then().statusCode(200)
                .body("version", contains(2, 1))
                .body("value", contains(72.5f, 71.5f))
                .body("current", contains(true, false))
                .body("batchId", contains(second, first))
                .body("loadedBy", contains("admin-local", "registry-local"))
                .body("[1].supersededBy", equalTo(second)).body("[1].supersededAt", notNullValue())
                .body("[0].supersededAt", nullValue());
        Api.registry().get("/api/v1/indicators/HISTORY_TEST/history?regionCode=23&period=" + Y).then().statusCode(403);
        given().get("/api/v1/indicators/HISTORY_TEST/history?regionCode=23&period=" + Y).then().statusCode(401);
        Api.admin().get("/api/v1/indicators/HISTORY_TEST/history?regionCode=01&period=" + Y).then().statusCode(404);

        // The cached view followed the correction: a new ETag and the new value.
        given().header("If-None-Match", etag).get("/api/v1/indicators/HISTORY_TEST/values").then().statusCode(200)
                .body("[0].value", equalTo(72.5f)).header("ETag", not(equalTo(etag)));
    }

    @Test
    void smallCellsAreSuppressedInPublicReadsButNotForAdmins() {
        Api.define("PRIVACY_TEST", "PERCENT", "CALENDAR_YEAR", "{\"operator\": \">=\", \"value\": 50}");
        // Region 09 has 6 women in the denominator: below the threshold of 10.
        Api.registry().contentType("text/csv").body("""
                region_code,period,value,numerator,denominator
                09,%s,50,3,6
                23,%s,60,60,100
                25,%s,80,240,300
                """.formatted(Y, Y, Y))
                .post("/api/v1/indicators/PRIVACY_TEST/observations").then().statusCode(200)
                .body("created", equalTo(3));
        given().get("/api/v1/indicators/PRIVACY_TEST/values").then().statusCode(200)
                .body("find { it.regionCode == '09' }.value", nullValue())
                .body("find { it.regionCode == '09' }.suppressed", equalTo(true))
                .body("find { it.regionCode == '09' }.meetsTarget", nullValue())
                .body("find { it.regionCode == '09' }.suppressionReason", equalTo("SMALL_CELL"))
                // 09 would follow from the national value and the others (to 44.6..51.3): 23 is withheld with it.
                .body("find { it.regionCode == '23' }.value", nullValue())
                .body("find { it.regionCode == '23' }.suppressed", equalTo(true))
                .body("find { it.regionCode == '23' }.suppressionReason", equalTo("COMPLEMENTARY"))
                .body("find { it.regionCode == '25' }.value", equalTo(80))
                .body("find { it.regionCode == '25' }.suppressed", equalTo(false));
        Api.admin().get("/api/v1/indicators/PRIVACY_TEST/values").then().statusCode(200)
                .header("Cache-Control", Matchers.containsString("no-store"))
                .body("find { it.regionCode == '09' }.value", equalTo(50))
                .body("find { it.regionCode == '09' }.suppressed", equalTo(false));
        // No SE row and every region has a denominator: the national value is computed, weighted:
        // (50*6 + 60*100 + 80*300) / 406 = 74.6.
        given().get("/api/v1/indicators/PRIVACY_TEST/summary").then().statusCode(200)
                .body("national.value", equalTo(74.6f)).body("national.origin", equalTo("COMPUTED"))
                .body("regionsMeetingTarget.of", equalTo(1)).body("suppressedRegions", contains("09", "23"))
                .body("suppressions.reason", contains("SMALL_CELL", "COMPLEMENTARY"))
                .body("lowest.regionCode", contains("25"));
        given().get("/api/v1/indicators/PRIVACY_TEST/series?regionCode=09").then().statusCode(200)
                .body("[0].value", nullValue()).body("[0].suppressed", equalTo(true));
        String publicEtag = given().get("/api/v1/indicators/PRIVACY_TEST/summary").then().extract().header("ETag");
        assertNotEquals(null, publicEtag);
    }
}
