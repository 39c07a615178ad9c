package se.kvinnohalsa.reporting;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.contract.AgreementChangedV1;
import se.kvinnohalsa.stack.KafkaProbe;
import se.kvinnohalsa.support.outbox.Outbox;
import se.kvinnohalsa.support.outbox.OutboxEvent;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The service runs on its own real PostgreSQL database and the real Kafka broker. */
@QuarkusTest
class InfrastructureRoundTripTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void writesToItsDatabaseAndRoundTripsAnEventThroughKafka() {
        AgreementChangedV1 event = new AgreementChangedV1(2099, "Round trip", 10L, LocalDate.parse("2100-03-31"),
                List.of(), List.of(), List.of());
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.publish(event));

        List<ConsumerRecord<String, String>> received = new KafkaProbe(bootstrapServers).read(event.topic(),
                r -> id.toString().equals(KafkaProbe.header(r, "ce_id")), r -> !r.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, received.size(), "the event reached the broker");
        ConsumerRecord<String, String> record = received.get(0);
        assertEquals("2099", record.key());
        assertEquals("se.kvinnohalsa.agreement.changed.v1", KafkaProbe.header(record, "ce_type"));
        assertEquals("/reporting-service", KafkaProbe.header(record, "ce_source"));

        OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> entityManager.find(OutboxEvent.class, id));
        assertNotNull(row, "written to the service's database");
        long deadline = System.currentTimeMillis() + 10_000;
        while (row.sentAt == null && System.currentTimeMillis() < deadline) {
            row = QuarkusTransaction.requiringNew().call(() -> entityManager.find(OutboxEvent.class, id));
        }
        assertNotNull(row.sentAt, "marked sent after the broker acknowledged");
    }

    @Test
    void healthChecksTheDatabaseAndKafka() {
        given().port(managementPort()).when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
    }

    @Test
    void everyResponseEchoesTheCallersRequestId() {
        given().header("X-Request-Id", "req-test-1")
                .when().post("/admin/outbox/replay")
                .then().statusCode(401).header("X-Request-Id", "req-test-1");
    }

    /** Health, metrics and OpenAPI are on the management interface, not the API port. */
    private static int managementPort() {
        return URI.create(TestHTTPResourceManager.getManagementUri()).getPort();
    }
}
