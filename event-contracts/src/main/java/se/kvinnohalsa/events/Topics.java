package se.kvinnohalsa.events;

import java.util.Map;
import java.util.Optional;

/** Kafka topics of the platform; the key of every record is a region code, or the agreement year where none applies. */
public final class Topics {
    public static final String ALLOCATION_EVENTS = "allocation-events";
    public static final String REPORT_EVENTS = "report-events";
    public static final String INDICATOR_EVENTS = "indicator-events";

    /**
     * The CloudEvents {@code source} of each topic's only producer ("/" + the service's application name, as the
     * outbox sets it): consumers refuse an event from anyone else, and the Kafka ACLs let only that service write.
     */
    public static final Map<String, String> OWNERS = Map.of(
            ALLOCATION_EVENTS, "/allocation-service",
            REPORT_EVENTS, "/reporting-service",
            INDICATOR_EVENTS, "/indicators-service");

    private Topics() {
    }

    /** Where a consumer parks the events it cannot read, with the reason in the record headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    /** The CloudEvents source of the service that alone publishes to this topic; empty for a topic not ours. */
    public static Optional<String> ownerOf(String topic) {
        return Optional.ofNullable(topic).map(OWNERS::get);
    }
}
