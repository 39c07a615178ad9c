package se.kvinnohalsa.gateway.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.KafkaProbe;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live events from the real Kafka broker as Server-Sent Events: resume by Last-Event-ID from the gateway's buffer and,
 * for older positions, from Kafka; heartbeats; views by token; the gateway's own subscribers told of every event.
 */
@QuarkusTest
class EventStreamTest {

    private static final String TYPE = "se.kvinnohalsa.report.submitted.v1";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/api/v1/events")
    URI events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "gateway.events.buffer.max-events")
    int bufferSize;

    @Inject
    MeterRegistry metrics;

    @Inject
    DomainEventRecorder recorder;

    /** One parsed SSE message, or a comment. */
    record Message(String id, String event, String data, String comment) {
    }

    /** An open stream: its messages, as they come, on a queue. */
    final class Stream implements AutoCloseable {
        final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        final InputStream body;
        final HttpResponse<InputStream> response;

        Stream(String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(events).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            body = response.body();
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String event = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (id != null || event != null || !data.isEmpty()) {
                            messages.add(new Message(id, event, data.toString(), null));
                        }
                        id = null;
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        messages.add(new Message(null, null, null, line.substring(1).trim()));
                    } else if (line.startsWith("id: ")) {
                        id = line.substring(4);
                    } else if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(data.isEmpty() ? "" : "\n").append(line.substring(6));
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        }

        /** The next message that is an event (not a comment) matching the predicate, skipping others. */
        Message next(Predicate<Message> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                Message message = messages.poll(200, TimeUnit.MILLISECONDS);
                if (message != null && wanted.test(message)) {
                    return message;
                }
            }
            throw new AssertionError("no such message within " + WAIT);
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    private String send(String key, String subject) {
        String id = "sse-" + UUID.randomUUID();
        Map<String, String> headers = new HashMap<>(KafkaProbe.cloudEventHeaders(id, TYPE));
        headers.put("ce_subject", subject);
        headers.put("request-id", "req-" + id);
        new KafkaProbe(kafka).send("report-events", key, "{\"year\": 2025, \"regionCode\": \"" + key + "\"}", headers);
        return id;
    }

    private static boolean carries(Message m, String eventId) {
        return m.data() != null && m.data().contains(eventId);
    }

    @Test
    void domainEventsArriveLiveAndAResumedStreamGetsExactlyWhatItMissed() throws Exception {
        send("23", "2025/23"); // the topic exists before the stream starts: a new stream starts at its end
        String first;
        String cursorAfterFirst;
        try (Stream stream = new Stream(null)) {
            assertEquals(200, stream.response.statusCode());
            assertTrue(stream.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            Message ready = stream.next(m -> "ready".equals(m.event()));
            assertNotNull(ready.id(), "the ready message carries the stream's starting position");
            first = send("23", "2025/23");
            Message event = stream.next(m -> carries(m, first));
            assertEquals(TYPE, event.event());
            JsonPath data = new JsonPath(event.data());
            assertEquals(first, data.getString("id"));
            assertEquals("2025/23", data.getString("subject"));
            assertEquals("report-events", data.getString("topic"));
            assertEquals("public", data.getString("view"), "no token: the public view");
            assertFalse(event.data().contains("requestId"), "a request id is not everyone's");
            assertEquals("23", data.getString("data.regionCode"));
            cursorAfterFirst = event.id();
        }
        String second = send("23", "2025/23");
        String third = send("23", "2025/23"); // same key, same partition: order holds
        try (Stream resumed = new Stream(cursorAfterFirst)) {
            List<String> seen = new ArrayList<>();
            Message ready = resumed.next(m -> "ready".equals(m.event()));
            assertTrue(new JsonPath(ready.data()).getBoolean("resumed"));
            seen.add(new JsonPath(resumed.next(m -> m.data() != null && m.data().contains("\"sse-")).data())
                    .getString("id"));
            seen.add(new JsonPath(resumed.next(m -> m.data() != null && m.data().contains("\"sse-")).data())
                    .getString("id"));
            assertEquals(List.of(second, third), seen,
                    "after the last event received, in order, and nothing before it");
            assertFalse(seen.contains(first));
        }
    }

    @Test
    void heartbeatsKeepAnIdleStreamOpen() throws Exception {
        try (Stream stream = new Stream(null)) {
            Message heartbeat = stream.next(m -> m.comment() != null && m.comment().startsWith("heartbeat"));
            assertNotNull(heartbeat);
        }
    }

    @Test
    void aLastEventIdThatIsNotOneOfOursIs400() {
        given().header("Last-Event-ID", "not-a-cursor").get("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
    }

    private static String bearer(String subject, String role, String region, Duration validFor) {
        return "Bearer " + Infrastructure.shared().tokens().issue(subject, role, region, validFor);
    }

    private double counter(String name) {
        var counter = metrics.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anAdminGetsTheFullEventWithItsRequestIdAndTheReviewersComment() throws Exception {
        try (TestEvents kafkaEvents = new TestEvents(kafka);
                SseClient admin = SseClient.open(events,
                        Map.of("Authorization", bearer("stream-admin", "admin", null, Duration.ofMinutes(5))));
                SseClient anonymous = SseClient.open(events, Map.of())) {
            assertTrue(new JsonPath(admin.nextEvent(m -> "ready".equals(m.event()), WAIT).data())
                    .getString("audience").equals("all"));
            anonymous.nextEvent(m -> "ready".equals(m.event()), WAIT);
            String id = "full-" + UUID.randomUUID();
            kafkaEvents.send(new ReportReviewedV1(2025, "23", "RETURN", "RETURNED", "Budget missing", Instant.now(),
                    "granskare@example.se", true), id, Instant.now());
            JsonPath full = new JsonPath(admin.nextEvent(m -> m.data().contains(id), WAIT).data());
            assertEquals("full", full.getString("view"));
            assertEquals("req-" + id, full.getString("requestId"));
            assertEquals("Budget missing", full.getString("data.comment"));
            assertEquals("granskare@example.se", full.getString("data.reviewedBy"));
            SseClient.Message shown = anonymous.nextEvent(m -> m.data().contains(id), WAIT);
            assertEquals("se.kvinnohalsa.report.reviewed.v1", shown.event());
            assertFalse(shown.data().contains("Budget missing") || shown.data().contains("granskare"), shown.data());
            assertEquals("RETURNED", new JsonPath(shown.data()).getString("data.status"));
        }
    }

    @Test
    void anInvalidTokenIs401AndATokenInTheUrlIs400() throws Exception {
        try (SseClient invalid = SseClient.open(events, Map.of("Authorization", "Bearer not.a.token"))) {
            assertEquals(401, invalid.status());
            assertTrue(invalid.header("Content-Type").startsWith("application/problem+json"));
        }
        try (SseClient expired = SseClient.open(events,
                Map.of("Authorization", bearer("stream-expired", "admin", null, Duration.ofSeconds(-60))))) {
            assertEquals(401, expired.status());
        }
        String token = Infrastructure.shared().tokens().issue("admin", null);
        try (SseClient inUrl = SseClient.open(URI.create(events + "?access_token=" + token), Map.of())) {
            assertEquals(400, inUrl.status());
            assertTrue(inUrl.body().contains("access_token"), inUrl.body());
        }
    }

    @Test
    void aPositionOlderThanTheBufferIsReadFromKafkaThenTheStreamGoesOnLive() throws Exception {
        String run = "catch-up-" + UUID.randomUUID();
        String position;
        try (TestEvents kafkaEvents = new TestEvents(kafka); SseClient first = SseClient.open(events, Map.of())) {
            first.nextEvent(m -> "ready".equals(m.event()), WAIT);
            kafkaEvents.send(new ReportReviewedV1(2025, "23", "ACCEPT", "ACCEPTED", run + "-seen", Instant.now(),
                    "granskare", true), run + "-seen", Instant.now());
            position = first.nextEvent(m -> m.data().contains(run + "-seen"), WAIT).id();
        }
        int missed = bufferSize + 8;
        List<String> sent = new ArrayList<>();
        try (TestEvents kafkaEvents = new TestEvents(kafka)) {
            for (int i = 0; i < missed; i++) {
                String id = run + "-" + i;
                sent.add(id);
                TestEvents.await(kafkaEvents.sendRaw("report-events", "23", "se.kvinnohalsa.report.submitted.v1",
                        "2025/23", "{\"year\": 2025, \"regionCode\": \"23\"}", id, Instant.now()));
            }
        }
        double catchUps = counter("gateway.events.catch-ups");
        try (TestEvents kafkaEvents = new TestEvents(kafka);
                SseClient resumed = SseClient.open(events, Map.of("Last-Event-ID", position))) {
            assertTrue(new JsonPath(resumed.nextEvent(m -> "ready".equals(m.event()), WAIT).data())
                    .getBoolean("resumed"));
            List<String> got = new ArrayList<>();
            while (got.size() < missed) {
                got.add(new JsonPath(resumed.nextEvent(m -> m.data().contains(run + "-"), WAIT).data())
                        .getString("id"));
            }
            assertEquals(sent, got, "every missed event, in order, once, and not the one already seen");
            assertEquals(catchUps + 1, counter("gateway.events.catch-ups"), "read from Kafka, not the buffer");
            kafkaEvents.send(new ReportReviewedV1(2025, "23", "ACCEPT", "ACCEPTED", "later", Instant.now(),
                    "granskare", true), run + "-live", Instant.now());
            assertNotNull(resumed.nextEvent(m -> m.data().contains(run + "-live"), WAIT), "then live");
        }
    }

    @Test
    void aStreamEndsCleanlyWhenItsTokenExpiresSoThatTheClientComesBackWithAFreshOne() throws Exception {
        try (SseClient stream = SseClient.open(events,
                Map.of("Authorization", bearer("stream-short", "analyst", null, Duration.ofSeconds(3))))) {
            assertEquals(200, stream.status());
            stream.nextEvent(m -> "ready".equals(m.event()), WAIT);
            assertNotNull(stream.next(m -> m.retry() != null, WAIT), "told when to reconnect");
            assertTrue(stream.awaitEnd(WAIT), "ended at the token's expiry");
            assertTrue(stream.endedCleanly(), "with the last chunk, not a dropped connection");
        }
    }

    @Test
    void everyEventReadIsAlsoToldToTheGatewaysOwnSubscribers() throws Exception {
        String marker = "cdi-" + UUID.randomUUID();
        try (TestEvents kafkaEvents = new TestEvents(kafka)) {
            TestEvents.await(kafkaEvents.sendRaw("report-events", "23", "se.kvinnohalsa.report.submitted.v1",
                    "2025/23", "{\"marker\": \"" + marker + "\"}", marker, Instant.now()));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        DomainEventReceived told = null;
        while (told == null && System.nanoTime() < deadline) {
            told = recorder.received().stream().filter(e -> e.data() != null && e.data().contains(marker))
                    .findFirst().orElse(null);
            Thread.sleep(50);
        }
        assertNotNull(told, "fired for the event");
        assertEquals("report-events", told.topic());
        assertEquals("se.kvinnohalsa.report.submitted.v1", told.type());
        assertEquals("2025/23", told.subject());
        assertEquals("23", told.key());
    }

    @Test
    void aPositionInATopicThatIsNotStreamedReadsNothingOfIt() throws Exception {
        String run = "dlq-" + UUID.randomUUID();
        try (TestEvents kafkaEvents = new TestEvents(kafka)) {
            TestEvents.await(kafkaEvents.sendRaw("report-events.dlq", "23", "se.kvinnohalsa.report.reviewed.v1",
                    "2025/23", "{\"comment\": \"" + run + "-parked\"}", run + "-parked", Instant.now()));
            try (SseClient stream = SseClient.open(events, Map.of("Last-Event-ID", "report-events.dlq:0:0"))) {
                assertEquals(200, stream.status());
                stream.nextEvent(m -> "ready".equals(m.event()), WAIT);
                kafkaEvents.send(new ReportReviewedV1(2025, "23", "ACCEPT", "ACCEPTED", "ok", Instant.now(),
                        "granskare", true), run + "-live", Instant.now());
                SseClient.Message next = stream.nextEvent(m -> m.data().contains(run), WAIT);
                assertTrue(next.data().contains(run + "-live"), "the dead-letter topic is not read: " + next.data());
            }
        }
    }
}
