package se.kvinnohalsa.gateway;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.EventHeaders;
import se.kvinnohalsa.gateway.system.PackagedSystem;
import se.kvinnohalsa.stack.KafkaProbe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace across the whole system ({@link PackagedSystem}): a region submits its report through the gateway with a
 * W3C traceparent; reporting-service writes report.submitted under that trace, the outbox relay sends it to Kafka in
 * the same trace, and indicators-service applies it in the same trace. Read from the Kafka record and the services'
 * own log lines ([trace:...] beside [req:...]).
 */
class TraceAcrossServicesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String REGION = "20";
    private static final String REPORT = """
            {"spending": {"lines": [{"focusArea": "EFTERVARD", "amountSek": 9000000},
                                    {"focusArea": "KUNSKAP", "amountSek": 3000000}], "notSplitReason": null},
             "activities": [{"title": "[Exempel] Eftervårdsbesök", "description": "Samtal om förlossningen",
                             "focusAreas": ["EFTERVARD"], "targetGroups": ["NEW_MOTHERS"]}],
             "situationAnalysis": {"results": "Fler besök", "contributingFactors": "Ny mottagning",
                                   "challenges": "Rekrytering", "supportNeeds": "Nationellt stöd"},
             "workforcePlan": {"periodFrom": 2025, "periodTo": 2035, "professions": ["barnmorskor"]},
             "postpartum": {"visitSharePercent": 91.5, "referralPathsPhysical": "Bäckenbottenmottagning",
                            "referralPathsMental": "Psykolog"}}""";

    private static PackagedSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = PackagedSystem.get();
    }

    @Test
    void aSubmissionIsOneTraceFromTheGatewayThroughKafkaToTheConsumer() {
        String trace = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + trace + "-00f067aa0ba902b7-01";
        String path = "/api/v1/reports/2025/" + REGION;
        system.as("gateway", "reporter", REGION).header("traceparent", traceparent).body(REPORT).put(path).then()
                .statusCode(oneOf(200, 201));
        system.as("gateway", "reporter", REGION).header("traceparent", traceparent).post(path + "/submission").then()
                .statusCode(200);

        List<ConsumerRecord<String, String>> records = new KafkaProbe(
                system.infrastructure().kafka().bootstrapServers()).read("report-events",
                        r -> ("2025/" + REGION).equals(KafkaProbe.header(r, EventHeaders.SUBJECT))
                                && "se.kvinnohalsa.report.submitted.v1".equals(KafkaProbe.header(r, EventHeaders.TYPE)),
                        found -> !found.isEmpty(), WAIT);
        assertEquals(1, records.size(), "report.submitted reached Kafka");
        String sent = KafkaProbe.header(records.get(0), EventHeaders.TRACEPARENT);
        assertTrue(sent != null && sent.startsWith("00-" + trace + "-"),
                "the record is in the caller's trace: " + sent);

        String marker = "[trace:" + trace + "]";
        await("reporting-service logged the change in the caller's trace").atMost(WAIT)
                .until(() -> logLines("reporting-service", marker, "queued for report-events"), l -> !l.isEmpty());
        await("indicators-service applied the event in the caller's trace").atMost(WAIT)
                .until(() -> logLines("indicators-service", marker, "applied by indicators-service"),
                        l -> !l.isEmpty());
    }

    private static List<String> logLines(String service, String marker, String text) {
        try {
            return Files.readAllLines(system.log(service)).stream()
                    .filter(l -> l.contains(marker) && l.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
