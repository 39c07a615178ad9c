package se.kvinnohalsa.allocation.condition;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.allocation.Api;
import se.kvinnohalsa.events.EventCatalog;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.stack.KafkaProbe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workforce plan condition, learned from report.reviewed events through the real broker. */
@QuarkusTest
class ReportReviewConsumerTest {

    private static final int YEAR = 2027;
    private static final String TYPE = EventCatalog.typeOf(ReportReviewedV1.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeEach
    void agreement() {
        if (given().get("/api/v1/agreements/" + YEAR).statusCode() == 404) {
            Api.admin().body(Api.agreement(YEAR, 100, 60, 40, "2028-03-31")).post("/api/v1/agreements").then()
                    .statusCode(201);
        }
    }

    private void send(String id, ReportReviewedV1 event) {
        new KafkaProbe(kafka).send("report-events", event.key(), EventJson.write(event),
                KafkaProbe.cloudEventHeaders(id, TYPE));
    }

    private static ReportReviewedV1 review(String region, String status, Instant at, boolean plan) {
        return new ReportReviewedV1(YEAR, region, "ACCEPTED".equals(status) ? "ACCEPT" : "RETURN", status, null, at,
                "admin-local", plan);
    }

    private static String awaitStatus(String region, String expected) throws InterruptedException {
        String status = null;
        for (int i = 0; i < 150 && !expected.equals(status); i++) {
            status = given().get("/api/v1/agreements/" + YEAR + "/regions/" + region + "/conditions")
                    .then().statusCode(200).extract().path("workforcePlan.status");
            Thread.sleep(200);
        }
        return status;
    }

    @Test
    void anAcceptedReportWithAWorkforcePlanMeetsTheCondition() throws Exception {
        given().get("/api/v1/agreements/" + YEAR + "/regions/05/conditions").then().statusCode(200)
                .body("workforcePlan.status", equalTo("NOT_MET"))
                .body("workforcePlan.reportStatus", equalTo("NOT_REVIEWED"))
                .body("agreementConditions.size()", equalTo(1));
        send(UUID.randomUUID().toString(), review("05", "ACCEPTED", Instant.parse("2028-04-10T10:00:00Z"), true));
        assertEquals("MET", awaitStatus("05", "MET"));
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() throws Exception {
        String id = UUID.randomUUID().toString();
        send(id, review("06", "ACCEPTED", Instant.parse("2028-04-10T10:00:00Z"), true));
        assertEquals("MET", awaitStatus("06", "MET"));
        // A redelivery of the same CloudEvent (same id) carrying other data would change the state if it were applied.
        send(id, review("06", "RETURNED", Instant.parse("2028-04-11T10:00:00Z"), false));
        // A later, different event on the same key proves the consumer got past the duplicate.
        send(UUID.randomUUID().toString(), review("07", "ACCEPTED", Instant.parse("2028-04-12T10:00:00Z"), true));
        assertEquals("MET", awaitStatus("07", "MET"));
        given().get("/api/v1/agreements/" + YEAR + "/regions/06/conditions").then()
                .body("workforcePlan.status", equalTo("MET")).body("workforcePlan.reportStatus", equalTo("ACCEPTED"));
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheNextIsApplied() throws Exception {
        String poison = UUID.randomUUID().toString();
        new KafkaProbe(kafka).send("report-events", "08", "{\"year\": \"not a year\"",
                KafkaProbe.cloudEventHeaders(poison, TYPE));
        new KafkaProbe(kafka).send("report-events", "08", "{}",
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(),
                        "se.kvinnohalsa.report.reviewed.v99"));
        send(UUID.randomUUID().toString(), review("08", "ACCEPTED", Instant.parse("2028-04-10T10:00:00Z"), true));
        assertEquals("MET", awaitStatus("08", "MET"));

        List<ConsumerRecord<String, String>> dead = new KafkaProbe(kafka).read("report-events.dlq",
                r -> poison.equals(KafkaProbe.header(r, "ce_id")), found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, dead.size(), "the malformed event is on the dead-letter topic");
        String reason = KafkaProbe.header(dead.get(0), "dead-letter-reason");
        assertTrue(reason != null && reason.contains("unreadable ReportReviewedV1"), String.valueOf(reason));
    }
}
