package se.kvinnohalsa.reporting.figures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.reporting.Api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The public figures of every region's report: submitted and accepted reports show their numbers, drafts and
 * returned reports only their status; bad years are 400 and unknown ones 404. Owns the years 2045 and 2088 (never
 * known).
 */
@QuarkusTest
class FiguresTest {

    static final int YEAR = 2045;
    private static final String PATH = "/api/v1/reports/" + YEAR;
    private static boolean known;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeEach
    void agreementKnown() {
        if (!known) {
            Api.agreement(kafka, YEAR, LocalDate.parse("2046-03-31"), List.of("EFTERVARD", "KOMPETENSFORSORJNING"));
            known = true;
        }
    }

    @Test
    void submittedReportsShowTheirFiguresAndDraftsNothingButTheirStatus() {
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put("EFTERVARD", 250_000L);
        lines.put("KOMPETENSFORSORJNING", 750_000L);
        put("03", Api.report(lines, null));
        Api.reporter("03").post(PATH + "/03/submission").then().statusCode(200);
        Api.admin().body("{\"decision\": \"ACCEPT\"}").post(PATH + "/03/review").then().statusCode(200);

        put("04", Api.report(Map.of("EFTERVARD", 999L), null));

        put("05", Api.report(Map.of("EFTERVARD", 123L), null));
        Api.reporter("05").post(PATH + "/05/submission").then().statusCode(200);
        Api.admin().body("{\"decision\": \"RETURN\", \"comment\": \"Komplettera\"}").post(PATH + "/05/review")
                .then().statusCode(200);

        JsonPath figures = given().get(PATH + "/figures").then().statusCode(200).contentType("application/json")
                .body("year", equalTo(YEAR)).extract().jsonPath();
        assertEquals(21, figures.getList("regions").size());

        String uppsala = "regions.find { it.regionCode == '03' }.";
        assertEquals("ACCEPTED", figures.getString(uppsala + "status"));
        assertEquals("Uppsala", figures.getString(uppsala + "regionName"));
        assertEquals("FULLY_SPLIT", figures.getString(uppsala + "spendingSplitStatus"));
        assertEquals(List.of(250_000, 750_000), figures.getList(uppsala + "figures.spending.lines.amountSek"));
        assertEquals(1_000_000, figures.getInt(uppsala + "figures.spending.linesSek"));
        assertEquals(1, figures.getInt(uppsala + "figures.activities"));
        assertEquals(1,
                figures.getInt(uppsala + "figures.targetGroups.find { it.code == 'NEW_MOTHERS' }.activityCount"));
        assertEquals(true, figures.getBoolean(uppsala + "figures.workforcePlan.exists"));
        assertEquals(94.3f, figures.getFloat(uppsala + "figures.postpartumVisitSharePercent"));
        given().get(PATH + "/03/status").then().body("status", equalTo("ACCEPTED"))
                .body("reviewedAt", notNullValue());

        for (String hidden : List.of("04", "05")) {
            String row = "regions.find { it.regionCode == '" + hidden + "' }.";
            assertNull(figures.get(row + "figures"), hidden);
            assertNull(figures.get(row + "version"), hidden);
            assertNull(figures.get(row + "spendingSplitStatus"), hidden);
        }
        assertEquals("DRAFT", figures.getString("regions.find { it.regionCode == '04' }.status"));
        assertEquals("RETURNED", figures.getString("regions.find { it.regionCode == '05' }.status"));
        assertEquals("NOT_STARTED", figures.getString("regions.find { it.regionCode == '25' }.status"));
        String body = given().get(PATH + "/figures").then().extract().asString();
        assertFalse(body.contains("999"), "a draft's amounts never show");
        assertFalse(body.contains("Komplettera"), "the board's comment is not public");
    }

    @Test
    void badYearsAre400NamingTheFieldAndUnknownYears404() {
        for (String year : List.of("24", "20x4", "99999")) {
            given().get("/api/v1/reports/" + year + "/figures").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        }
        given().get("/api/v1/reports/2088/figures").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    private static void put(String region, Map<String, Object> report) {
        Api.reporter(region).body(Api.json(report)).put(PATH + "/" + region).then().statusCode(201);
    }
}
