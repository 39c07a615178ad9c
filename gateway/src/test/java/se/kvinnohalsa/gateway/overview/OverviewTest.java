package se.kvinnohalsa.gateway.overview;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The overview through the gateway against stub services that answer as the contract says (ContractFixtures):
 * reporting-service is down, and the indicators of region 01 come too late.
 */
@QuarkusTest
class OverviewTest {

    @Test
    void aRegionAtAGlanceWithTheDownServiceMarkedUnavailable() {
        given().get("/api/v1/overview/regions/23?year=2025").then().statusCode(200)
                .header("X-Request-Id", Matchers.notNullValue())
                .body("regionCode", equalTo("23")).body("name", equalTo("Jämtland Härjedalen"))
                .body("year", equalTo(2025))
                .body("allocation.available", equalTo(true)).body("allocation.status", equalTo("PUBLISHED"))
                .body("allocation.version", equalTo(2)).body("allocation.totalSek", equalTo(24846478))
                .body("allocation.pools", hasSize(2))
                .body("decision.available", equalTo(true)).body("decision.recorded", equalTo(true))
                .body("decision.reference", equalTo("RS/25/2025")).body("decision.lines", hasSize(2))
                .body("conditions.available", equalTo(true)).body("conditions.workforcePlan.status", equalTo("MET"))
                .body("report.available", equalTo(false))
                .body("report.reason", equalTo("The reporting service cannot be reached"))
                .body("indicators.available", equalTo(true))
                .body("indicators.values[0].code", equalTo("EFTERVARDSBESOK"))
                .body("indicators.values[0].meetsTarget", equalTo(true));
    }

    @Test
    void aSlowServiceIsMarkedUnavailableAndTheRestStillAnswers() {
        given().get("/api/v1/overview/regions/01?year=2025").then().statusCode(200)
                .body("name", equalTo("Stockholm"))
                .body("allocation.totalSek", equalTo(330000000))
                .body("decision.available", equalTo(true)).body("decision.recorded", equalTo(false))
                .body("indicators.available", equalTo(false))
                .body("indicators.reason", equalTo("The indicators service did not answer in time"));
    }

    @Test
    void withoutAYearTheLatestAgreementYear() {
        given().get("/api/v1/overview/regions/23").then().statusCode(200).body("year", equalTo(2025));
    }

    @Test
    void aYearWithoutAnAgreement() {
        given().get("/api/v1/overview/regions/23?year=2024").then().statusCode(200)
                .body("allocation.available", equalTo(true)).body("allocation.status", equalTo("NO_AGREEMENT"))
                .body("allocation.totalSek", nullValue());
    }

    @Test
    void unknownRegionsAre404AndAMalformedYear400() {
        given().get("/api/v1/overview/regions/99?year=2025").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get("/api/v1/overview/regions/abc").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/overview/regions/23?year=20x5").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
    }
}
