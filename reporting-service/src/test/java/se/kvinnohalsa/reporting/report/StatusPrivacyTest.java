package se.kvinnohalsa.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.reporting.Api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The public status of a report says how far it has come, never what the region is still writing: a draft and a
 * returned report show only that they exist and their status; the spending split appears with the submission.
 * Owns the year 2038.
 */
@QuarkusTest
class StatusPrivacyTest {

    private static final int YEAR = 2038;
    private static final String PATH = "/api/v1/reports/" + YEAR + "/23";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static ValidatableResponse status() {
        return given().get(PATH + "/status").then().statusCode(200);
    }

    @Test
    void aDraftsAndAReturnedReportsSpendingSplitIsNotPublic() {
        Api.agreement(kafka, YEAR, LocalDate.parse("2039-03-31"), List.of("EFTERVARD", "LANDSBYGD"));
        Api.reporter("23").body(Api.json(Api.report(Map.of("EFTERVARD", 700L, "LANDSBYGD", 300L), null))).put(PATH)
                .then().statusCode(201).body("spendingSplit", equalTo(true));
        Map<String, Object> draft = status().body("status", equalTo("DRAFT")).body("spendingSplit", nullValue())
                .body("spendingSplitStatus", nullValue()).body("submittedAt", nullValue()).extract().jsonPath()
                .getMap("");
        assertEquals(Set.of("year", "regionCode", "status", "submittedAt", "late", "spendingSplit",
                "spendingSplitStatus", "reviewedAt", "allocatedSek"), draft.keySet(), "no part of the content");

        Api.reporter("23").post(PATH + "/submission").then().statusCode(200);
        status().body("status", equalTo("SUBMITTED")).body("spendingSplit", equalTo(true))
                .body("spendingSplitStatus", equalTo("FULLY_SPLIT"));

        String etag = Api.admin().body("{\"decision\": \"RETURN\", \"comment\": \"Dela upp kostnaderna igen\"}")
                .post(PATH + "/review").then().statusCode(200).extract().header("ETag");
        // Returned: the region rewrites its spending; what it writes is not public until it submits again.
        Api.reporter("23").header("If-Match", etag)
                .body(Api.json(Api.report(Map.of(), "Kostnaderna ingår i klinikernas budgetar"))).put(PATH).then()
                .statusCode(200).body("spendingSplitStatus", equalTo("NOT_SPLIT"));
        status().body("status", equalTo("RETURNED")).body("spendingSplit", nullValue())
                .body("spendingSplitStatus", nullValue()).body("reviewedAt", notNullValue());

        Api.reporter("23").post(PATH + "/submission").then().statusCode(200);
        status().body("status", equalTo("SUBMITTED")).body("spendingSplit", equalTo(false))
                .body("spendingSplitStatus", equalTo("NOT_SPLIT"));
    }
}
