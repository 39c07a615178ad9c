package se.kvinnohalsa.support.requestid;

import org.jboss.logging.MDC;
import se.kvinnohalsa.events.EventHeaders;

/** The request id of the HTTP call being served: in the MDC (so in every log line) and in the events it causes. */
public final class RequestIds {
    public static final String HTTP_HEADER = "X-Request-Id";
    /** Kafka record header carrying the request id that caused an event. */
    public static final String HEADER = EventHeaders.REQUEST_ID;
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null || id.toString().isEmpty() ? null : id.toString();
    }
}
