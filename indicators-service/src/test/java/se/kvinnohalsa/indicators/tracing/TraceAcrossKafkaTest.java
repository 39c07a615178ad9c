package se.kvinnohalsa.indicators.tracing;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.EventCatalog;
import se.kvinnohalsa.events.EventHeaders;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;
import se.kvinnohalsa.indicators.Api;
import se.kvinnohalsa.stack.KafkaProbe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace from an HTTP request through the outbox into the Kafka record, and from a record's traceparent into the
 * consumer that applies it: W3C trace context across the asynchronous hop, seen in the spans the service finished.
 */
@QuarkusTest
class TraceAcrossKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static String traceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void anImportsEventIsSentInTheTraceOfTheRequestThatWroteIt() {
        String trace = traceId();
        String batch = Api.registry().contentType("text/csv")
                .header("traceparent", "00-" + trace + "-" + CALLER_SPAN + "-01")
                .body("region_code,period,value\n17,2019-08-01/2020-07-31,91.5\n")
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().statusCode(200).extract()
                .path("batchId");

        List<ConsumerRecord<String, String>> records = new KafkaProbe(kafka).read("indicator-events",
                r -> r.value().contains(batch),
                found -> !found.isEmpty(), WAIT);
        assertEquals(1, records.size(), "the import's event reached indicator-events");
        String traceparent = KafkaProbe.header(records.get(0), EventHeaders.TRACEPARENT);
        assertTrue(traceparent != null && traceparent.startsWith("00-" + trace + "-"),
                "the record carries the request's trace: " + traceparent);

        SpanData server = await().atMost(WAIT).until(() -> find(trace, SpanKind.SERVER), Optional::isPresent).get();
        assertEquals(CALLER_SPAN, server.getParentSpanId(), "the service continued the caller's span");
        SpanData producer = await().atMost(WAIT).until(() -> find(trace, SpanKind.PRODUCER), Optional::isPresent)
                .get();
        assertEquals(traceparent.split("-")[2], producer.getSpanId(), "the header names the producer span");
        assertNotEquals(CALLER_SPAN, producer.getParentSpanId());
    }

    @Test
    void theConsumerAppliesAnEventInTheTraceItsRecordCarries() {
        String trace = traceId();
        String senderSpan = "b7ad6b7169203331";
        ReportSubmittedV1 event = new ReportSubmittedV1(2019, "17", Instant.parse("2020-03-20T10:00:00Z"), false,
                1000L, true, new BigDecimal("90.5"), true);
        Map<String, String> headers = new HashMap<>(
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(),
                        EventCatalog.typeOf(ReportSubmittedV1.class)));
        headers.put(EventHeaders.TRACEPARENT, "00-" + trace + "-" + senderSpan + "-01");
        new KafkaProbe(kafka).send("report-events", event.key(), EventJson.write(event), headers);

        SpanData applied = await().atMost(WAIT)
                .until(() -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getTraceId().equals(trace) && s.getName().contains(" apply "))
                        .findFirst(), Optional::isPresent)
                .get();
        assertEquals("indicators-service apply se.kvinnohalsa.report.submitted.v1", applied.getName());
        assertTrue(ancestors(applied).contains(senderSpan), "the apply span descends from the sender's span");
    }

    private Optional<SpanData> find(String trace, SpanKind kind) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(trace) && s.getKind() == kind)
                .findFirst();
    }

    /** The span ids from the span's parent up, as far as this service finished them, plus the remote parent. */
    private List<String> ancestors(SpanData span) {
        List<SpanData> trace = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(span.getTraceId())).toList();
        List<String> ids = new ArrayList<>();
        String parent = span.getParentSpanId();
        while (parent != null && !ids.contains(parent)) {
            ids.add(parent);
            String current = parent;
            parent = trace.stream().filter(s -> s.getSpanId().equals(current)).findFirst()
                    .map(SpanData::getParentSpanId).orElse(null);
        }
        return ids;
    }
}
