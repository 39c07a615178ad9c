package se.kvinnohalsa.events;

/** An event of the platform: a record annotated with {@link EventType}. */
public interface DomainEvent {

    /** The Kafka record key: the region code, or the agreement year where no region applies. */
    String key();

    /** The CloudEvents {@code subject}: what the event is about, e.g. {@code 2024/23}. */
    String subject();

    default String type() {
        return EventCatalog.typeOf(getClass());
    }

    default String topic() {
        return EventCatalog.topicOf(getClass());
    }
}
