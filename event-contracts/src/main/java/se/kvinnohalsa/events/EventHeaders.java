package se.kvinnohalsa.events;

/**
 * Kafka record headers of every event: the CloudEvents attributes in binary mode (ce_*), the request id of the HTTP
 * call that caused the event and the W3C trace context it was sent in.
 */
public final class EventHeaders {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** The X-Request-Id of the HTTP call that caused the event. */
    public static final String REQUEST_ID = "request-id";
    /** W3C trace context: the span the event was sent in, a descendant of the HTTP call that caused it. */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {
    }
}
