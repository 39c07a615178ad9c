package se.kvinnohalsa.reporting.agreement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.EventCatalog;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.events.contract.AllocationPublishedV1;
import se.kvinnohalsa.reporting.Api;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.KafkaProbe;
import se.kvinnohalsa.stack.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, item 5: an admin lists what this service's consumer left on a dead-letter topic and, once the cause is
 * fixed, sends it back through the consumer. A real dead letter: an allocation event that the database refused (a
 * defect simulated by a trigger), not a transient failure, so it went to allocation-events.dlq. Owns the year 2350.
 */
@QuarkusTest
class DeadLetterRedriveTest {

    private static final int YEAR = 2350;
    private static final String DLQ = "/admin/dead-letters/allocation-events.dlq";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aDeadLetterIsListedAndAppliedOnceSentBackAfterTheCauseIsFixed() throws Exception {
        Api.agreement(kafka, YEAR, LocalDate.parse("2351-03-31"), List.of("EFTERVARD"));
        String id = UUID.randomUUID().toString();
        AllocationPublishedV1 event = Api.allocationEvent(YEAR, 1, Map.of("23", 4_321L));
        try {
            sql("""
                    CREATE FUNCTION refuse_2350() RETURNS trigger AS $$ BEGIN
                      IF NEW.year = 2350 THEN RAISE EXCEPTION 'simulated defect: allocations of 2350 refused'; END IF;
                      RETURN NEW; END $$ LANGUAGE plpgsql""");
            sql("CREATE TRIGGER refuse_2350 BEFORE INSERT ON region_allocation FOR EACH ROW EXECUTE FUNCTION refuse_2350()");
            Api.send(kafka, event.key(), EventJson.write(event), id, EventCatalog.typeOf(AllocationPublishedV1.class));
            JsonPath listing = awaitListed(id);
            String record = "records.find { it.eventId == '" + id + "' }";
            assertEquals("reporting-service", listing.getString(record + ".consumer"));
            assertEquals("allocation-events", listing.getString(record + ".originalTopic"));
            assertEquals("se.kvinnohalsa.allocation.published.v1", listing.getString(record + ".type"));
            assertTrue(listing.getString(record + ".reason").contains("simulated defect"),
                    listing.getString(record + ".reason"));
            assertFalse(listing.getBoolean(record + ".applied"));
            assertTrue(listing.getInt("pending") >= 1);
        } finally {
            sql("DROP TRIGGER IF EXISTS refuse_2350 ON region_allocation");
            sql("DROP FUNCTION IF EXISTS refuse_2350()");
        }
        given().get("/api/v1/reports/" + YEAR + "/23/status").then().statusCode(200)
                .body("allocatedSek", org.hamcrest.Matchers.nullValue());

        // The cause is fixed: send it back.
        Api.admin().body("{\"eventIds\": [\"" + id + "\", \"no-such-event\"]}").post(DLQ + "/redrive").then()
                .statusCode(200).body("redriven", equalTo(List.of(id)))
                .body("notFound", equalTo(List.of("no-such-event")));
        long deadline = System.currentTimeMillis() + 30_000;
        while (given().get("/api/v1/reports/" + YEAR + "/23/status").jsonPath().get("allocatedSek") == null
                && System.currentTimeMillis() < deadline) {
            Api.sleep(200);
        }
        given().get("/api/v1/reports/" + YEAR + "/23/status").then().body("allocatedSek", equalTo(4_321));
        Api.admin().get(DLQ).then().statusCode(200)
                .body("records.find { it.eventId == '" + id + "' }.applied", equalTo(true));
        Api.admin().get(DLQ + "?pending=true").then().statusCode(200)
                .body("records.findAll { it.eventId == '" + id + "' }.size()", equalTo(0));
        // Sent back once, for this consumer only, with its CloudEvent id.
        List<ConsumerRecord<String, String>> redriven = new KafkaProbe(kafka).read("allocation-events",
                r -> id.equals(KafkaProbe.header(r, "ce_id")) && KafkaProbe.header(r, "redriven-for") != null,
                found -> !found.isEmpty(), Duration.ofSeconds(10));
        assertEquals(1, redriven.size());
        assertEquals("reporting-service", KafkaProbe.header(redriven.get(0), "redriven-for"));
        assertTrue(KafkaProbe.header(redriven.get(0), "redriven-from").startsWith("allocation-events.dlq:"));
        // A second redrive leaves it alone.
        Api.admin().body("{\"eventIds\": [\"" + id + "\"]}").post(DLQ + "/redrive").then().statusCode(200)
                .body("alreadyApplied", equalTo(List.of(id))).body("redriven", equalTo(List.of()));
        // Without a body: every pending one of this consumer (none of this test's left).
        Api.admin().post(DLQ + "/redrive").then().statusCode(200)
                .body("redriven.findAll { it == '" + id + "' }.size()", equalTo(0));
    }

    @Test
    void onlyAdminsAndOnlyThisServicesDeadLetterTopics() {
        Api.admin().get("/admin/dead-letters").then().statusCode(200)
                .body("find { it.channel == 'allocation-events-in' }.deadLetterTopic",
                        equalTo("allocation-events.dlq"));
        Api.reporter("23").get(DLQ).then().statusCode(403).contentType("application/problem+json");
        Api.as("analyst", null).body("{}").post(DLQ + "/redrive").then().statusCode(403);
        given().get(DLQ).then().statusCode(401);
        Api.admin().get("/admin/dead-letters/report-events.dlq").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static JsonPath awaitListed(String id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath listing = JsonPath.from(Api.admin().get(DLQ + "?pending=true").then().statusCode(200).extract()
                    .asString());
            if (listing.getList("records.eventId").contains(id)) {
                return listing;
            }
            Api.sleep(300);
        }
        throw new AssertionError("event " + id + " not on the dead-letter topic within 60 s");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(Infrastructure.shared().postgres().jdbcUrl("reporting"),
                PostgresServer.USER, PostgresServer.PASSWORD); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
