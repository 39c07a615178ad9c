package se.kvinnohalsa.gateway.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.gateway.events.SseClient;
import se.kvinnohalsa.gateway.events.TestEvents;
import se.kvinnohalsa.stack.Infrastructure;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live event stream by role: for every event type, what each caller gets (the whole event, or only its public
 * fields without the request id), live, on a resume from the gateway's buffer and on a resume from Kafka. The
 * expectation is written here from the REST API's rules (who may read a region's report, decision and imports), not
 * from the gateway's projection rules.
 */
@QuarkusTest
class EventStreamAuthorizationMatrixTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWN = "23";
    private static final String OTHER = "01";

    /** What GET /api/v1/reports/{year}/{region} (and the import reply) show but the public reads do not. */
    private static final Map<String, Set<String>> NOT_PUBLIC = Map.of(
            "se.kvinnohalsa.report.submitted.v1", Set.of("totalSpentSek", "postpartumVisitSharePercent",
                    "hasWorkforcePlan"),
            "se.kvinnohalsa.report.reviewed.v1", Set.of("comment", "reviewedBy", "hasWorkforcePlan"),
            "se.kvinnohalsa.indicator.observations-changed.v1", Set.of("batchId"));
    /** Events about one region: that region's reporter reads their source in full. */
    private static final Set<String> REGION_EVENTS = Set.of("se.kvinnohalsa.allocation.decision-recorded.v1",
            "se.kvinnohalsa.report.submitted.v1", "se.kvinnohalsa.report.reviewed.v1");
    private static final String INDICATOR_EVENT = "se.kvinnohalsa.indicator.observations-changed.v1";

    private record Caller(String name, String role, String region) {
    }

    private static final List<Caller> CALLERS = List.of(
            new Caller("no token", null, null),
            new Caller("admin", "admin", null),
            new Caller("reporter of the region", "reporter", OWN),
            new Caller("reporter of another region", "reporter", OTHER),
            new Caller("analyst", "analyst", null),
            new Caller("registry", "registry", null));

    @TestHTTPResource("/api/v1/events")
    URI events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "gateway.events.buffer.max-events")
    int bufferSize;

    @Inject
    MeterRegistry metrics;

    private static boolean full(Caller caller, String type, String region) {
        if (caller.role() == null) {
            return false;
        }
        return switch (caller.role()) {
            case "admin", "analyst" -> true;
            case "reporter" -> REGION_EVENTS.contains(type) && caller.region().equals(region);
            case "registry" -> INDICATOR_EVENT.equals(type);
            default -> false;
        };
    }

    private static Map<String, String> headers(Caller caller, String lastEventId) {
        Map<String, String> headers = new HashMap<>();
        if (caller.role() != null) {
            headers.put("Authorization", "Bearer " + Infrastructure.shared().tokens().issue("matrix-" + caller.name(),
                    caller.role(), caller.region(), Duration.ofMinutes(10)));
        }
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return headers;
    }

    private double catchUps() {
        var counter = metrics.find("gateway.events.catch-ups").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void everyRoleSeesEachEventTypeAsItMayLiveAndOnResume() throws Exception {
        String run = "matrix-" + UUID.randomUUID();
        Map<String, DomainEvent> sent = new LinkedHashMap<>();
        List<DomainEvent> samples = new ArrayList<>(TestEvents.everyType(OWN));
        samples.add(new ReportReviewedV1(2026, OTHER, "ACCEPT", "ACCEPTED", "Fine work", Instant.now(),
                "granskare@socialstyrelsen.se", true));
        for (int i = 0; i < samples.size(); i++) {
            sent.put(run + "-" + i, samples.get(i));
        }

        List<String> wrong = new ArrayList<>();
        Map<Caller, String> startedAt = new LinkedHashMap<>();
        Map<Caller, SseClient> live = new LinkedHashMap<>();
        try (TestEvents kafkaEvents = new TestEvents(kafka)) {
            for (Caller caller : CALLERS) {
                SseClient stream = SseClient.open(events, headers(caller, null));
                assertEquals(200, stream.status(), caller.name());
                startedAt.put(caller, stream.nextEvent(m -> "ready".equals(m.event()), WAIT).id());
                live.put(caller, stream);
            }
            sent.forEach((id, event) -> kafkaEvents.send(event, id, Instant.now()));
            for (Caller caller : CALLERS) {
                check(live.get(caller), caller, "live", sent, wrong);
                live.get(caller).close();
            }

            double before = catchUps();
            for (Caller caller : CALLERS) {
                try (SseClient resumed = SseClient.open(events, headers(caller, startedAt.get(caller)))) {
                    check(resumed, caller, "resumed from the buffer", sent, wrong);
                }
            }
            assertEquals(before, catchUps(), "these resumes were served from the buffer");

            for (int i = 0; i < bufferSize + 8; i++) {
                kafkaEvents.sendRaw("report-events", "99", "se.kvinnohalsa.report.submitted.v1", "2026/99",
                        "{\"year\": 2026, \"regionCode\": \"99\"}", run + "-filler-" + i, Instant.now());
            }
            TestEvents.await(kafkaEvents.sendRaw("report-events", "99", "se.kvinnohalsa.report.submitted.v1",
                    "2026/99", "{}", run + "-last-filler", Instant.now()));
            try (SseClient witness = SseClient.open(events, headers(CALLERS.get(0), startedAt.get(CALLERS.get(0))))) {
                witness.nextEvent(m -> m.data().contains(run + "-last-filler"), WAIT); // the gateway has read them
            }
            before = catchUps();
            for (Caller caller : CALLERS) {
                try (SseClient resumed = SseClient.open(events, headers(caller, startedAt.get(caller)))) {
                    check(resumed, caller, "resumed from Kafka", sent, wrong);
                }
            }
            assertEquals(before + CALLERS.size(), catchUps(), "these resumes were older than the buffer");
        } finally {
            for (SseClient stream : live.values()) {
                stream.close();
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private void check(SseClient stream, Caller caller, String phase, Map<String, DomainEvent> sent,
            List<String> wrong) throws Exception {
        assertEquals(200, stream.status(), caller.name() + " " + phase);
        // Events of different partitions may come in any order between them.
        Map<String, SseClient.Message> received = new HashMap<>();
        while (received.size() < sent.size()) {
            SseClient.Message message = stream.nextEvent(m -> sent.keySet().stream()
                    .anyMatch(id -> m.data().contains("\"" + id + "\"")), WAIT);
            String id = JSON.readTree(message.data()).path("id").asText();
            if (received.put(id, message) != null) {
                wrong.add(id + " twice to " + caller.name() + ", " + phase);
            }
        }
        for (Map.Entry<String, DomainEvent> entry : sent.entrySet()) {
            DomainEvent event = entry.getValue();
            SseClient.Message message = received.get(entry.getKey());
            JsonNode data = JSON.readTree(message.data());
            String region = REGION_EVENTS.contains(event.type()) ? event.key() : null;
            boolean expectFull = full(caller, event.type(), region);
            ObjectNode original = (ObjectNode) JSON.readTree(EventJson.write(event));
            JsonNode expected = original;
            if (!expectFull) {
                ObjectNode shown = original.deepCopy();
                shown.remove(NOT_PUBLIC.getOrDefault(event.type(), Set.of()));
                expected = shown;
            }
            String where = event.type() + (region == null ? "" : " of " + region) + " to " + caller.name() + ", "
                    + phase + ": ";
            if (!event.type().equals(message.event())) {
                wrong.add(where + "event name " + message.event());
            }
            if (!(expectFull ? "full" : "public").equals(data.path("view").asText())) {
                wrong.add(
                        where + "view " + data.path("view").asText() + " (expected " + (expectFull ? "full" : "public")
                                + ")");
            }
            if (!expected.equals(data.get("data"))) {
                wrong.add(where + "data " + data.get("data") + " (expected " + expected + ")");
            }
            if (expectFull != data.has("requestId")) {
                wrong.add(where + (expectFull ? "no requestId" : "the requestId"));
            }
        }
    }
}
