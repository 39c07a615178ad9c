package se.kvinnohalsa.gateway.events;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.events.contract.AgreementChangedV1;
import se.kvinnohalsa.events.contract.AllocationPublishedV1;
import se.kvinnohalsa.events.contract.DecisionRecordedV1;
import se.kvinnohalsa.events.contract.IndicatorObservationsChangedV1;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Publishes domain events to the real broker as the services' outboxes do (CloudEvents binary mode), for the tests. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TestEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
    }

    /** One event of every type, each with the fields that only some may see filled in. */
    public static List<DomainEvent> everyType(String region) {
        Instant at = Instant.parse("2026-03-30T10:15:00Z");
        return List.of(
                new AgreementChangedV1(2026, "Överenskommelse 2026", 1_550_000_000L, LocalDate.parse("2027-03-31"),
                        List.of(new AgreementChangedV1.Pool("POPULATION", 1_400_000_000L)),
                        List.of(new AgreementChangedV1.FocusArea("KOMPETENSFORSORJNING", "Kompetensförsörjning")),
                        List.of("WORKFORCE_PLAN")),
                new AllocationPublishedV1(2026, 1, 1_400_000_000L, at,
                        List.of(new AllocationPublishedV1.RegionAllocation(region, 24_000_000L,
                                List.of(new AllocationPublishedV1.PoolAmount("POPULATION", 24_000_000L))))),
                new DecisionRecordedV1(2026, region, "RS/26/2026", LocalDate.parse("2026-05-28"), "Regiondirektör",
                        24_000_000L, List.of(new DecisionRecordedV1.Line("Område Kvinna", 24_000_000L))),
                new ReportSubmittedV1(2026, region, at, false, 23_500_000L, true, new BigDecimal("91.5"), true),
                new ReportReviewedV1(2026, region, "RETURN", "RETURNED", "Activities lack a budget after 2027", at,
                        "granskare@socialstyrelsen.se", true),
                new IndicatorObservationsChangedV1("EFTERVARDSBESOK", "batch-7f3a", List.of("2024-08-01/2025-07-31"),
                        List.of(region, "01"), 2, 1, at));
    }

    /** Sends the event with the given CloudEvents id and time and waits for the broker's acknowledgement. */
    public RecordMetadata send(DomainEvent event, String id, Instant time) {
        return await(sendAsync(event, id, time));
    }

    public Future<RecordMetadata> sendAsync(DomainEvent event, String id, Instant time) {
        return sendRaw(event.topic(), event.key(), event.type(), event.subject(), EventJson.write(event), id, time);
    }

    /** Sends any record (e.g. of a type no rule knows) with the CloudEvents headers. */
    public Future<RecordMetadata> sendRaw(String topic, String key, String type, String subject, String value,
            String id, Instant time) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", "/test");
        header(record, "ce_subject", subject);
        header(record, "ce_time", time.toString());
        header(record, "request-id", "req-" + id);
        header(record, "content-type", "application/json");
        return producer.send(record);
    }

    public static RecordMetadata await(Future<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send failed", e.getCause());
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
