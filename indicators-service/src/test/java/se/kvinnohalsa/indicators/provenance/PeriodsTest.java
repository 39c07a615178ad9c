package se.kvinnohalsa.indicators.provenance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.Api;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The periods of an indicator with values and the batches its current values rest on; bad input is 4xx. */
@QuarkusTest
class PeriodsTest {

    private static final String Y2023 = "2023-01-01/2023-12-31";
    private static final String Y2024 = "2024-01-01/2024-12-31";
    private static final String PATH = "/api/v1/indicators/PERIODS_TEST/observations";

    @Test
    void everyPeriodNamesTheBatchesItsCurrentValuesCameIn() {
        Api.define("PERIODS_TEST", "PERCENT", "CALENDAR_YEAR", null, "BORN_SWEDEN", "BORN_ABROAD");
        String first = Api.registry().contentType("text/csv").body("""
                region_code,period,group,value
                01,%1$s,ALL,80
                03,%1$s,ALL,82
                SE,%1$s,ALL,81
                01,%1$s,BORN_ABROAD,70
                03,%2$s,ALL,79
                """.formatted(Y2024, Y2023)).post(PATH).then().statusCode(200).extract().path("batchId");
        // A correction of one value: that value now rests on the second batch.
        String second = Api.registry().contentType("application/json")
                .body("[{\"regionCode\": \"03\", \"period\": \"" + Y2024 + "\", \"value\": 83}]").post(PATH).then()
                .statusCode(200).body("updated", equalTo(1)).extract().path("batchId");

        JsonPath periods = given().get("/api/v1/indicators/PERIODS_TEST/periods").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertEquals(List.of(Y2024, Y2023), periods.getList("period"), "newest first");
        assertEquals(List.of("ALL", "BORN_ABROAD"), periods.getList("[0].groups"));
        assertEquals(2, periods.getInt("[0].regions"));
        assertTrue(periods.getBoolean("[0].national"));
        assertEquals(4, periods.getInt("[0].observations"));
        assertEquals(List.of(first, second), periods.getList("[0].batches.batchId"), "oldest first");
        assertEquals(List.of(3, 1), periods.getList("[0].batches.observations"));
        assertEquals(List.of("CSV", "JSON"), periods.getList("[0].batches.format"));
        assertEquals(periods.getString("[0].batches[1].loadedAt"), periods.getString("[0].lastLoadedAt"));
        assertEquals(1, periods.getInt("[1].regions"));
        assertFalse(periods.getBoolean("[1].national"));
        assertFalse(given().get("/api/v1/indicators/PERIODS_TEST/periods").asString().contains("registry-local"),
                "who loaded a batch is not public");

        given().get("/api/v1/indicators/PERIODS_TEST/periods?period=" + Y2023).then().statusCode(200)
                .body("period", equalTo(List.of(Y2023))).body("[0].batches[0].batchId", equalTo(first));
    }

    @Test
    void badInputIs4xxProblemJson() {
        Api.define("PERIODS_EMPTY", "PERCENT", "REPORTING_YEAR", null);
        given().get("/api/v1/indicators/PERIODS_EMPTY/periods").then().statusCode(200).body("size()", equalTo(0));
        given().get("/api/v1/indicators/PERIODS_EMPTY/periods?period=2024").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("period"));
        given().get("/api/v1/indicators/PERIODS_EMPTY/periods?period=2024-01-01/2024-06-30").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("period"));
        given().get("/api/v1/indicators/NO_SUCH_INDICATOR/periods").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/indicators/%27%3B%20DROP/periods").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
