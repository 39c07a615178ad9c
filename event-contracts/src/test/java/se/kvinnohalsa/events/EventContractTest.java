package se.kvinnohalsa.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.events.contract.AgreementChangedV1;
import se.kvinnohalsa.events.contract.AllocationPublishedV1;
import se.kvinnohalsa.events.contract.DecisionRecordedV1;
import se.kvinnohalsa.events.contract.IndicatorObservationsChangedV1;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The records and the JSON Schemas cannot drift apart: what a producer writes validates against what a consumer reads. */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-04-01T08:30:00Z");

    /** One realistic instance of every event type in the catalog. */
    static final List<DomainEvent> SAMPLES = List.of(
            new AgreementChangedV1(2024, "Överenskommelse 2024", 1_535_000_000L, LocalDate.parse("2025-03-31"),
                    List.of(new AgreementChangedV1.Pool("POPULATION", 1_367_000_000L),
                            new AgreementChangedV1.Pool("RURAL", 150_000_000L)),
                    List.of(new AgreementChangedV1.FocusArea("EFTERVARD", "Utveckling av eftervård")),
                    List.of("Kompetensförsörjningsplan för barnmorskor")),
            new AllocationPublishedV1(2024, 1, 1_517_000_000L, NOW,
                    List.of(new AllocationPublishedV1.RegionAllocation("23", 24_612_350L,
                            List.of(new AllocationPublishedV1.PoolAmount("POPULATION", 17_151_589L),
                                    new AllocationPublishedV1.PoolAmount("RURAL", 7_460_761L))))),
            new DecisionRecordedV1(2025, "23", "RS/25/2025", LocalDate.parse("2025-05-28"), "Regiondirektör",
                    24_846_478L,
                    List.of(new DecisionRecordedV1.Line("Område Kvinna", 16_701_014L),
                            new DecisionRecordedV1.Line("Mödrahälsovård/primärvård", 8_145_464L))),
            new ReportSubmittedV1(2024, "23", NOW, false, 24_612_350L, true, new BigDecimal("94.3"), true),
            new ReportSubmittedV1(2024, "01", NOW, true, null, false, null, false),
            new ReportReviewedV1(2024, "23", "ACCEPT", "ACCEPTED", null, NOW, "admin-local", true),
            new IndicatorObservationsChangedV1("EFTERVARDSBESOK", "b-1", List.of("2023-08-01/2024-07-31"),
                    List.of("01", "SE"), 21, 1, NOW));

    @Test
    void everyEventTypeHasASampleAndASchema() {
        Set<Class<?>> sampled = SAMPLES.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(new HashSet<>(EventCatalog.ALL), sampled);
        for (Class<? extends DomainEvent> type : EventCatalog.ALL) {
            String name = EventCatalog.typeOf(type);
            assertTrue(name.matches("se\\.kvinnohalsa\\.[a-z]+\\.[a-z-]+\\.v\\d+"), name);
            assertTrue(EventCatalog.byType(name).isPresent());
            assertTrue(schemaOf(name).isPresent(), "schema for " + name);
        }
    }

    @Test
    void whatProducersWriteValidatesAgainstTheSchema() throws Exception {
        for (DomainEvent event : SAMPLES) {
            JsonNode json = JSON.readTree(EventJson.write(event));
            Set<ValidationMessage> errors = schema(event.type()).validate(json);
            assertTrue(errors.isEmpty(), event.type() + ": " + errors);
        }
    }

    @Test
    void schemaPropertiesAreExactlyTheRecordComponents() throws Exception {
        for (Class<? extends DomainEvent> type : EventCatalog.ALL) {
            JsonNode schema = JSON.readTree(schemaOf(EventCatalog.typeOf(type)).orElseThrow());
            Set<String> properties = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> components = Arrays.stream(type.getRecordComponents()).map(c -> c.getName())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(components, properties, type.getSimpleName());
        }
    }

    @Test
    void consumersReadWhatProducersWrite() throws Exception {
        for (DomainEvent event : SAMPLES) {
            assertEquals(event, EventJson.read(EventJson.write(event), event.getClass()));
        }
    }

    @Test
    void theSchemaRejectsWrongData() throws Exception {
        JsonNode bad = JSON.readTree(
                """
                        {"year":2024,"regionCode":"3","submittedAt":"2025-04-01T08:30:00Z","late":"no",
                         "totalSpentSek":-1,"spendingSplit":true,"postpartumVisitSharePercent":140,"hasWorkforcePlan":true,"extra":1}""");
        Set<ValidationMessage> errors = schema("se.kvinnohalsa.report.submitted.v1").validate(bad);
        Set<String> paths = errors.stream().map(e -> e.getInstanceLocation().toString() + e.getProperty())
                .collect(Collectors.toSet());
        assertTrue(errors.size() >= 5, errors.toString());
        assertFalse(paths.isEmpty());
    }

    @Test
    void aConsumerRejectsDataWithoutRequiredFields() {
        assertThrows(Exception.class, () -> EventJson.read("{\"year\":2024}", ReportSubmittedV1.class));
        assertThrows(Exception.class, () -> EventJson.read("not json", ReportSubmittedV1.class));
    }

    @Test
    void keysAreRegionsOrYears() {
        for (DomainEvent event : SAMPLES) {
            assertTrue(event.key().matches("\\d{2}|\\d{4}|[A-Z_]+"), event.key());
        }
    }

    private static JsonSchema schema(String type) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schemaOf(type).orElseThrow());
    }

    private static Optional<String> schemaOf(String type) {
        try (InputStream in = EventContractTest.class.getResourceAsStream(EventCatalog.schemaResource(type))) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
