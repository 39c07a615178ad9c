package se.kvinnohalsa.indicators.disclosure;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.Api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, item 3, as reported: TSUP with 01=50, 03=60 and 25=100 (numerator 5, denominator 5). Before secondary
 * suppression the summary showed national 70 beside 01 and 03, so 25 = 3 x 70 - 50 - 60 = 100.
 */
@QuarkusTest
class IssueReproductionTest {

    private static final String Y = "2024-01-01/2024-12-31";

    @Test
    void theSmallCellOfTsupCannotBeWorkedOutFromTheSummaryAndTheValues() {
        Api.define("TSUP", "PERCENT", "CALENDAR_YEAR", null);
        Api.registry().contentType("text/csv").body("""
                region_code,period,value,numerator,denominator
                01,%s,50,,
                03,%s,60,,
                25,%s,100,5,5
                """.formatted(Y, Y, Y)).post("/api/v1/indicators/TSUP/observations").then().statusCode(200);

        JsonPath summary = given().get("/api/v1/indicators/TSUP/summary").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> values = given().get("/api/v1/indicators/TSUP/values").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertTrue(summary.getList("suppressedRegions").contains("25"));
        Map<String, Object> small = values.stream().filter(v -> "25".equals(v.get("regionCode"))).findFirst()
                .orElseThrow();
        assertTrue(small.get("value") == null && Boolean.TRUE.equals(small.get("suppressed")), small.toString());

        // The derivation of the issue: national x number of regions - every published region value.
        Object national = summary.get("national.value");
        List<Object> published = values.stream().filter(v -> !"25".equals(v.get("regionCode")))
                .map(v -> v.get("value")).toList();
        boolean derivable = national != null && published.stream().allMatch(v -> v != null);
        if (derivable) {
            BigDecimal derived = new BigDecimal(national.toString()).multiply(BigDecimal.valueOf(values.size()))
                    .subtract(published.stream().map(v -> new BigDecimal(v.toString())).reduce(BigDecimal.ZERO,
                            BigDecimal::add));
            assertFalse(derivable, "25 is derivable from the published figures: " + derived);
        }
    }
}
