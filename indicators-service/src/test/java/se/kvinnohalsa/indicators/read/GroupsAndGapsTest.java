package se.kvinnohalsa.indicators.read;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.kvinnohalsa.indicators.Api;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Group values of EFTERVARDSBESOK (illustrative figures: the published CSV has no group breakdown) sent as a
 * Windows CSV: BOM, CRLF, quoted fields, Swedish characters in comments. Then the gaps between groups.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupsAndGapsTest {

    private static final String C = Api.CURRENT;
    private static final String P = Api.PREVIOUS;

    static String windowsCsv() {
        String csv = "# Eftervårdsbesök per utbildningsnivå – illustrativa värden för Västra Götaland, Jönköping, Örebro\r\n"
                + "\"region_code\",\"period\",\"group\",\"value\",\"numerator\",\"denominator\",\"clinic_min\",\"clinic_max\"\r\n"
                + "\"14\",\"" + C + "\",\"EDU_HIGHER\",\"88.0\",,,,\r\n"
                + "\"14\",\"" + C + "\",\"EDU_PRIMARY\",\"72.5\",,,,\r\n"
                + "06,\"" + C + "\",EDU_HIGHER,97.0,,,,\r\n"
                + "06," + C + ",EDU_PRIMARY,93.0,,,,\r\n"
                + "18," + C + ",EDU_HIGHER,91.0,,,,\r\n"
                + "18," + C + ",EDU_PRIMARY, 80.0 ,,,,\r\n"
                + "SE," + C + ",EDU_HIGHER,93.0,,,,\r\n"
                + "SE," + C + ",EDU_PRIMARY,80.0,,,,\r\n"
                + "\r\n"
                + "14," + P + ",EDU_HIGHER,86.0,,,,\r\n"
                + "14," + P + ",EDU_PRIMARY,74.0,,,,\r\n"
                + "SE," + P + ",EDU_HIGHER,92.0,,,,\r\n"
                + "SE," + P + ",EDU_PRIMARY,81.0,,,,\r\n";
        return "\uFEFF" + csv;
    }

    @Test
    @Order(1)
    void aWindowsCsvWithBomCrlfQuotesAndSwedishCharacters() {
        Api.registry().contentType("text/csv; charset=UTF-8").body(windowsCsv().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().log().ifValidationFails()
                .statusCode(200)
                .body("received", equalTo(12)).body("created", equalTo(12)).body("rejected", equalTo(0));
        // Swedish characters survive in what the service says back.
        Api.registry().contentType("text/csv")
                .body(("region_code,period,group,value\n14," + C + ",\"FÖRSTFÖDERSKOR\",80\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().statusCode(422)
                .body("errors[0].field", equalTo("group"))
                .body("errors[0].message", containsString("'FÖRSTFÖDERSKOR'"));
    }

    @Test
    @Order(2)
    void valuesOfAGroup() {
        given().get("/api/v1/indicators/EFTERVARDSBESOK/values?group=EDU_PRIMARY&period=" + C).then().statusCode(200)
                .body("regionCode", contains("06", "14", "18"))
                .body("find { it.regionCode == '14' }.value", equalTo(72.5f))
                .body("find { it.regionCode == '14' }.previousValue", equalTo(74))
                .body("find { it.regionCode == '14' }.change", equalTo(-1.5f))
                .body("find { it.regionCode == '18' }.value", equalTo(80));
        given().get("/api/v1/indicators/EFTERVARDSBESOK/summary?group=EDU_PRIMARY&period=" + C).then().statusCode(200)
                .body("national.value", equalTo(80)).body("national.origin", equalTo("REPORTED"))
                .body("previousNational", equalTo(81)).body("regionsMeetingTarget.count", equalTo(1))
                .body("regionsMeetingTarget.of", equalTo(3));
    }

    @Test
    @Order(3)
    void gapsLargestFirstWithThePreviousGap() {
        given().get("/api/v1/indicators/EFTERVARDSBESOK/gaps?groups=EDU_HIGHER,EDU_PRIMARY&period=" + C).then()
                .log().ifValidationFails().statusCode(200)
                .body("groupA", equalTo("EDU_HIGHER")).body("groupB", equalTo("EDU_PRIMARY"))
                .body("previousPeriod", equalTo(P))
                .body("national.gap", equalTo(13)).body("national.previousGap", equalTo(11))
                .body("national.change", equalTo(2))
                .body("regions.regionCode", contains("14", "18", "06"))
                .body("regions[0].gap", equalTo(15.5f)).body("regions[0].previousGap", equalTo(12))
                .body("regions[0].change", equalTo(3.5f))
                .body("regions[1].gap", equalTo(11)).body("regions[1].previousGap", nullValue())
                .body("regions[2].gap", equalTo(4));
        // Reversed groups: the same gaps with the opposite sign, still largest first.
        given().get("/api/v1/indicators/EFTERVARDSBESOK/gaps?groups=EDU_PRIMARY,EDU_HIGHER&period=" + C).then()
                .statusCode(200).body("regions[0].gap", equalTo(-15.5f)).body("national.gap", equalTo(-13));
    }
}
