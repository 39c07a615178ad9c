package se.kvinnohalsa.gateway.events;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.system.PackagedSystem;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event stream of the packaged gateway over the events the real services publish (demo data: 2024's reports,
 * most accepted with a reviewer's comment, 01 and 14 awaiting review). Runs after packaging (failsafe).
 */
class EventStreamIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String REVIEWED = "se.kvinnohalsa.report.reviewed.v1";
    private static final int DEMO_REVIEWS = 19;
    private static PackagedSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = PackagedSystem.get();
    }

    private static URI events() {
        return system.gateway().resolve("/api/v1/events");
    }

    private static Map<String, String> as(String role, String region) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + system.infrastructure().tokens().issue(role, region));
        return headers;
    }

    /** The report of issue 13: replaying report-events without a token showed every reviewer's comment and name. */
    @Test
    void anAnonymousReplayOfEveryReportEventShowsNoReviewersCommentOrName() throws Exception {
        try (SseClient replay = SseClient.open(events(), Map.of("Last-Event-ID", "report-events:0:0"))) {
            assertEquals(200, replay.status());
            for (int seen = 0; seen < DEMO_REVIEWS; seen++) {
                SseClient.Message review = replay.nextEvent(m -> REVIEWED.equals(m.event()), WAIT);
                JsonPath data = new JsonPath(review.data());
                assertEquals("public", data.getString("view"));
                assertTrue(data.getString("data.status") != null, review.data());
                assertFalse(review.data().contains("comment") || review.data().contains("reviewedBy")
                        || review.data().contains("Redovisningen") || review.data().contains("requestId"),
                        review.data());
            }
        }
    }

    @Test
    void aReviewThroughTheServiceReachesEachRoleInTheViewItMaySee() throws Exception {
        String comment = "E2E: budget för tiden efter bidraget saknas " + System.nanoTime();
        try (SseClient anonymous = SseClient.open(events(), Map.of());
                SseClient ownReporter = SseClient.open(events(), as("reporter", "14"));
                SseClient otherReporter = SseClient.open(events(), as("reporter", "01"))) {
            for (SseClient stream : new SseClient[]{anonymous, ownReporter, otherReporter}) {
                stream.nextEvent(m -> "ready".equals(m.event()), WAIT);
            }
            system.as("gateway", "admin", null)
                    .body("{\"decision\": \"RETURN\", \"comment\": \"" + comment + "\"}")
                    .post("/api/v1/reports/2024/14/review").then().statusCode(200);

            JsonPath full = new JsonPath(ownReporter.nextEvent(
                    m -> REVIEWED.equals(m.event()) && m.data().contains("\"2024/14\""), WAIT).data());
            assertEquals("full", full.getString("view"));
            assertEquals(comment, full.getString("data.comment"));
            assertEquals("RETURNED", full.getString("data.status"));
            assertTrue(full.getString("data.reviewedBy") != null);
            for (SseClient publicView : new SseClient[]{anonymous, otherReporter}) {
                SseClient.Message shown = publicView.nextEvent(
                        m -> REVIEWED.equals(m.event()) && m.data().contains("\"2024/14\""), WAIT);
                assertFalse(shown.data().contains(comment) || shown.data().contains("reviewedBy"), shown.data());
                assertEquals("RETURNED", new JsonPath(shown.data()).getString("data.status"));
            }
        }
    }
}
