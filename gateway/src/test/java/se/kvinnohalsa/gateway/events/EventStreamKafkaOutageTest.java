package se.kvinnohalsa.gateway.events;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.KafkaBroker;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The real broker goes down: open streams stay open (heartbeats), new ones still open, and once Kafka is back the
 * gateway's reader goes on where it was, for old and new streams alike.
 */
@QuarkusTest
class EventStreamKafkaOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/api/v1/events")
    URI events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void streamsLiveThroughABrokerOutageAndGoOnAfterIt() throws Exception {
        String run = "outage-" + UUID.randomUUID();
        try (TestEvents kafkaEvents = new TestEvents(kafka); SseClient before = SseClient.open(events, Map.of())) {
            before.nextEvent(m -> "ready".equals(m.event()), WAIT);
            kafkaEvents.send(submitted(), run + "-before", Instant.now());
            before.nextEvent(m -> m.data().contains(run + "-before"), WAIT);
        }
        KafkaBroker broker = Infrastructure.shared().kafka();
        try (SseClient open = SseClient.open(events, Map.of())) {
            open.nextEvent(m -> "ready".equals(m.event()), WAIT);
            broker.stop();
            SseClient during;
            try {
                assertNotNull(open.next(m -> m.comment() != null && m.comment().startsWith("heartbeat"), WAIT),
                        "heartbeats go on without Kafka");
                assertFalse(open.hasEnded());
                during = SseClient.open(events, Map.of());
                assertEquals(200, during.status(), "a new stream opens without Kafka");
                during.nextEvent(m -> "ready".equals(m.event()), WAIT);
            } finally {
                broker.restart();
            }
            try (TestEvents kafkaEvents = new TestEvents(kafka); SseClient opened = during) {
                kafkaEvents.send(submitted(), run + "-after", Instant.now());
                assertNotNull(open.nextEvent(m -> m.data().contains(run + "-after"), WAIT));
                assertNotNull(opened.nextEvent(m -> m.data().contains(run + "-after"), WAIT));
            }
        }
    }

    private static ReportSubmittedV1 submitted() {
        return new ReportSubmittedV1(2025, "23", Instant.now(), false, 1L, true, null, true);
    }
}
