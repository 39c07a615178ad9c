package se.kvinnohalsa.indicators.read;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.kvinnohalsa.events.EventSchemaAssertions;
import se.kvinnohalsa.indicators.Api;
import se.kvinnohalsa.stack.KafkaProbe;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** shared/data/postpartum-visit-2023-24.csv as a registry loads it, and the national summary it must give. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Postpartum2023Test {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    static void load() {
        Api.registry().contentType("text/csv").body(Api.postpartumCsv())
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().statusCode(200);
    }

    @Test
    @Order(1)
    void theRegistryLoadsBothPeriodsAsCsv() {
        String csv = Api.postpartumCsv();
        Api.registry().contentType("text/csv").body(csv).queryParam("dryRun", true)
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().statusCode(200)
                .body("received", equalTo(44)).body("dryRun", equalTo(true));
        String batchId = Api.registry().contentType("text/csv").body(csv)
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().log().ifValidationFails()
                .statusCode(200)
                .body("received", equalTo(44)).body("created", equalTo(44)).body("updated", equalTo(0))
                .body("unchanged", equalTo(0)).body("rejected", equalTo(0)).body("errors", hasSize(0))
                .extract().path("batchId");

        List<ConsumerRecord<String, String>> events = new KafkaProbe(kafka).read("indicator-events",
                r -> "EFTERVARDSBESOK".equals(r.key()) && r.value().contains(batchId), found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, events.size(), "one event for the import");
        assertEquals("se.kvinnohalsa.indicator.observations-changed.v1", KafkaProbe.header(events.get(0), "ce_type"));
        EventSchemaAssertions.assertMatchesSchema("se.kvinnohalsa.indicator.observations-changed.v1",
                events.get(0).value());
        assertTrue(
                events.get(0).value().contains("\"" + Api.CURRENT + "\"") && events.get(0).value().contains("\"SE\""));
    }

    @Test
    @Order(2)
    void theSummarySaysNinetyPointOneReportedAgainstEightySevenPointSeven() {
        given().get("/api/v1/indicators/EFTERVARDSBESOK/summary?period=" + Api.CURRENT).then().log().ifValidationFails()
                .statusCode(200)
                .body("period", equalTo(Api.CURRENT))
                .body("previousPeriod", equalTo(Api.PREVIOUS))
                .body("national.value", equalTo(90.1f))
                .body("national.origin", equalTo("REPORTED"))
                .body("previousNational", equalTo(87.7f))
                .body("change", equalTo(2.4f))
                .body("target.operator", equalTo(">="))
                .body("target.value", equalTo(90))
                .body("regionsMeetingTarget.count", equalTo(16))
                .body("regionsMeetingTarget.of", equalTo(21))
                .body("regionsMeetingTarget.regionCodes", not(Matchers.hasItems("01", "04", "07", "14", "18")))
                .body("regionsMeetingTarget.regionCodes", Matchers.hasItems("05", "03", "06"))
                .body("regionsMeetingTarget.regionCodes", not(Matchers.hasItem("SE")))
                .body("lowest.regionCode", contains("14"))
                .body("lowest[0].value", equalTo(83.5f))
                .body("highest.regionCode", contains("03", "06"))
                .body("highest.value", contains(96.2f, 96.2f));
        // Without a period the latest one is meant.
        given().get("/api/v1/indicators/EFTERVARDSBESOK/summary").then().statusCode(200)
                .body("period", equalTo(Api.CURRENT));
        // The previous period itself has no earlier one.
        given().get("/api/v1/indicators/EFTERVARDSBESOK/summary?period=" + Api.PREVIOUS).then().statusCode(200)
                .body("national.value", equalTo(87.7f)).body("previousNational", nullValue())
                .body("regionsMeetingTarget.count", equalTo(16)).body("lowest.regionCode", contains("14"));
    }

    @Test
    @Order(3)
    void valuesPerRegionWithChangeAndClinicRange() {
        given().get("/api/v1/indicators/EFTERVARDSBESOK/values?period=" + Api.CURRENT).then().statusCode(200)
                .body("size()", equalTo(21))
                .body("find { it.regionCode == '01' }.value", equalTo(86.2f))
                .body("find { it.regionCode == '01' }.previousValue", equalTo(81.9f))
                .body("find { it.regionCode == '01' }.change", equalTo(4.3f))
                .body("find { it.regionCode == '01' }.clinicMin", equalTo(52))
                .body("find { it.regionCode == '01' }.clinicMax", equalTo(100))
                .body("find { it.regionCode == '01' }.meetsTarget", equalTo(false))
                .body("find { it.regionCode == '09' }.clinicMin", nullValue())
                .body("find { it.regionCode == '18' }.change", equalTo(-1.3f))
                .body("find { it.regionCode == '05' }.meetsTarget", equalTo(true))
                .body("find { it.regionCode == '14' }.regionName", equalTo("Västra Götaland"))
                .body("regionCode", not(Matchers.hasItem("SE")));
        given().get("/api/v1/indicators/EFTERVARDSBESOK/series?regionCode=14").then().statusCode(200)
                .body("period", contains(Api.PREVIOUS, Api.CURRENT)).body("value", contains(81.5f, 83.5f));
        given().get("/api/v1/indicators/latest?regionCode=14").then().statusCode(200)
                .body("find { it.code == 'EFTERVARDSBESOK' }.value", equalTo(83.5f))
                .body("find { it.code == 'EFTERVARDSBESOK' }.period", equalTo(Api.CURRENT))
                .body("find { it.code == 'EFTERVARDSBESOK' }.meetsTarget", equalTo(false))
                .body("find { it.code == 'EFTERVARDSBESOK' }.target.value", equalTo(90));
        given().get("/api/v1/indicators/latest?regionCode=99").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Order(4)
    void sendingTheSameBatchAgainChangesNothingAndPublishesNothing() {
        String batchId = Api.registry().contentType("text/csv").body(Api.postpartumCsv())
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(44))
                .extract().path("batchId");
        List<ConsumerRecord<String, String>> events = new KafkaProbe(kafka).read("indicator-events",
                r -> r.value().contains(batchId), found -> !found.isEmpty(), Duration.ofSeconds(5));
        assertEquals(0, events.size(), "no event for an import that changed nothing");
    }

    @Test
    @Order(5)
    void etagsLetDashboardsPollCheaply() {
        String etag = given().get("/api/v1/indicators/EFTERVARDSBESOK/summary?period=" + Api.CURRENT).then()
                .statusCode(200).header("ETag", notNullValue())
                .header("Cache-Control", Matchers.containsString("max-age"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/indicators/EFTERVARDSBESOK/summary?period=" + Api.CURRENT)
                .then().statusCode(304).header("ETag", equalTo(etag));
        given().header("If-None-Match", "\"stale\"")
                .get("/api/v1/indicators/EFTERVARDSBESOK/summary?period=" + Api.CURRENT)
                .then().statusCode(200);
        // If-None-Match compares weakly (RFC 9110 13.1.2), through the same parser as reporting's If-Match.
        given().header("If-None-Match", "\"stale\", W/" + etag)
                .get("/api/v1/indicators/EFTERVARDSBESOK/summary?period=" + Api.CURRENT).then().statusCode(304);
        given().header("If-None-Match", "*").get("/api/v1/indicators/EFTERVARDSBESOK/summary?period=" + Api.CURRENT)
                .then().statusCode(304);
        given().header("If-None-Match", "stale").get("/api/v1/indicators/EFTERVARDSBESOK/summary?period=" + Api.CURRENT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-None-Match"));
        given().get("/api/v1/indicators/EFTERVARDSBESOK/summary?period=" + Api.PREVIOUS).then()
                .header("ETag", not(equalTo(etag)));
    }

    @Test
    @Order(6)
    void theCatalogHasTheSevenIndicatorsOfTheDomain() {
        given().get("/api/v1/indicators").then().statusCode(200)
                .body("code", Matchers.hasItems("EFTERVARDSBESOK", "TIDIG_UPPFOLJNING", "VET_VART_SOKA_PSYKISKT",
                        "VET_VART_SOKA_FYSISKT", "VALDSSCREENING", "HPV_VACCINATION_1994_1999", "CELLPROVSTAGNING",
                        "TOLK_VID_FORLOSSNING"));
        given().get("/api/v1/indicators/EFTERVARDSBESOK").then().statusCode(200)
                .body("periodType", equalTo("REPORTING_YEAR")).body("unit", equalTo("PERCENT"))
                .body("target.operator", equalTo(">=")).body("target.value", equalTo(90))
                .body("groups", containsInAnyOrder("ALL", "BORN_SWEDEN", "BORN_ABROAD", "EDU_HIGHER", "EDU_PRIMARY",
                        "FIRST_BIRTH", "LATER_BIRTH"));
        given().get("/api/v1/indicators/HPV_VACCINATION_1994_1999").then().body("periodType", equalTo("SNAPSHOT"))
                .body("target.value", equalTo(70));
        given().get("/api/v1/indicators/NOPE").then().statusCode(404).contentType("application/problem+json");
    }
}
