package se.kvinnohalsa.support.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import se.kvinnohalsa.events.DomainEvent;
import se.kvinnohalsa.events.EventCatalog;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.support.SupportConfig;
import se.kvinnohalsa.support.fault.RetryState;
import se.kvinnohalsa.support.fault.TransientFailures;
import se.kvinnohalsa.support.outbox.Outbox;
import se.kvinnohalsa.support.requestid.RequestIds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Applies each incoming CloudEvent at most once per consumer: the event id is recorded in the same transaction as
 * the effect, so a redelivery changes nothing. The message is acknowledged (and its offset committed) only after
 * that transaction commits. Events that cannot be read or applied are nacked, which the channel's dead-letter-queue
 * failure strategy turns into a record on the dead-letter topic with the reason (and this consumer's name, see
 * {@link DeadLetterHeaders}).
 * <p>
 * A transient failure (the database unreachable or restarting, a serialization failure, a deadlock, a lock or pool
 * timeout) is neither of those: the same event is tried again with exponential backoff, for as long as the failure
 * lasts, without acknowledging it, dead-lettering it or failing the channel. Readiness reports the consumer as
 * degraded meanwhile ({@link ConsumerHealth}).
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

    @Inject
    SupportConfig config;

    private final Map<String, RetryState> states = new ConcurrentHashMap<>();
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    public CompletionStage<Void> process(String consumer, Message<String> message, EventHandlers handlers) {
        // Registered (at 0) with the first event, so that dashboards and alerts see the series before anything fails.
        registry.counter(DEAD_LETTERED, "consumer", consumer);
        EventContext context;
        DomainEvent event;
        BiConsumer<Object, EventContext> handler;
        try {
            context = context(message);
            TopicOwnership.requireOwner(message, context.source());
            if (redrivenForAnother(consumer, message)) {
                return message.ack();
            }
            Class<? extends DomainEvent> type = EventCatalog.byType(context.type())
                    .orElseThrow(() -> new PoisonEventException("unknown event type or version: " + context.type()));
            Optional<BiConsumer<Object, EventContext>> wanted = handlers.handlerFor(type);
            if (wanted.isEmpty()) {
                return message.ack();
            }
            handler = wanted.get();
            event = parse(message.getPayload(), type);
        } catch (PoisonEventException poison) {
            return deadLetter(consumer, message, poison);
        }
        MDC.put(RequestIds.MDC_KEY, context.requestId() == null ? "" : context.requestId());
        // The event is applied in a span of the trace its record carries (the connector's consumer span, itself a
        // child of the producer span the outbox relay sent it in): one trace from the HTTP request to here.
        Context parent = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .orElse(Context.current());
        Span span = tracer.spanBuilder(consumer + " apply " + context.type()).setParent(parent)
                .setSpanKind(SpanKind.INTERNAL).setAttribute(EVENT_ID, context.id()).startSpan();
        RetryState state = state(consumer);
        try (Scope scope = span.makeCurrent()) {
            boolean applied = guard(consumer).call(() -> applyOnce(consumer, context, event, handler), Boolean.class);
            if (state.retrying()) {
                LOG.infof("%s applies events again after %s", consumer, state.detail());
                state.recovered();
            }
            registry.counter("events.consumed", "consumer", consumer, "type", context.type(),
                    "result", applied ? "applied" : "duplicate").increment();
            // One line per event, under the request id and trace id of the change that caused it.
            LOG.infof("%s %s %s by %s (event %s)", context.type(), context.subject(),
                    applied ? "applied" : "already applied", consumer, context.id());
            return message.ack();
        } catch (PoisonEventException poison) {
            span.recordException(poison);
            return deadLetter(consumer, message, poison);
        } catch (Exception failure) {
            if (TransientFailures.isTransient(failure)) {
                // Only when shutting down: left unacknowledged, the event is delivered again after the restart.
                LOG.infof("%s stops retrying event %s: shutting down", consumer, context.id());
                return new CompletableFuture<>();
            }
            span.recordException(failure);
            // Not the event's shape but its content breaks the handler (a rule, a constraint): the same every time.
            return deadLetter(consumer, message,
                    new PoisonEventException("could not be applied: " + TransientFailures.describe(failure), failure));
        } finally {
            span.end();
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private boolean applyOnce(String consumer, EventContext context, DomainEvent event,
            BiConsumer<Object, EventContext> handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
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
    }

    /** Consumers retrying a transient failure now, with the detail readiness shows. */
    public Map<String, Map<String, Object>> retrying() {
        Map<String, Map<String, Object>> retrying = new TreeMap<>();
        states.forEach((consumer, state) -> {
            if (state.retrying()) {
                retrying.put(consumer, state.detail());
            }
        });
        return retrying;
    }

    private RetryState state(String consumer) {
        return states.computeIfAbsent(consumer, c -> new RetryState(clock));
    }

    private Guard guard(String consumer) {
        return guards.computeIfAbsent(consumer, c -> {
            RetryState state = state(c);
            SupportConfig.Inbox settings = config.inbox();
            return Guard.create().withDescription("inbox " + c)
                    .withRetry()
                    .maxRetries(-1) // as long as the failure lasts
                    .maxDuration(0, ChronoUnit.MILLIS)
                    .delay(settings.initialBackoff().toMillis(), ChronoUnit.MILLIS)
                    .jitter(settings.initialBackoff().toMillis(), ChronoUnit.MILLIS)
                    .whenException(failure -> !stopping && TransientFailures.isTransient(failure))
                    .beforeRetry(failure -> {
                        if (!state.retrying()) {
                            LOG.warnf("%s retries with backoff: %s", c, TransientFailures.describe(failure));
                        }
                        state.failed(failure);
                        registry.counter("events.retried", "consumer", c).increment();
                    })
                    .withExponentialBackoff().factor(2)
                    .maxDelay(settings.maxBackoff().toMillis(), ChronoUnit.MILLIS).done()
                    .done().build();
        });
    }

    private CompletionStage<Void> deadLetter(String consumer, Message<String> message, PoisonEventException poison) {
        registry.counter(DEAD_LETTERED, "consumer", consumer).increment();
        LOG.warnf("event sent to the dead-letter topic by %s: %s", consumer, poison.getMessage());
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
        return message.nack(poison,
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withHeaders(headers).build()));
    }

    /**
     * A dead letter sent back for one consumer ({@link DeadLetterHeaders#REDRIVEN_FOR}) passes the others on the same
     * topic by: they applied (or skipped) the original already.
     */
    private static boolean redrivenForAnother(String consumer, Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getHeaders().lastHeader(DeadLetterHeaders.REDRIVEN_FOR))
                .map(h -> !consumer.equals(new String(h.value(), StandardCharsets.UTF_8)))
                .orElse(false);
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
