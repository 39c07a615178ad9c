package se.kvinnohalsa.gateway.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.stack.Infrastructure;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One client cannot take the live feed from everyone: streams are capped per token subject and per address (429,
 * while others still get theirs), and a client that does not read is cut off while the others get every event.
 */
@QuarkusTest
class EventStreamCapacityTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/api/v1/events")
    URI events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "gateway.events.max-streams-per-client")
    int perClient;

    @Inject
    MeterRegistry metrics;

    private static Map<String, String> bearer(String subject, String role) {
        return Map.of("Authorization", "Bearer "
                + Infrastructure.shared().tokens().issue(subject, role, null, Duration.ofMinutes(10)));
    }

    private List<SseClient> open(int streams, Map<String, String> headers, String from) throws Exception {
        List<SseClient> open = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            SseClient stream = SseClient.open(events, headers, from, 0, true);
            assertEquals(200, stream.status(), "stream " + (i + 1) + " of " + streams);
            stream.nextEvent(m -> "ready".equals(m.event()), WAIT);
            open.add(stream);
        }
        return open;
    }

    private static void closeAll(List<SseClient> streams) throws Exception {
        for (SseClient stream : streams) {
            stream.close();
        }
    }

    private static void assertRefused(SseClient refused) {
        assertEquals(429, refused.status());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);
        assertTrue(refused.body().contains("per client"), refused.body());
    }

    @Test
    void oneTokenSubjectGetsItsShareAndOthersStillGetTheirs() throws Exception {
        Map<String, String> greedy = bearer("greedy-dashboard", "analyst");
        List<SseClient> streams = open(perClient, greedy, null);
        try {
            try (SseClient oneMore = SseClient.open(events, greedy)) {
                assertRefused(oneMore);
            }
            try (SseClient other = SseClient.open(events, bearer("modest-dashboard", "analyst"))) {
                assertEquals(200, other.status(), "another subject is not affected");
            }
            streams.remove(0).close();
            long deadline = System.nanoTime() + WAIT.toNanos();
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline) {
                try (SseClient again = SseClient.open(events, greedy)) {
                    status = again.status();
                }
            }
            assertEquals(200, status, "room again once one stream closed");
        } finally {
            closeAll(streams);
        }
    }

    @Test
    void withoutATokenEachAddressGetsItsShare() throws Exception {
        List<SseClient> streams = open(perClient, Map.of(), "127.0.0.12");
        try {
            try (SseClient oneMore = SseClient.open(events, Map.of(), "127.0.0.12", 0, true)) {
                assertRefused(oneMore);
            }
            try (SseClient neighbour = SseClient.open(events, Map.of(), "127.0.0.13", 0, true)) {
                assertEquals(200, neighbour.status(), "another address is not affected");
            }
        } finally {
            closeAll(streams);
        }
    }

    @Test
    void aClientThatDoesNotReadIsCutOffAndTheOthersGetEveryEvent() throws Exception {
        String run = "slow-" + UUID.randomUUID();
        // 32 KB per event in the full view (the comment): the stalled client's buffers fill within a few dozen.
        String comment = "x".repeat(32 * 1024);
        int sent = 120;
        double cutBefore = metrics.find("gateway.events.slow-clients").counter().count();
        try (TestEvents kafkaEvents = new TestEvents(kafka);
                SseClient stalled = SseClient.open(events, bearer("stalled-admin", "admin"), null, 4096, false);
                SseClient fastAdmin = SseClient.open(events, bearer("fast-admin", "admin"));
                SseClient fastPublic = SseClient.open(events, Map.of())) {
            assertEquals(200, stalled.status());
            fastAdmin.nextEvent(m -> "ready".equals(m.event()), WAIT);
            fastPublic.nextEvent(m -> "ready".equals(m.event()), WAIT);
            double openWithStalled = activeConnections();
            List<Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                acks.add(kafkaEvents.sendAsync(new ReportReviewedV1(2025, "23", "RETURN", "RETURNED", comment,
                        Instant.now(), "granskare", true), run + "-" + i, Instant.now()));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
            for (int i = 0; i < sent; i++) {
                String id = run + "-" + i;
                JsonPath full = new JsonPath(fastAdmin.nextEvent(m -> m.data().contains(id), WAIT).data());
                assertEquals(comment.length(), full.getString("data.comment").length());
                SseClient.Message shown = fastPublic.nextEvent(m -> m.data().contains(id), WAIT);
                assertFalse(shown.data().contains("xxxx"));
            }
            // Cut once its queue has been over the bound for the grace, at the next delivery or tick: the others can
            // have had all their events before that.
            Awaitility.await("the stalled client is cut off").atMost(WAIT)
                    .until(() -> metrics.find("gateway.events.slow-clients").counter().count() > cutBefore);
            // Closed by the gateway while the client still reads nothing: a close that waited for the queued writes
            // would wait for ever, and the stream's connection has no idle timeout.
            Awaitility.await().atMost(WAIT).until(() -> activeConnections() <= openWithStalled - 1);
            stalled.startReading();
            assertTrue(stalled.awaitEnd(WAIT), "it reads what was sent before, then the end of the connection");
            assertFalse(stalled.endedCleanly(), "cut off, not ended");
        }
    }

    /** Open HTTP connections of the gateway (Vert.x' metrics). */
    private double activeConnections() {
        Gauge gauge = metrics.find("http.server.active.connections").gauge();
        assertNotNull(gauge, "the gateway's HTTP server reports its open connections");
        return gauge.value();
    }

    /** Kafka consumers of the gateway's live events in this JVM (each registers its metrics under its client id). */
    private static List<String> liveEventConsumers() throws Exception {
        return ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("kafka.consumer:type=consumer-metrics,*"), null).stream()
                .map(name -> name.getKeyProperty("client-id"))
                .filter(id -> id.startsWith("gateway-events-") && !id.startsWith("gateway-events-catch-up-"))
                .toList();
    }

    @Test
    void oneKafkaConsumerServesEveryLiveStream() throws Exception {
        List<SseClient> streams = new ArrayList<>();
        try {
            streams.addAll(open(perClient, Map.of(), "127.0.0.21"));
            streams.addAll(open(perClient, Map.of(), "127.0.0.22"));
            assertEquals(1, liveEventConsumers().size(), "one reader for " + streams.size() + " streams: "
                    + liveEventConsumers());
        } finally {
            closeAll(streams);
        }
    }
}
