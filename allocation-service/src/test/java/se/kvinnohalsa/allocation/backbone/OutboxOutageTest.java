package se.kvinnohalsa.allocation.backbone;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.allocation.Api;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.KafkaBroker;
import se.kvinnohalsa.stack.KafkaProbe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transactional outbox with the real broker down: changes keep succeeding, and once Kafka is back every event
 * goes out exactly once (by CloudEvent id), in order per key.
 */
@QuarkusTest
class OutboxOutageTest {

    private static final int YEAR = 2028;
    private static final int CHANGES = 100;
    private static final String DECISION = "se.kvinnohalsa.allocation.decision-recorded.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Test
    void changesSucceedWhileKafkaIsDownAndEveryEventGoesOutOnceInOrder() throws Exception {
        Api.admin().body(Api.agreement(YEAR, 100, 60, 40, "2029-03-31")).post("/api/v1/agreements").then()
                .statusCode(201);
        Api.admin().body(
                "{\"amounts\": [{\"regionCode\": \"23\", \"amountSek\": 30}, {\"regionCode\": \"24\", \"amountSek\": 30}]}")
                .put("/api/v1/agreements/" + YEAR + "/pools/POPULATION/amounts").then().statusCode(200);
        Api.admin().body(
                "{\"amounts\": [{\"regionCode\": \"23\", \"amountSek\": 20}, {\"regionCode\": \"24\", \"amountSek\": 20}]}")
                .put("/api/v1/agreements/" + YEAR + "/pools/RURAL/amounts").then().statusCode(200);
        Api.admin().post("/api/v1/agreements/" + YEAR + "/allocations/publish").then().statusCode(201);

        KafkaBroker broker = Infrastructure.shared().kafka();
        broker.stop();
        List<String> references = new ArrayList<>();
        try {
            for (int i = 0; i < CHANGES; i++) {
                String region = i % 2 == 0 ? "23" : "24";
                String reference = "OUTAGE-" + i;
                references.add(reference);
                int status = Api.as("reporter", region).body("""
                        {"reference": "%s", "decidedOn": "2029-01-15", "decidedBy": "Regiondirektör",
                         "lines": [{"unit": "Område Kvinna", "amountSek": 50}]}""".formatted(reference))
                        .put("/api/v1/agreements/" + YEAR + "/regions/" + region + "/decision").statusCode();
                assertTrue(status == 200 || status == 201, "change " + i + " answered " + status);
            }
            assertEquals(CHANGES, outboxIds(true).size(), "all 100 events wait in the outbox");
        } finally {
            broker.restart();
        }

        List<ConsumerRecord<String, String>> received = new KafkaProbe(kafka).read("allocation-events",
                r -> DECISION.equals(KafkaProbe.header(r, "ce_type"))
                        && String.valueOf(KafkaProbe.header(r, "ce_subject")).startsWith(YEAR + "/"),
                found -> found.size() >= CHANGES, Duration.ofSeconds(120));
        // Give a duplicate, if any, the time to show up before counting.
        Thread.sleep(2000);
        received = new KafkaProbe(kafka).read("allocation-events",
                r -> DECISION.equals(KafkaProbe.header(r, "ce_type"))
                        && String.valueOf(KafkaProbe.header(r, "ce_subject")).startsWith(YEAR + "/"),
                found -> found.size() > CHANGES, Duration.ofSeconds(5));

        assertEquals(CHANGES, received.size(), "exactly 100 events delivered");
        List<String> ids = received.stream().map(r -> KafkaProbe.header(r, "ce_id")).toList();
        assertEquals(CHANGES, new HashSet<>(ids).size(), "each once");
        assertEquals(new HashSet<>(outboxIds(false)), new HashSet<>(ids), "the outbox's events, by id");
        assertEquals(0, outboxIds(true).size(), "all marked sent");

        Map<String, List<String>> byKey = received.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> JsonPath.from(r.value()).getString("reference"), Collectors.toList())));
        assertEquals(references.stream().filter(r -> Integer.parseInt(r.substring(7)) % 2 == 0).toList(),
                byKey.get("23"),
                "region 23's events in the order of its changes");
        assertEquals(references.stream().filter(r -> Integer.parseInt(r.substring(7)) % 2 == 1).toList(),
                byKey.get("24"));
    }

    @SuppressWarnings("unchecked")
    private List<String> outboxIds(boolean unsentOnly) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT CAST(id AS text) FROM outbox_event WHERE type = :type AND subject LIKE :subject"
                        + (unsentOnly ? " AND sent_at IS NULL" : "") + " ORDER BY seq")
                .setParameter("type", DECISION).setParameter("subject", YEAR + "/%").getResultList());
    }
}
