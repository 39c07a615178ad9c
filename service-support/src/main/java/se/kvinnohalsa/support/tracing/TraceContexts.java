package se.kvinnohalsa.support.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import se.kvinnohalsa.events.EventHeaders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * W3C trace context as text, for work that continues a trace later and on another thread: the outbox stores the
 * {@code traceparent} of the request that wrote an event, and the relay sends the event as part of that trace.
 */
public final class TraceContexts {

    /** The W3C header (and Kafka record header) name. */
    public static final String TRACEPARENT = EventHeaders.TRACEPARENT;

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    /** The traceparent of the current span, e.g. {@code 00-<trace id>-<span id>-01}; null outside a trace. */
    public static String currentTraceparent() {
        return traceparentOf(Context.current());
    }

    public static String traceparentOf(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** A context whose (remote) parent is the given traceparent; the root context when it is null or not valid. */
    public static Context fromTraceparent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), FROM_MAP);
    }

    /** The trace id of a traceparent header value ({@code 00-<trace id>-<span id>-<flags>}); null if malformed. */
    public static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        List<String> parts = List.of(traceparent.split("-"));
        return parts.size() == 4 ? parts.get(1) : null;
    }
}
