package se.kvinnohalsa.support.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventCatalog;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.support.outbox.Outbox;
import se.kvinnohalsa.support.requestid.RequestIds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * Applies each incoming CloudEvent at most once per consumer: the event id is recorded in the same transaction as
 * the effect, so a redelivery changes nothing. The message is acknowledged (and its offset committed) only after
 * that transaction commits. Events that cannot be read are nacked, which the channel's dead-letter-queue failure
 * strategy turns into a record on the dead-letter topic with the reason.
 *
 * <pre>
 * &#64;Incoming("report-events") &#64;Blocking
 * public CompletionStage&lt;Void&gt; consume(Message&lt;String&gt; message) {
 *     return inbox.process("allocation-service", message, handlers);
 * }
 * </pre>
 */
@IfBuildProperty(name = Outbox.NEEDS, stringValue = "postgresql")
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /** Incoming events sent to a dead-letter topic, per consumer. */
    public static final String DEAD_LETTERED = "events.dead.lettered";
    private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    public CompletionStage<Void> process(String consumer, Message<String> message, EventHandlers handlers) {
        // Registered (at 0) with the first event, so that dashboards and alerts see the series before anything fails.
        Counter deadLettered = registry.counter(DEAD_LETTERED, "consumer", consumer);
        EventContext context;
        DomainEvent event;
        BiConsumer<Object, EventContext> handler;
        try {
            context = context(message);
            TopicOwnership.requireOwner(message, context.source());
            Class<? extends DomainEvent> type = EventCatalog.byType(context.type())
                    .orElseThrow(() -> new PoisonEventException("unknown event type or version: " + context.type()));
            Optional<BiConsumer<Object, EventContext>> wanted = handlers.handlerFor(type);
            if (wanted.isEmpty()) {
                return message.ack();
            }
            handler = wanted.get();
            event = parse(message.getPayload(), type);
        } catch (PoisonEventException poison) {
            deadLettered.increment();
            LOG.warnf("event sent to the dead-letter topic: %s", poison.getMessage());
            return message.nack(poison);
        }
        MDC.put(RequestIds.MDC_KEY, context.requestId() == null ? "" : context.requestId());
        // The event is applied in a span of the trace its record carries (the connector's consumer span, itself a
        // child of the producer span the outbox relay sent it in): one trace from the HTTP request to here.
        Context parent = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .orElse(Context.current());
        Span span = tracer.spanBuilder(consumer + " apply " + context.type()).setParent(parent)
                .setSpanKind(SpanKind.INTERNAL).setAttribute(EVENT_ID, context.id()).startSpan();
        try (Scope scope = span.makeCurrent()) {
            boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                int inserted = entityManager.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                        VALUES (:consumer, :id, :type, :now) ON CONFLICT DO NOTHING""")
                        .setParameter("consumer", consumer).setParameter("id", context.id())
                        .setParameter("type", context.type()).setParameter("now", Instant.now(clock))
                        .executeUpdate();
                if (inserted == 0) {
                    return false;
                }
                handler.accept(event, context);
                return true;
            });
            registry.counter("events.consumed", "consumer", consumer, "type", context.type(),
                    "result", applied ? "applied" : "duplicate").increment();
            // One line per event, under the request id and trace id of the change that caused it.
            LOG.infof("%s %s %s by %s (event %s)", context.type(), context.subject(),
                    applied ? "applied" : "already applied", consumer, context.id());
            return message.ack();
        } catch (PoisonEventException poison) {
            deadLettered.increment();
            span.recordException(poison);
            return message.nack(poison);
        } finally {
            span.end();
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private static EventContext context(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new PoisonEventException("not a CloudEvent (no ce_ attributes)"));
        String requestId = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getHeaders().lastHeader(RequestIds.HEADER))
                .map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8))
                .orElse(null);
        return new EventContext(cloudEvent.getId(), cloudEvent.getType(),
                String.valueOf(cloudEvent.getSource()), cloudEvent.getSubject().orElse(null),
                cloudEvent.getTimeStamp().map(t -> t.toInstant()).orElse(null), requestId);
    }

    private static DomainEvent parse(String payload, Class<? extends DomainEvent> type) {
        if (payload == null || payload.isBlank()) {
            throw new PoisonEventException("empty event data");
        }
        try {
            return EventJson.read(payload, type);
        } catch (Exception e) {
            throw new PoisonEventException("unreadable " + type.getSimpleName() + ": " + firstLine(e), e);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
