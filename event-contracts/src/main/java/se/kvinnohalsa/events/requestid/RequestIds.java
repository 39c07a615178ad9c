package se.kvinnohalsa.events.requestid;

import org.jboss.logging.MDC;

/** The request id of the HTTP call being served: in the MDC (so in every log line) and in the events it causes. */
public final class RequestIds {
    public static final String HTTP_HEADER = "X-Request-Id";
    /** Kafka record header carrying the request id that caused an event. */
    public static final String HEADER = "request-id";
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null || id.toString().isEmpty() ? null : id.toString();
    }
}
