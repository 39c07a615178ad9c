package se.kvinnohalsa.gateway.events;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream ends cleanly after its lifetime, telling the client when to come back; the client reconnects with
 * Last-Event-ID and gets what happened in between, nothing twice.
 */
@QuarkusTest
@TestProfile(EventStreamLifetimeTest.ShortLived.class)
class EventStreamLifetimeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    public static class ShortLived implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.events.max-lifetime", "PT3S", "gateway.events.lifetime-spread", "0",
                    "gateway.events.reconnect-after", "PT1S");
        }
    }

    @TestHTTPResource("/api/v1/events")
    URI events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void afterItsLifetimeAStreamEndsAndTheClientResumesWhereItWas() throws Exception {
        String run = "lifetime-" + UUID.randomUUID();
        String lastId = null;
        List<String> got = new ArrayList<>();
        long opened = System.nanoTime();
        try (TestEvents kafkaEvents = new TestEvents(kafka); SseClient stream = SseClient.open(events, Map.of())) {
            assertEquals("1000", stream.next(m -> m.retry() != null, WAIT).retry(), "retry comes first");
            kafkaEvents.send(submitted(), run + "-before", Instant.now());
            assertTrue(stream.awaitEnd(WAIT), "the stream ends after its lifetime");
            assertTrue(stream.endedCleanly(), "with the last chunk: the client reconnects");
            assertTrue(stream.connectionClosed(Duration.ofSeconds(5)),
                    "and the connection, which had no idle timeout while it streamed, is not kept alive");
            assertTrue(System.nanoTime() - opened >= Duration.ofSeconds(3).toNanos(), "not before its lifetime");
            for (SseClient.Message m = stream.poll(); m != null; m = stream.poll()) {
                if (m.id() != null) {
                    lastId = m.id(); // as a browser keeps it: the id of the last message with one
                }
                if (m.isEvent() && m.data().contains(run)) {
                    got.add(new JsonPath(m.data()).getString("id"));
                }
            }
            kafkaEvents.send(submitted(), run + "-between", Instant.now());
        }
        assertNotNull(lastId, "the ready message at least carried a position");
        try (SseClient resumed = SseClient.open(events, Map.of("Last-Event-ID", lastId))) {
            assertTrue(new JsonPath(resumed.nextEvent(m -> "ready".equals(m.event()), WAIT).data())
                    .getBoolean("resumed"));
            while (!got.contains(run + "-between")) {
                got.add(new JsonPath(resumed.nextEvent(m -> m.data().contains(run), WAIT).data()).getString("id"));
            }
        }
        assertEquals(List.of(run + "-before", run + "-between"), got,
                "each event once, in order, whether it came before the end or after the reconnect");
    }

    private static ReportSubmittedV1 submitted() {
        return new ReportSubmittedV1(2025, "23", Instant.now(), false, 1L, true, null, true);
    }
}
