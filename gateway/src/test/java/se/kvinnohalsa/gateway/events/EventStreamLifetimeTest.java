package se.kvinnohalsa.gateway.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;
import se.kvinnohalsa.stack.Infrastructure;

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

    @Inject
    MeterRegistry metrics;

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

    @Test
    void aStreamThatEndsWhileItsClientReadsNothingIsClosedAfterTheGrace() throws Exception {
        String run = "unread-" + UUID.randomUUID();
        // 160 KB per event in the full view: the buffer's 32 of them are more than the kernel's socket buffers hold.
        String comment = "x".repeat(160 * 1024);
        String from;
        try (SseClient reader = SseClient.open(events, Map.of())) {
            from = reader.nextEvent(m -> "ready".equals(m.event()), WAIT).id();
        }
        try (TestEvents kafkaEvents = new TestEvents(kafka)) {
            for (int i = 0; i < 32; i++) {
                kafkaEvents.sendAsync(new ReportReviewedV1(2025, "23", "RETURN", "RETURNED", comment, Instant.now(),
                        "granskare", true), run + "-" + i, Instant.now()).get();
            }
        }
        Map<String, String> admin = Map.of("Authorization", "Bearer "
                + Infrastructure.shared().tokens().issue("unread-admin", "admin", null, Duration.ofMinutes(10)));
        double before = activeConnections();
        // Resumes from the buffer and never reads: the replay waits for room, and the stream's end (after its 3 s
        // lifetime) waits behind it. Neither the slow-client cut (live streams only) nor an idle timeout closes it.
        try (SseClient unread = SseClient.open(events, Map.of("Last-Event-ID", from, "Authorization",
                admin.get("Authorization")), null, 4096, false)) {
            assertEquals(200, unread.status());
            assertEquals(before + 1, activeConnections(), "its connection is open");
            Awaitility.await().atMost(WAIT).until(() -> activeConnections() <= before);
        }
    }

    /** Open HTTP connections of the gateway (Vert.x' metrics). */
    private double activeConnections() {
        Gauge gauge = metrics.find("http.server.active.connections").gauge();
        assertNotNull(gauge, "the gateway's HTTP server reports its open connections");
        return gauge.value();
    }

    private static ReportSubmittedV1 submitted() {
        return new ReportSubmittedV1(2025, "23", Instant.now(), false, 1L, true, null, true);
    }
}
