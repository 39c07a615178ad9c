package se.kvinnohalsa.reporting.agreement;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.events.Topics;
import se.kvinnohalsa.events.contract.AgreementChangedV1;
import se.kvinnohalsa.reporting.Api;
import se.kvinnohalsa.stack.KafkaProbe;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Only allocation-service may speak on allocation-events: a well-formed agreement.changed from another source is
 * dead-lettered with the reason and changes nothing; the owner's event after it is applied. Owns the year 2037.
 */
@QuarkusTest
class EventSourceTest {

    private static final int YEAR = 2037;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anEventFromAnotherSourceGoesToTheDeadLetterTopicAndChangesNothing() {
        AgreementChangedV1 event = new AgreementChangedV1(YEAR, "Överenskommelse " + YEAR, 1_000_000L,
                LocalDate.parse("2038-03-31"), List.of(new AgreementChangedV1.Pool("POPULATION", 1_000_000L)),
                List.of(new AgreementChangedV1.FocusArea("EFTERVARD", "Eftervård")), List.of());
        String forged = UUID.randomUUID().toString();
        new KafkaProbe(kafka).send(Topics.ALLOCATION_EVENTS, event.key(), EventJson.write(event),
                KafkaProbe.cloudEventHeaders(forged, event.type(), "/gateway"));

        List<ConsumerRecord<String, String>> dead = new KafkaProbe(kafka).read(
                Topics.deadLetter(Topics.ALLOCATION_EVENTS), r -> forged.equals(KafkaProbe.header(r, "ce_id")),
                found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, dead.size(), "the forged event is on the dead-letter topic");
        assertEquals("source /gateway may not publish to allocation-events: only /allocation-service does",
                KafkaProbe.header(dead.get(0), "dead-letter-reason"));
        given().get("/api/v1/reports/" + YEAR + "/01/status").then().statusCode(404);

        // The same event from its owner (another id): the consumer moved on and applies it.
        new KafkaProbe(kafka).send(Topics.ALLOCATION_EVENTS, event.key(), EventJson.write(event),
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), event.type()));
        Api.awaitStatus("/api/v1/reports/" + YEAR + "/01/status", 200);
    }
}
