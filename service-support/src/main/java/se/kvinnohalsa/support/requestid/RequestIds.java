package se.kvinnohalsa.support.requestid;

import org.jboss.logging.MDC;
import se.kvinnohalsa.events.EventHeaders;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The request id of the HTTP call being served: in the MDC (so in every log line) and in the events it causes. */
public final class RequestIds {
    public static final String HTTP_HEADER = "X-Request-Id";
    /** Kafka record header carrying the request id that caused an event. */
    public static final String HEADER = EventHeaders.REQUEST_ID;
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    /**
     * A new random version-4 UUID. A request id has to be unique, not unguessable, so it comes from the thread's own
     * generator rather than from SecureRandom, which every request would otherwise queue on.
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null || id.toString().isEmpty() ? null : id.toString();
    }
}
