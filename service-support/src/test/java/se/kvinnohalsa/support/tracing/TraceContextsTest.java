package se.kvinnohalsa.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceContextsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aStoredTraceparentBecomesTheRemoteParentAndIsWrittenBackTheSame() {
        Context context = TraceContexts.fromTraceparent(TRACEPARENT);
        SpanContext parent = Span.fromContext(context).getSpanContext();
        assertTrue(parent.isRemote());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", parent.getTraceId());
        assertEquals("00f067aa0ba902b7", parent.getSpanId());
        assertTrue(parent.isSampled());
        assertEquals(TRACEPARENT, TraceContexts.traceparentOf(context));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", TraceContexts.traceIdOf(TRACEPARENT));
    }

    @Test
    void noOrABrokenTraceparentStartsNoTrace() {
        assertNull(TraceContexts.currentTraceparent(), "outside any span");
        assertEquals(Context.root(), TraceContexts.fromTraceparent(null));
        assertFalse(Span.fromContext(TraceContexts.fromTraceparent("00-zz-yy-01")).getSpanContext().isValid());
        assertNull(TraceContexts.traceIdOf("garbage"));
    }
}
