package se.kvinnohalsa.events;

import se.kvinnohalsa.events.contract.AgreementChangedV1;
import se.kvinnohalsa.events.contract.AllocationPublishedV1;
import se.kvinnohalsa.events.contract.DecisionRecordedV1;
import se.kvinnohalsa.events.contract.IndicatorObservationsChangedV1;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the platform, by CloudEvents type name. */
public final class EventCatalog {

    public static final List<Class<? extends DomainEvent>> ALL = List.of(
            AgreementChangedV1.class,
            AllocationPublishedV1.class,
            DecisionRecordedV1.class,
            ReportSubmittedV1.class,
            ReportReviewedV1.class,
            IndicatorObservationsChangedV1.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventCatalog::typeOf, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<Class<? extends DomainEvent>> byType(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }

    public static String typeOf(Class<?> event) {
        return annotation(event).value();
    }

    public static String topicOf(Class<?> event) {
        return annotation(event).topic();
    }

    /** Classpath location of the JSON Schema of an event type. */
    public static String schemaResource(String type) {
        return "/event-schemas/" + type + ".json";
    }

    private static EventType annotation(Class<?> event) {
        EventType type = event.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(event.getName() + " is not an event record (no @EventType)");
        }
        return type;
    }
}
