package se.kvinnohalsa.reporting.agreement;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.EventCatalog;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.events.EventSchemaAssertions;
import se.kvinnohalsa.events.contract.AllocationPublishedV1;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;
import se.kvinnohalsa.reporting.Api;
import se.kvinnohalsa.stack.KafkaProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Allocation events in through the real broker, report events out through the outbox. Owns the years 2033 and 2036. */
@QuarkusTest
class AllocationEventsTest {

    private static final String PUBLISHED = EventCatalog.typeOf(AllocationPublishedV1.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static Object spentVsAllocated(int year, String region, String field) {
        return given().get("/api/v1/reports/" + year + "/summary").then().statusCode(200).extract()
                .path("spendingVsAllocation.find { it.regionCode == '" + region + "' }." + field);
    }

    @Test
    void allocationEventInReportSubmittedAndReviewedEventsOut() {
        int year = 2033;
        given().get("/api/v1/reports/" + year + "/23/status").then().statusCode(404);
        Api.agreement(kafka, year, LocalDate.parse("2034-03-31"), List.of("EFTERVARD", "LANDSBYGD"));
        Api.allocations(kafka, year, 1, Map.of("23", 1_000L, "24", 2_000L));

        Api.reporter("23").body(Api.json(Api.report(Map.of("EFTERVARD", 700L, "LANDSBYGD", 500L), null)))
                .put("/api/v1/reports/" + year + "/23").then().statusCode(201);
        Api.reporter("23").header("X-Request-Id", "req-submit-23").post("/api/v1/reports/" + year + "/23/submission")
                .then().statusCode(200);
        Api.awaitStatus("/api/v1/reports/" + year + "/summary", 200);
        // The allocation learned from the event: 1,200 spent of 1,000 allocated is co-funded.
        long deadline = System.currentTimeMillis() + 30_000;
        while (spentVsAllocated(year, "23", "allocatedSek") == null && System.currentTimeMillis() < deadline) {
            Api.sleep(100);
        }
        assertEquals(1000, spentVsAllocated(year, "23", "allocatedSek"));
        assertEquals("OVER", spentVsAllocated(year, "23", "outcome"));
        assertEquals(200, spentVsAllocated(year, "23", "differenceSek"));
        assertEquals(Integer.valueOf(1000),
                given().get("/api/v1/reports/" + year + "/23/status").then().extract().path("allocatedSek"));
        assertEquals(Integer.valueOf(2000),
                given().get("/api/v1/reports/" + year + "/24/status").then().extract().path("allocatedSek"));

        List<ConsumerRecord<String, String>> submitted = new KafkaProbe(kafka).read("report-events",
                r -> EventCatalog.typeOf(ReportSubmittedV1.class).equals(KafkaProbe.header(r, "ce_type"))
                        && (year + "/23").equals(KafkaProbe.header(r, "ce_subject")),
                found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, submitted.size());
        ConsumerRecord<String, String> record = submitted.get(0);
        assertEquals("23", record.key());
        assertEquals("req-submit-23", KafkaProbe.header(record, "request-id"));
        assertEquals("/reporting-service", KafkaProbe.header(record, "ce_source"));
        EventSchemaAssertions.assertMatchesSchema(EventCatalog.typeOf(ReportSubmittedV1.class), record.value());
        ReportSubmittedV1 event = readEvent(record.value(), ReportSubmittedV1.class);
        assertEquals(1_200L, event.totalSpentSek());
        assertTrue(event.spendingSplit());
        assertTrue(event.hasWorkforcePlan());
        assertEquals(0, event.postpartumVisitSharePercent().compareTo(new BigDecimal("94.3")));

        Api.admin().body("{\"decision\": \"ACCEPT\"}").post("/api/v1/reports/" + year + "/23/review").then()
                .statusCode(200);
        List<ConsumerRecord<String, String>> reviewed = new KafkaProbe(kafka).read("report-events",
                r -> EventCatalog.typeOf(ReportReviewedV1.class).equals(KafkaProbe.header(r, "ce_type"))
                        && (year + "/23").equals(KafkaProbe.header(r, "ce_subject")),
                found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, reviewed.size());
        EventSchemaAssertions.assertMatchesSchema(EventCatalog.typeOf(ReportReviewedV1.class), reviewed.get(0).value());
        ReportReviewedV1 review = readEvent(reviewed.get(0).value(), ReportReviewedV1.class);
        assertEquals("ACCEPTED", review.status());
        assertEquals("admin-local", review.reviewedBy());
    }

    @Test
    void duplicatesAndOlderVersionsChangeNothingAndAMalformedEventIsDeadLettered() {
        int year = 2036;
        Api.agreement(kafka, year, LocalDate.parse("2037-03-31"), List.of("EFTERVARD"));
        Api.reporter("24").body(Api.json(Api.report(Map.of("EFTERVARD", 1_500L), null)))
                .put("/api/v1/reports/" + year + "/24")
                .then().statusCode(201);
        Api.reporter("24").post("/api/v1/reports/" + year + "/24/submission").then().statusCode(200);

        String v2 = UUID.randomUUID().toString();
        AllocationPublishedV1 second = Api.allocationEvent(year, 2, Map.of("24", 2_000L));
        Api.send(kafka, second.key(), EventJson.write(second), v2, PUBLISHED);
        awaitAllocated(year, 2000);
        // The same event again (same id) with other data, and an older version arriving late: neither changes anything.
        AllocationPublishedV1 tampered = Api.allocationEvent(year, 3, Map.of("24", 9_999L));
        Api.send(kafka, second.key(), EventJson.write(tampered), v2, PUBLISHED);
        Api.allocations(kafka, year, 1, Map.of("24", 1_000L));
        // A malformed event and one of an unknown version go to the dead-letter topic; the consumer moves on.
        String poison = UUID.randomUUID().toString();
        Api.send(kafka, Integer.toString(year), "{\"year\": \"not a year\"", poison, PUBLISHED);
        Api.send(kafka, Integer.toString(year), "{}", UUID.randomUUID().toString(),
                "se.kvinnohalsa.allocation.published.v99");
        // A later, newer version proves the consumer got past all of them in order.
        Api.allocations(kafka, year, 4, Map.of("24", 1_600L, "25", 10L));
        awaitAllocated(year, 1600);
        assertEquals("UNDER", spentVsAllocated(year, "24", "outcome"), "1,500 spent of 1,600 allocated");

        List<ConsumerRecord<String, String>> dead = new KafkaProbe(kafka).read("allocation-events.dlq",
                r -> poison.equals(KafkaProbe.header(r, "ce_id")), found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, dead.size(), "the malformed event is on the dead-letter topic");
        String reason = KafkaProbe.header(dead.get(0), "dead-letter-reason");
        assertNotNull(reason);
        assertTrue(reason.contains("unreadable AllocationPublishedV1"), reason);
    }

    private static void awaitAllocated(int year, int expected) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Integer.valueOf(expected).equals(spentVsAllocated(year, "24", "allocatedSek"))
                && System.currentTimeMillis() < deadline) {
            Api.sleep(100);
        }
        assertEquals(expected, spentVsAllocated(year, "24", "allocatedSek"));
    }

    private static <T> T readEvent(String json, Class<T> type) {
        try {
            return EventJson.read(json, type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
