package se.kvinnohalsa.gateway.events;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
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

/** Live events from the real Kafka broker as Server-Sent Events, with resume by Last-Event-ID and heartbeats. */
@QuarkusTest
class EventStreamTest {

    private static final String TYPE = "se.kvinnohalsa.report.submitted.v1";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/api/v1/events")
    URI events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

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
            assertEquals("req-" + first, data.getString("requestId"));
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
}
