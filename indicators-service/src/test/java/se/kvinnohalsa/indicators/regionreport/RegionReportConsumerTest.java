package se.kvinnohalsa.indicators.regionreport;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.EventCatalog;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;
import se.kvinnohalsa.indicators.Api;
import se.kvinnohalsa.stack.KafkaProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The postpartum share a region reports (report.submitted, through the real broker) is stored beside the
 * registry's value with origin REGION_REPORT; reads flag a difference over one percentage point.
 */
@QuarkusTest
class RegionReportConsumerTest {

    private static final String TYPE = EventCatalog.typeOf(ReportSubmittedV1.class);
    /** 2027's report covers 2026-08-01/2027-07-31: a period no other test uses. */
    private static final int YEAR = 2027;
    private static final String PERIOD = "2026-08-01/2027-07-31";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private void send(String id, String region, String share, Instant at) {
        ReportSubmittedV1 event = new ReportSubmittedV1(YEAR, region, at, false, 1000L, true,
                share == null ? null : new BigDecimal(share), true);
        new KafkaProbe(kafka).send("report-events", event.key(), EventJson.write(event),
                KafkaProbe.cloudEventHeaders(id, TYPE));
    }

    private static Object reported(String region) throws InterruptedException {
        Object value = null;
        for (int i = 0; i < 150 && value == null; i++) {
            value = given().get("/api/v1/indicators/EFTERVARDSBESOK/values?period=" + PERIOD).then().statusCode(200)
                    .extract().path("find { it.regionCode == '" + region + "' }.regionReported.value");
            if (value == null) {
                Thread.sleep(200);
            }
        }
        return value;
    }

    private static float reportedValue(String region) {
        Object value = given().get("/api/v1/indicators/EFTERVARDSBESOK/values?period=" + PERIOD).then()
                .extract().path("find { it.regionCode == '" + region + "' }.regionReported.value");
        return ((Number) value).floatValue();
    }

    @Test
    void theRegionsOwnShareStandsBesideTheRegistrysAndDifferencesAreFlagged() throws Exception {
        Api.registry().contentType("text/csv")
                .body("region_code,period,value\n12," + PERIOD + ",94.6\n13," + PERIOD + ",96.0\n")
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().statusCode(200);
        send(UUID.randomUUID().toString(), "12", "92.0", Instant.parse("2028-03-20T10:00:00Z"));
        send(UUID.randomUUID().toString(), "13", "96.5", Instant.parse("2028-03-21T10:00:00Z"));
        assertEquals(92.0f, ((Number) reported("12")).floatValue());
        assertEquals(96.5f, ((Number) reported("13")).floatValue());
        given().get("/api/v1/indicators/EFTERVARDSBESOK/values?period=" + PERIOD).then()
                .body("find { it.regionCode == '12' }.regionReported.difference", equalTo(-2.6f))
                .body("find { it.regionCode == '12' }.regionReported.differs", equalTo(true))
                .body("find { it.regionCode == '13' }.regionReported.differs", equalTo(false));
        Api.admin()
                .get("/api/v1/indicators/EFTERVARDSBESOK/history?origin=REGION_REPORT&regionCode=12&period=" + PERIOD)
                .then().statusCode(200).body("[0].loadedBy", equalTo("report.submitted 2027/12"));
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheNextIsApplied() throws Exception {
        String poison = UUID.randomUUID().toString();
        new KafkaProbe(kafka).send("report-events", "20", "{\"year\": \"not a year\"",
                KafkaProbe.cloudEventHeaders(poison, TYPE));
        Api.registry().contentType("text/csv").body("region_code,period,value\n20," + PERIOD + ",93.7\n")
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().statusCode(200);
        send(UUID.randomUUID().toString(), "20", "93.0", Instant.parse("2028-03-20T10:00:00Z"));
        assertEquals(93.0f, ((Number) reported("20")).floatValue());
        List<ConsumerRecord<String, String>> dead = new KafkaProbe(kafka)
                .read("report-events.dlq", r -> poison.equals(KafkaProbe.header(r, "ce_id")), found -> !found.isEmpty(),
                        Duration.ofSeconds(30));
        assertEquals(1, dead.size(), "the malformed event is on the dead-letter topic");
        String reason = KafkaProbe.header(dead.get(0), "dead-letter-reason");
        Assertions.assertTrue(reason != null && reason.contains("unreadable ReportSubmittedV1"), reason);
    }

    @Test
    void aRedeliveredEventHasOneEffectAndAResubmissionReplacesTheValue() throws Exception {
        Api.registry().contentType("text/csv").body("region_code,period,value\n17," + PERIOD + ",94.9\n")
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().statusCode(200);
        String id = UUID.randomUUID().toString();
        send(id, "17", "94.0", Instant.parse("2028-03-20T10:00:00Z"));
        assertEquals(94.0f, ((Number) reported("17")).floatValue());
        // The same CloudEvent again (same id) with other data would change the value if it were applied.
        send(id, "17", "50.0", Instant.parse("2028-03-22T10:00:00Z"));
        // A resubmission (new id, later) replaces it; an older submission arriving late changes nothing.
        send(UUID.randomUUID().toString(), "17", "94.5", Instant.parse("2028-03-25T10:00:00Z"));
        send(UUID.randomUUID().toString(), "17", "80.0", Instant.parse("2028-03-19T10:00:00Z"));
        send(UUID.randomUUID().toString(), "19", "93.0", Instant.parse("2028-03-26T10:00:00Z"));
        Api.registry().contentType("text/csv").body("region_code,period,value\n19," + PERIOD + ",93.7\n")
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().statusCode(200);
        reported("19"); // every event before it on the topic has been applied
        assertEquals(94.5f, reportedValue("17"));
        Api.admin()
                .get("/api/v1/indicators/EFTERVARDSBESOK/history?origin=REGION_REPORT&regionCode=17&period=" + PERIOD)
                .then().statusCode(200).body("size()", equalTo(2)).body("[1].value", equalTo(94.0f));
    }
}
